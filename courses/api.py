"""Small endpoints the lesson page calls while a student works: drafts and hints."""
from django.conf import settings
from django.shortcuts import get_object_or_404
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import progress
from .models import Exercise


def published_exercise_or_404(exercise_id):
    return get_object_or_404(Exercise, uuid=exercise_id, published=True)


class DraftInput(serializers.Serializer):
    code = serializers.CharField(allow_blank=True, trim_whitespace=False)

    def validate_code(self, code):
        if len(code.encode("utf-8", "surrogatepass")) > settings.MAX_CODE_BYTES:
            raise serializers.ValidationError("El borrador supera los 64 KiB.")
        if "\x00" in code:
            raise serializers.ValidationError("El borrador contiene bytes nulos.")
        return code


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
