"""Instructor endpoints: their classes, members, the progress matrix, exercise statistics and misconceptions.

The numbers come from `dashboards`, the code behind the instructor pages, so the API and the pages never
disagree; tables are JSON by default and CSV with `Accept: text/csv` or `?format=csv`.
"""
from django.db.models import Count
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.api.common import FORMAT_PARAMETER, CsvRenderer, errors, wants_csv
from courses.authorizers import classroom_or_404, classrooms_visible_to, instructor_or_404
from courses.models import Classroom, Exercise, Membership

from . import dashboards

CELL_STATES = {"done": "done", "tried": "tried", "": "none"}


class ClassroomOutput(serializers.ModelSerializer):
    course = serializers.SlugField(source="course.slug")
    students = serializers.IntegerField(source="student_count")

    class Meta:
        model = Classroom
        fields = ["id", "name", "course", "join_code", "created_at", "students"]


def classrooms_with_counts(user):
    return (classrooms_visible_to(user).select_related("course").annotate(student_count=Count("memberships"))
            .order_by("-created_at", "-pk"))


class ClassroomListApi(generics.ListAPIView):
    serializer_class = ClassroomOutput

    def get_queryset(self):
        instructor_or_404(self.request.user)
        return classrooms_with_counts(self.request.user)

    @extend_schema(operation_id="class_list", summary="Mis grupos (profesores)",
                   responses={200: ClassroomOutput(many=True), **errors(404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ClassroomDetailApi(APIView):
    @extend_schema(operation_id="class_read", summary="Un grupo", responses={200: ClassroomOutput, **errors(404)})
    def get(self, request, classroom_id):
        classroom = classroom_or_404(request.user, classroom_id)
        return Response(ClassroomOutput(classrooms_with_counts(request.user).get(pk=classroom.pk)).data)


class MemberOutput(serializers.ModelSerializer):
    id = serializers.IntegerField(source="student.id")
    username = serializers.CharField(source="student.username")
    name = serializers.CharField(source="student.get_full_name")

    class Meta:
        model = Membership
        fields = ["id", "username", "name", "joined_at"]


class ClassMembersApi(generics.ListAPIView):
    serializer_class = MemberOutput

    def get_queryset(self):
        classroom = classroom_or_404(self.request.user, self.kwargs["classroom_id"])
        return classroom.memberships.select_related("student").order_by("student__username")

    @extend_schema(operation_id="class_members", summary="Alumnos de un grupo",
                   responses={200: MemberOutput(many=True), **errors(404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class TableApi(generics.GenericAPIView):
    """A class report that is a list of rows: paged JSON, or the whole table as CSV."""

    renderer_classes = [JSONRenderer, CsvRenderer]

    def handle_exception(self, exc):
        """Errors are JSON even when CSV was asked for, as documented."""
        response = super().handle_exception(exc)
        self.request.accepted_renderer, self.request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return response

    def report(self, classroom):
        raise NotImplementedError

    def table(self, report):
        raise NotImplementedError

    def get(self, request, classroom_id):
        classroom = classroom_or_404(request.user, classroom_id)
        report = self.report(classroom)
        if wants_csv(request):
            filename = f"grupo-{classroom.pk}-{self.csv_name}.csv"
            return Response(self.table(report), headers={"Content-Disposition": f'attachment; filename="{filename}"'})
        rows = self.paginate_queryset(self.rows(report))
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)


class ExerciseRef(serializers.Serializer):
    uuid = serializers.UUIDField()
    slug = serializers.SlugField()
    title = serializers.CharField()


class CellOutput(serializers.Serializer):
    exercise = serializers.UUIDField()
    state = serializers.ChoiceField(choices=sorted(CELL_STATES.values()))


class StudentRef(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class MatrixRowOutput(serializers.Serializer):
    student = StudentRef()
    lessons_done = serializers.IntegerField()
    passed = serializers.IntegerField()
    attempted = serializers.IntegerField()
    last_active = serializers.DateTimeField(allow_null=True)
    stuck_on = ExerciseRef(many=True, help_text=f"Ejercicios con {dashboards.STUCK_AFTER} o más intentos fallidos.")
    cells = CellOutput(many=True)


CSV_RESPONSE = OpenApiResponse(OpenApiTypes.STR, description="La tabla entera en CSV (sin paginar), cabecera primero.")


class ClassProgressApi(TableApi):
    serializer_class = MatrixRowOutput
    csv_name = "progreso"

    def report(self, classroom):
        return dashboards.class_overview(classroom)

    def table(self, report):
        return dashboards.matrix_table(report)

    def rows(self, overview):
        return [{"student": row.student, "lessons_done": row.lessons_done, "passed": row.passed,
                 "attempted": row.attempted, "last_active": row.last_active,
                 "stuck_on": [exercise for exercise, _attempts in row.stuck_on],
                 "cells": [{"exercise": exercise.uuid, "state": CELL_STATES[cell]}
                           for exercise, cell in zip(overview["exercises"], row.cells)]}
                for row in overview["rows"]]

    @extend_schema(operation_id="class_progress", summary="Matriz de progreso: alumnos × ejercicios",
                   parameters=[FORMAT_PARAMETER],
                   responses={(200, "application/json"): MatrixRowOutput(many=True), (200, "text/csv"): CSV_RESPONSE,
                              **errors(404)})
    def get(self, request, classroom_id):
        return super().get(request, classroom_id)


class FailingCheckOutput(serializers.Serializer):
    check = serializers.CharField()
    count = serializers.IntegerField()


class ExerciseStatsOutput(serializers.Serializer):
    exercise = ExerciseRef()
    lesson = serializers.CharField(help_text="Número de la lección.")
    attempts = serializers.IntegerField()
    students = serializers.IntegerField()
    passed = serializers.IntegerField()
    pass_rate = serializers.IntegerField(help_text="Porcentaje de alumnos que lo intentaron y lo superaron.")
    median_attempts_to_pass = serializers.FloatField(allow_null=True)
    median_minutes_to_pass = serializers.FloatField(allow_null=True)
    hints = serializers.IntegerField(help_text="Pistas vistas por los alumnos del grupo.")
    failing_checks = FailingCheckOutput(many=True)


class ClassExerciseStatsApi(TableApi):
    serializer_class = ExerciseStatsOutput
    csv_name = "ejercicios"

    def report(self, classroom):
        return dashboards.exercise_statistics(classroom)

    def table(self, report):
        return dashboards.statistics_table(report)

    def rows(self, stats):
        return [{"exercise": item.exercise, "lesson": item.exercise.lesson.number, "attempts": item.attempts,
                 "students": item.students, "passed": item.passed, "pass_rate": item.pass_rate,
                 "median_attempts_to_pass": item.median_attempts_to_pass,
                 "median_minutes_to_pass": item.median_minutes_to_pass, "hints": item.hints,
                 "failing_checks": [{"check": name, "count": n} for name, n in item.failing_checks]}
                for item in stats]

    @extend_schema(operation_id="class_exercise_statistics", summary="Estadísticas por ejercicio de un grupo",
                   parameters=[FORMAT_PARAMETER],
                   responses={(200, "application/json"): ExerciseStatsOutput(many=True),
                              (200, "text/csv"): CSV_RESPONSE, **errors(404)})
    def get(self, request, classroom_id):
        return super().get(request, classroom_id)


class MisconceptionFilter(serializers.Serializer):
    exercise = serializers.UUIDField(required=False, help_text="Solo los fallos de este ejercicio.")


class MisconceptionOutput(serializers.Serializer):
    exercise = serializers.CharField(help_text="Título del ejercicio.")
    signature = serializers.CharField(help_text="El motivo del fallo, con nombre.")
    count = serializers.IntegerField()
    example = serializers.UUIDField(help_text="Un intento de ejemplo (envío o test).")
    student = serializers.CharField(help_text="Nombre de usuario del alumno de ese intento.")
    example_url = serializers.CharField(help_text="La ficha del alumno en el panel del profesor.")


class ClassMisconceptionsApi(generics.GenericAPIView):
    serializer_class = MisconceptionOutput

    @extend_schema(operation_id="class_misconceptions", summary="Fallos agrupados por motivo",
                   parameters=[MisconceptionFilter], responses={200: MisconceptionOutput(many=True),
                                                                **errors(400, 404)})
    def get(self, request, classroom_id):
        classroom = classroom_or_404(request.user, classroom_id)
        filters = MisconceptionFilter(data=request.query_params)
        filters.is_valid(raise_exception=True)
        exercise = None
        if filters.validated_data.get("exercise"):
            exercise = Exercise.objects.filter(uuid=filters.validated_data["exercise"],
                                               lesson__course=classroom.course).first()
            if exercise is None:
                return Response({"exercise": ["Ese ejercicio no es de este curso."]}, status=400)
        rows = self.paginate_queryset(dashboards.misconception_report(classroom, exercise))
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)
