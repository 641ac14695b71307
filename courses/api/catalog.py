"""The course as readers see it: courses → units → sections → lessons, and exercises without their answers.

Checks, reference solutions and known-wrong attempts never leave the server through these serializers; the
Markdown source of a lesson is shown to staff only, who may edit it.
"""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import progress, quizzes, roles
from ..authorizers import published_course_or_404
from ..models import Course, Exercise, Lesson, Section, Unit
from .common import errors


class CourseOutput(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["uuid", "slug", "title", "publisher", "description", "level", "duration_estimate",
                  "prerequisites", "audience", "keywords", "updated"]


class LessonSummary(serializers.ModelSerializer):
    class Meta:
        model = Lesson
        fields = ["uuid", "slug", "number", "title", "position"]


class SectionOutput(serializers.ModelSerializer):
    lessons = LessonSummary(many=True)

    class Meta:
        model = Section
        fields = ["uuid", "slug", "number", "title", "lessons"]


class UnitOutput(serializers.ModelSerializer):
    sections = SectionOutput(many=True)

    class Meta:
        model = Unit
        fields = ["uuid", "slug", "number", "title", "sections"]


class CourseTreeOutput(CourseOutput):
    units = UnitOutput(many=True)

    class Meta(CourseOutput.Meta):
        fields = [*CourseOutput.Meta.fields, "units"]


class CourseListApi(generics.ListAPIView):
    serializer_class = CourseOutput
    queryset = Course.objects.filter(published=True)

    @extend_schema(operation_id="course_list", summary="Cursos publicados", responses={200: CourseOutput(many=True)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CourseDetailApi(APIView):
    @extend_schema(operation_id="course_read", summary="Un curso con sus unidades, secciones y lecciones",
                   responses={200: CourseTreeOutput, **errors(404)})
    def get(self, request, course_slug):
        course = published_course_or_404(course_slug)
        course = Course.objects.prefetch_related("units__sections__lessons").get(pk=course.pk)
        return Response(CourseTreeOutput(course).data)


class ExerciseSummary(serializers.ModelSerializer):
    lesson = serializers.UUIDField(source="lesson.uuid")

    class Meta:
        model = Exercise
        fields = ["uuid", "slug", "title", "kind", "lesson", "order", "device", "points"]


class LessonOutput(serializers.ModelSerializer):
    course = serializers.SlugField(source="course.slug")
    unit = serializers.UUIDField(source="section.unit.uuid")
    section = serializers.UUIDField(source="section.uuid")
    exercises = ExerciseSummary(many=True, source="published_exercises")
    body_markdown = serializers.SerializerMethodField(help_text="Solo para el equipo; nulo para los demás.")

    class Meta:
        model = Lesson
        fields = ["uuid", "slug", "number", "title", "position", "course", "unit", "section", "objectives",
                  "body_html", "toc_html", "body_markdown", "exercises"]

    def get_body_markdown(self, lesson) -> str | None:
        return lesson.body_markdown if is_staff(self.context["request"].user) else None


def is_staff(user):
    return user.is_staff or roles.is_admin(user)


class LessonDetailApi(APIView):
    @extend_schema(operation_id="lesson_read", summary="Una lección: HTML ya renderizado (y Markdown para el equipo)",
                   responses={200: LessonOutput, **errors(404)})
    def get(self, request, course_slug, lesson_slug):
        course = published_course_or_404(course_slug)
        lesson = get_object_or_404(Lesson.objects.select_related("course", "section__unit"), course=course,
                                   slug=lesson_slug)
        lesson.published_exercises = lesson.exercises.filter(published=True).select_related("lesson")
        return Response(LessonOutput(lesson, context={"request": request}).data)


class ExerciseListFilter(serializers.Serializer):
    course = serializers.SlugField(required=False, help_text="Slug del curso.")
    unit = serializers.UUIDField(required=False, help_text="UUID de la unidad.")
    lesson = serializers.UUIDField(required=False, help_text="UUID de la lección.")
    kind = serializers.ChoiceField(choices=[Exercise.CODE, Exercise.QUIZ], required=False)


class ExerciseListApi(generics.ListAPIView):
    serializer_class = ExerciseSummary

    def get_queryset(self):
        filters = ExerciseListFilter(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        rows = (Exercise.objects.filter(published=True, lesson__course__published=True).select_related("lesson")
                .order_by("lesson__course__slug", "lesson__position", "order"))
        if wanted.get("course"):
            rows = rows.filter(lesson__course__slug=wanted["course"])
        if wanted.get("unit"):
            rows = rows.filter(lesson__section__unit__uuid=wanted["unit"])
        if wanted.get("lesson"):
            rows = rows.filter(lesson__uuid=wanted["lesson"])
        if wanted.get("kind"):
            rows = rows.filter(kind=wanted["kind"])
        return rows

    @extend_schema(operation_id="exercise_list", summary="Ejercicios publicados", parameters=[ExerciseListFilter],
                   responses={200: ExerciseSummary(many=True), **errors(400)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class QuestionOutput(serializers.Serializer):
    prompt = serializers.CharField()
    multiple = serializers.BooleanField()
    options = serializers.ListField(child=serializers.CharField())


class ExerciseOutput(ExerciseSummary):
    instructions_markdown = serializers.SerializerMethodField(help_text="Solo para el equipo; nulo para los demás.")
    hints_revealed = serializers.ListField(child=serializers.CharField(), help_text="Las pistas que ya viste.")
    hints_total = serializers.IntegerField()
    initial_code = serializers.CharField(help_text="Tu borrador si lo hay; si no, el código de partida.")
    questions = QuestionOutput(many=True, help_text="Preguntas de un test, sin las respuestas.")
    passed = serializers.BooleanField(help_text="Si ya lo superaste.")

    class Meta(ExerciseSummary.Meta):
        fields = [*ExerciseSummary.Meta.fields, "instructions_html", "instructions_markdown", "starter_code",
                  "initial_code", "time_limit", "memory_limit", "hints_revealed", "hints_total", "questions",
                  "passed"]

    def get_instructions_markdown(self, exercise) -> str | None:
        return exercise.instructions_markdown if is_staff(self.context["request"].user) else None


class ExerciseDetailApi(APIView):
    @extend_schema(operation_id="exercise_read",
                   summary="Un ejercicio: enunciado, código de partida y pistas vistas (nunca la solución)",
                   responses={200: ExerciseOutput, **errors(404)})
    def get(self, request, exercise_id):
        exercise = get_object_or_404(Exercise.objects.select_related("lesson"), uuid=exercise_id, published=True,
                                     lesson__course__published=True)
        exercise.hints_revealed = progress.revealed_hints(request.user, exercise)
        exercise.hints_total = len(exercise.hints)
        exercise.initial_code = progress.initial_code(request.user, exercise)
        exercise.questions = quizzes.public_questions(exercise) if exercise.kind == Exercise.QUIZ else []
        exercise.passed = bool(progress.passed_exercise_ids(request.user, [exercise]))
        return Response(ExerciseOutput(exercise, context={"request": request}).data)
