"""The signed-in student's learning: progress, exercise results, lesson completion, and class membership."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import enrolment, progress
from ..authorizers import published_course_or_404
from ..models import ExerciseResult, Lesson, LessonProgress, Membership
from ..verdicts import Verdict
from .common import errors
from .practice import ExerciseFilter, filter_attempts


class PercentOutput(serializers.Serializer):
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()


class PartProgressOutput(PercentOutput):
    uuid = serializers.UUIDField()


class ExerciseCountOutput(serializers.Serializer):
    total = serializers.IntegerField()
    passed = serializers.IntegerField()


class CourseProgressOutput(serializers.Serializer):
    course = PercentOutput(help_text="Lecciones completadas del curso.")
    units = PartProgressOutput(many=True)
    sections = PartProgressOutput(many=True)
    completed_lessons = serializers.ListField(child=serializers.UUIDField())
    exercises = ExerciseCountOutput()


def parts(course_parts, report):
    return [{"uuid": part.uuid, "done": report[part.id].done, "total": report[part.id].total,
             "percent": report[part.id].percent} for part in course_parts if part.id in report]


class CourseProgressApi(APIView):
    @extend_schema(operation_id="course_progress", summary="Mi progreso en un curso",
                   responses={200: CourseProgressOutput, **errors(404)})
    def get(self, request, course_slug):
        course = published_course_or_404(course_slug)
        report = progress.course_progress(request.user, course)
        units = list(course.units.all())
        sections = [section for unit in course.units.prefetch_related("sections") for section in unit.sections.all()]
        completed = Lesson.objects.filter(id__in=report["completed"]).order_by("position").values_list("uuid",
                                                                                                     flat=True)
        return Response(CourseProgressOutput({
            "course": report["course"], "units": parts(units, report["units"]),
            "sections": parts(sections, report["sections"]), "completed_lessons": list(completed),
            "exercises": progress.exercise_counts(request.user, course)}).data)


class ResultOutput(serializers.ModelSerializer):
    exercise = serializers.UUIDField(source="exercise.uuid")
    passed = serializers.BooleanField()

    class Meta:
        model = ExerciseResult
        fields = ["exercise", "attempts", "best_score", "max_score", "last_status", "passed", "first_attempt_at",
                  "last_attempt_at", "first_passed_at", "attempts_to_pass"]


class ResultFilter(ExerciseFilter):
    status = serializers.ChoiceField(choices=Verdict.choices, required=False, help_text="Estado del último intento.")


class ResultListApi(generics.ListAPIView):
    serializer_class = ResultOutput

    def get_queryset(self):
        rows = ExerciseResult.objects.filter(user=self.request.user).select_related("exercise")
        rows = filter_attempts(rows, self.request, ResultFilter, "last_attempt_at", status_field="last_status")
        return rows.order_by("-last_attempt_at")

    @extend_schema(operation_id="result_list", summary="Mis resultados por ejercicio", parameters=[ResultFilter],
                   responses={200: ResultOutput(many=True), **errors(400)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CompletionOutput(serializers.Serializer):
    lesson = serializers.UUIDField()
    completed = serializers.BooleanField()
    completed_at = serializers.DateTimeField(allow_null=True)


def lesson_or_404(course_slug, lesson_slug):
    return get_object_or_404(Lesson, course=published_course_or_404(course_slug), slug=lesson_slug)


class LessonCompletionApi(APIView):
    @extend_schema(operation_id="lesson_completion_read", summary="Si completé una lección",
                   responses={200: CompletionOutput, **errors(404)})
    def get(self, request, course_slug, lesson_slug):
        lesson = lesson_or_404(course_slug, lesson_slug)
        row = LessonProgress.objects.filter(user=request.user, lesson=lesson).first()
        completed_at = row.completed_at if row else None
        return Response({"lesson": lesson.uuid, "completed": completed_at is not None, "completed_at": completed_at})

    @extend_schema(operation_id="lesson_complete", summary="Marca una lección como completada", request=None,
                   responses={200: CompletionOutput, **errors(404)})
    def put(self, request, course_slug, lesson_slug):
        lesson = lesson_or_404(course_slug, lesson_slug)
        row = progress.mark_completed(request.user, lesson)
        return Response({"lesson": lesson.uuid, "completed": True, "completed_at": row.completed_at})

    @extend_schema(operation_id="lesson_uncomplete", summary="Desmarca una lección completada", request=None,
                   responses={204: None, **errors(404)})
    def delete(self, request, course_slug, lesson_slug):
        progress.mark_incomplete(request.user, lesson_or_404(course_slug, lesson_slug))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MembershipOutput(serializers.ModelSerializer):
    classroom = serializers.IntegerField(source="classroom.id")
    name = serializers.CharField(source="classroom.name")
    course = serializers.SlugField(source="classroom.course.slug")
    instructor = serializers.CharField(source="classroom.instructor.get_full_name")

    class Meta:
        model = Membership
        fields = ["classroom", "name", "course", "instructor", "joined_at"]


class JoinInput(serializers.Serializer):
    code = serializers.CharField(max_length=12, help_text="El código que da el profesor.")

    def validate_code(self, value):
        classroom = enrolment.classroom_for_code(value)
        if classroom is None:
            raise serializers.ValidationError("No hay ningún grupo con ese código.")
        return classroom


class MembershipListApi(generics.ListAPIView):
    serializer_class = MembershipOutput

    def get_queryset(self):
        return enrolment.memberships_of(self.request.user).order_by("-joined_at")

    @extend_schema(operation_id="membership_list", summary="Los grupos en los que estoy",
                   responses={200: MembershipOutput(many=True)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="membership_join", summary="Me uno a un grupo con su código", request=JoinInput,
                   responses={201: MembershipOutput, 200: MembershipOutput, **errors(400)})
    def post(self, request):
        data = JoinInput(data=request.data)
        data.is_valid(raise_exception=True)
        membership, created = enrolment.join(request.user, data.validated_data["code"])
        membership = enrolment.memberships_of(request.user).get(pk=membership.pk)
        return Response(MembershipOutput(membership).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class MembershipLeaveApi(APIView):
    @extend_schema(operation_id="membership_leave", summary="Salgo de un grupo", request=None,
                   responses={204: None, **errors(404)})
    def delete(self, request, classroom_id):
        if not enrolment.leave(request.user, classroom_id):
            return Response({"detail": "No estás en ese grupo."}, status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)
