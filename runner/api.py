"""The submissions API: one view per action, each with its own input and output serializers."""
import json

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView

from courses.api import CodeField
from courses.authorizers import can_read_submission
from courses.models import Exercise

from . import live, submissions
from .models import TERMINAL, Mode, Submission


class SubmissionThrottle(UserRateThrottle):
    scope = "submissions"


class SubmissionInput(serializers.Serializer):
    exercise = serializers.UUIDField(allow_null=True, required=False, default=None)
    code = CodeField()
    mode = serializers.ChoiceField(choices=Mode.choices)
    idempotency_key = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")

    def validate_exercise(self, value):
        if value is None:
            return None
        exercise = Exercise.objects.filter(uuid=value, published=True).select_related("lesson").first()
        if exercise is None:
            raise serializers.ValidationError("Ese ejercicio no existe o no está publicado.")
        return exercise


class SubmissionFilter(serializers.Serializer):
    exercise = serializers.UUIDField(required=False)


class SubmissionOutput(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid", allow_null=True, default=None)
    error = serializers.JSONField()

    class Meta:
        model = Submission
        fields = ["id", "exercise", "mode", "status", "score", "max_score", "checks", "stdout", "stderr", "figures",
                  "error", "message", "device", "image", "attempts", "created_at", "started_at", "finished_at",
                  "run_ms", "duration_ms", "code"]


class SubmissionSummary(serializers.ModelSerializer):
    class Meta:
        model = Submission
        fields = ["id", "mode", "status", "score", "max_score", "created_at", "finished_at"]


class SubmissionCreateApi(APIView):
    def get_throttles(self):
        return [SubmissionThrottle()] if self.request.method == "POST" else []

    def post(self, request):
        data = SubmissionInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            submission, created = submissions.create_submission(request.user, **data.validated_data)
        except submissions.QueueFull as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_503_SERVICE_UNAVAILABLE,
                            headers={"Retry-After": str(exc.retry_after_seconds)})
        except submissions.SubmissionRejected as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"id": submission.id, "status": submission.status},
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def get(self, request):
        rows = Submission.objects.owned_by(request.user)
        filters = SubmissionFilter(data=request.query_params)
        if not filters.is_valid():
            return Response(filters.errors, status=status.HTTP_400_BAD_REQUEST)
        if filters.validated_data.get("exercise"):
            rows = rows.filter(exercise__uuid=filters.validated_data["exercise"])
        return Response(SubmissionSummary(rows[:50], many=True).data)


class EventStreamRenderer(BaseRenderer):
    media_type = "text/event-stream"
    format = "txt"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b""


class SubmissionEventsApi(APIView):
    """Server-sent events: the submission's output as it is produced, then its final status."""

    renderer_classes = [EventStreamRenderer]

    def get(self, request, submission_id):
        submission = get_object_or_404(Submission.objects.owned_by(request.user), pk=submission_id)
        if not live.redis_client():
            return Response(status=status.HTTP_204_NO_CONTENT)

        def is_finished():
            return Submission.objects.filter(pk=submission.pk, status__in=TERMINAL).exists()

        def stream():
            yield "retry: 2000\n\n"
            for event in live.events(submission.pk, is_finished):
                yield f"event: {event['event']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"
            yield "event: end\ndata: {}\n\n"

        response = StreamingHttpResponse(stream(), content_type="text/event-stream")
        response["Cache-Control"] = "no-cache"
        response["X-Accel-Buffering"] = "no"
        return response


class SubmissionDetailApi(APIView):
    def get(self, request, submission_id):
        submission = get_object_or_404(Submission.objects.select_related("exercise"), pk=submission_id)
        if not can_read_submission(request.user, submission):
            raise Http404
        return Response(SubmissionOutput(submission).data)
