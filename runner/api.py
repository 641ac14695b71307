"""The submissions API: one view per action, each with its own input and output serializers."""
import hashlib
import json

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import parse_etags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.api.common import CodeField, UserOrTokenThrottle, errors
from courses.api.practice import ExerciseFilter, filter_attempts
from courses.authorizers import can_read_submission
from courses.models import Exercise

from . import live, submissions
from .models import TERMINAL, Mode, Status, Submission

#: Bumped when the detail's representation changes, so cached copies under an old ETag are not reused.
REPRESENTATION_VERSION = 1


class SubmissionThrottle(UserOrTokenThrottle):
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


class SubmissionFilter(ExerciseFilter):
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    mode = serializers.ChoiceField(choices=Mode.choices, required=False)


class SubmissionCreatedOutput(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Status.choices)


class SubmissionOutput(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid", allow_null=True, default=None)
    error = serializers.JSONField(allow_null=True)
    checks = serializers.ListField(child=serializers.DictField())
    figures = serializers.ListField(child=serializers.CharField(), help_text="Figuras PNG en base64.")

    class Meta:
        model = Submission
        fields = ["id", "exercise", "mode", "status", "score", "max_score", "checks", "stdout", "stderr", "figures",
                  "error", "message", "device", "image", "attempts", "created_at", "started_at", "finished_at",
                  "run_ms", "duration_ms", "code"]


class SubmissionSummary(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid", allow_null=True, default=None)

    class Meta:
        model = Submission
        fields = ["id", "exercise", "mode", "status", "score", "max_score", "created_at", "finished_at"]


class SubmissionCreateApi(generics.ListAPIView):
    serializer_class = SubmissionSummary

    def get_throttles(self):
        throttles = super().get_throttles()
        return [*throttles, SubmissionThrottle()] if self.request.method == "POST" else throttles

    def get_queryset(self):
        rows = Submission.objects.owned_by(self.request.user).select_related("exercise")
        rows = filter_attempts(rows, self.request, SubmissionFilter, "created_at")
        mode = self.request.query_params.get("mode")
        return rows.filter(mode=mode) if mode else rows

    @extend_schema(operation_id="submission_list", summary="Mis envíos y ejecuciones", parameters=[SubmissionFilter],
                   responses={200: SubmissionSummary(many=True), **errors(400)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="submission_create", summary="Ejecuta o envía código (responde al momento)",
                   request=SubmissionInput,
                   responses={201: SubmissionCreatedOutput,
                              200: OpenApiResponse(SubmissionCreatedOutput,
                                                   description="Misma `idempotency_key`: el envío ya creado."),
                              **errors(400)})
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


class EventStreamRenderer(BaseRenderer):
    media_type = "text/event-stream"
    format = "txt"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return b""


class SubmissionEventsApi(APIView):
    """Server-sent events: the submission's output as it is produced, then its final status."""

    renderer_classes = [EventStreamRenderer]

    @extend_schema(
        operation_id="submission_events",
        summary="Sigue un envío en vivo (server-sent events)",
        description="Eventos `output` con la salida según se produce, `status` con cada cambio de estado y `end` "
                    "al terminar. Sin Redis responde 204: sondea entonces el detalle con `If-None-Match`.",
        responses={(200, "text/event-stream"): OpenApiResponse(OpenApiTypes.STR, description="Flujo de eventos."),
                   204: OpenApiResponse(None, description="Sin flujo en vivo en esta instalación."),
                   **errors(404)})
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


def submission_etag(submission):
    """Changes whenever what the detail shows can change: the status, the attempt and the end of the run."""
    version = (f"{submission.pk}:{submission.status}:{submission.attempts}:{submission.started_at}:"
               f"{submission.finished_at}:{REPRESENTATION_VERSION}")
    return '"' + hashlib.sha256(version.encode()).hexdigest()[:32] + '"'


class SubmissionDetailApi(APIView):
    @extend_schema(
        operation_id="submission_read", summary="Un envío y su resultado",
        description="Para sondear sin gastar: manda el `ETag` recibido en `If-None-Match`; mientras nada cambie, "
                    "la respuesta es 304 sin cuerpo.",
        parameters=[OpenApiParameter("If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                                     description="El `ETag` de la última respuesta.")],
        responses={200: SubmissionOutput, 304: OpenApiResponse(None, description="Sin cambios desde ese `ETag`."),
                   **errors(404)})
    def get(self, request, submission_id):
        submission = get_object_or_404(Submission.objects.select_related("exercise"), pk=submission_id)
        if not can_read_submission(request.user, submission):
            raise Http404
        etag = submission_etag(submission)
        headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
        wanted = parse_etags(request.headers.get("If-None-Match", ""))
        if etag in wanted or "*" in wanted:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response(SubmissionOutput(submission).data, headers=headers)
