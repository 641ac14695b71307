"""Practice that runs no code: drafts, hints and quizzes, plus the signed-in student's quiz attempts."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import progress, quizzes
from ..models import Exercise, ExerciseDraft, QuizAttempt
from ..verdicts import Verdict
from .common import CodeField, errors


def published_exercise_or_404(exercise_id):
    return get_object_or_404(Exercise, uuid=exercise_id, published=True)


class DateRangeFilter(serializers.Serializer):
    since = serializers.DateTimeField(required=False, help_text="Solo desde este instante (ISO 8601).")
    until = serializers.DateTimeField(required=False, help_text="Solo hasta este instante (ISO 8601).")

    def validate(self, attrs):
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError("`since` no puede ser posterior a `until`.")
        return attrs


class ExerciseFilter(DateRangeFilter):
    exercise = serializers.UUIDField(required=False, help_text="UUID del ejercicio.")
    unit = serializers.UUIDField(required=False, help_text="UUID de la unidad.")


def filter_attempts(rows, request, filter_class, date_field, status_field="status"):
    """Applies the validated query string to attempts (anything with an exercise and a date); 400 on junk."""
    filters = filter_class(data=request.query_params)
    filters.is_valid(raise_exception=True)
    wanted = filters.validated_data
    if wanted.get("exercise"):
        rows = rows.filter(exercise__uuid=wanted["exercise"])
    if wanted.get("unit"):
        rows = rows.filter(exercise__lesson__section__unit__uuid=wanted["unit"])
    if wanted.get("status"):
        rows = rows.filter(**{status_field: wanted["status"]})
    if wanted.get("since"):
        rows = rows.filter(**{f"{date_field}__gte": wanted["since"]})
    if wanted.get("until"):
        rows = rows.filter(**{f"{date_field}__lte": wanted["until"]})
    return rows


class DraftInput(serializers.Serializer):
    code = CodeField()


class DraftOutput(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid")

    class Meta:
        model = ExerciseDraft
        fields = ["exercise", "code", "updated_at"]


class DraftApi(APIView):
    @extend_schema(operation_id="draft_read", summary="El borrador guardado de un ejercicio",
                   responses={200: DraftOutput, **errors(404)})
    def get(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        draft = get_object_or_404(ExerciseDraft, user=request.user, exercise=exercise)
        return Response(DraftOutput(draft).data)

    @extend_schema(operation_id="draft_save", summary="Guarda el código del editor", request=DraftInput,
                   responses={200: inline_serializer("DraftSaved", {"saved": serializers.BooleanField()}),
                              **errors(400, 404)})
    def put(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        data = DraftInput(data=request.data)
        data.is_valid(raise_exception=True)
        progress.save_draft(request.user, exercise, data.validated_data["code"])
        return Response({"saved": True})


class DraftFilter(DateRangeFilter):
    exercise = serializers.UUIDField(required=False, help_text="UUID del ejercicio.")
    unit = serializers.UUIDField(required=False, help_text="UUID de la unidad.")


class DraftListApi(generics.ListAPIView):
    serializer_class = DraftOutput

    def get_queryset(self):
        rows = ExerciseDraft.objects.filter(user=self.request.user, exercise__published=True)
        return filter_attempts(rows.select_related("exercise").order_by("-updated_at"), self.request, DraftFilter,
                               "updated_at")

    @extend_schema(operation_id="draft_list", summary="Mis borradores", parameters=[DraftFilter],
                   responses={200: DraftOutput(many=True), **errors(400)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class HintsOutput(serializers.Serializer):
    hints = serializers.ListField(child=serializers.CharField(), help_text="Las pistas vistas hasta ahora, en orden.")
    total = serializers.IntegerField(help_text="Cuántas pistas tiene el ejercicio.")


class HintApi(APIView):
    @extend_schema(operation_id="hints_read", summary="Las pistas vistas de un ejercicio",
                   responses={200: HintsOutput, **errors(404)})
    def get(self, request, exercise_id):
        exercise = published_exercise_or_404(exercise_id)
        return Response({"hints": progress.revealed_hints(request.user, exercise), "total": len(exercise.hints)})

    @extend_schema(operation_id="hints_reveal", summary="Descubre la siguiente pista", request=None,
                   responses={200: HintsOutput, **errors(404)})
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


class QuizCheckOutput(serializers.Serializer):
    name = serializers.CharField()
    passed = serializers.BooleanField()
    message = serializers.CharField(allow_blank=True)
    points = serializers.FloatField()
    max_points = serializers.FloatField()
    chosen = serializers.ListField(child=serializers.IntegerField())
    correct = serializers.ListField(child=serializers.IntegerField(), allow_null=True)


class QuizFeedbackOutput(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Verdict.choices)
    score = serializers.FloatField()
    max_score = serializers.FloatField()
    correct = serializers.IntegerField()
    questions = serializers.IntegerField()
    checks = QuizCheckOutput(many=True, help_text="Vacío hasta superar el test.")
    message = serializers.CharField(required=False)


class QuizAttemptOutput(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid")

    class Meta:
        model = QuizAttempt
        fields = ["id", "exercise", "status", "score", "max_score", "created_at"]


class QuizAttemptFilter(ExerciseFilter):
    status = serializers.ChoiceField(choices=[Verdict.PASSED, Verdict.FAILED], required=False)


class QuizAttemptApi(generics.ListAPIView):
    serializer_class = QuizAttemptOutput

    def get_queryset(self):
        rows = QuizAttempt.objects.filter(user=self.request.user).select_related("exercise")
        return filter_attempts(rows, self.request, QuizAttemptFilter, "created_at")

    @extend_schema(operation_id="quiz_attempt_list", summary="Mis intentos de tests", parameters=[QuizAttemptFilter],
                   responses={200: QuizAttemptOutput(many=True), **errors(400)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="quiz_attempt_create", summary="Responde un test (se corrige al momento)",
                   request=QuizAttemptInput, responses={201: QuizFeedbackOutput, **errors(400)})
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
