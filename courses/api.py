"""Endpoints the lesson page calls while a student works on practice that runs no code: drafts, hints, quizzes."""
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from . import progress, quizzes
from .limits import CodeRejected, check_code_text
from .models import Exercise


def published_exercise_or_404(exercise_id):
    return get_object_or_404(Exercise, uuid=exercise_id, published=True)


class CodeField(serializers.CharField):
    """Code as students type it: whitespace kept, and the platform's size and encoding limits applied."""

    def __init__(self, **kwargs):
        super().__init__(allow_blank=True, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        try:
            return check_code_text(code)
        except CodeRejected as exc:
            raise serializers.ValidationError(str(exc)) from None


class DraftInput(serializers.Serializer):
    code = CodeField()


class DraftApi(APIView):
    def put(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        data = DraftInput(data=request.data)
        data.is_valid(raise_exception=True)
        progress.save_draft(request.user, exercise, data.validated_data["code"])
        return Response({"saved": True})


class HintApi(APIView):
    def get(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        return Response({"hints": progress.revealed_hints(request.user, exercise), "total": len(exercise.hints)})

    def post(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        return Response({"hints": progress.reveal_next_hint(request.user, exercise), "total": len(exercise.hints)})


class QuizAttemptInput(serializers.Serializer):
    exercise = serializers.UUIDField()
    answers = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField(min_value=0),
                                                                max_length=20), max_length=100)

    def validate_exercise(self, value):
        exercise = Exercise.objects.filter(uuid=value, published=True, kind=Exercise.QUIZ).first()
        if exercise is None:
            raise serializers.ValidationError("Ese test no existe o no está publicado.")
        return exercise


class QuizAttemptApi(APIView):
    def post(self, request):
        data = QuizAttemptInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            attempt, result = quizzes.submit(request.user, data.validated_data["exercise"],
                                             data.validated_data["answers"])
        except quizzes.InvalidAnswers as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        except quizzes.TooManyAttempts as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_429_TOO_MANY_REQUESTS,
                            headers={"Retry-After": str(exc.retry_after)})
        return Response(quizzes.feedback(attempt, result), status=status.HTTP_201_CREATED)
