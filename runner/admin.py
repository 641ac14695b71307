from django.contrib import admin, messages

from courses.admin import ExerciseAdmin
from courses.models import Exercise

from .models import Queue, Submission
from .tasks import validate_exercises


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "exercise", "mode", "status", "score", "attempts", "created_at"]
    list_filter = ["status", "mode", "queue"]
    search_fields = ["user__username", "exercise__title", "id"]
    raw_id_fields = ["user", "exercise"]
    readonly_fields = [f.name for f in Submission._meta.fields]


class ValidatingExerciseAdmin(ExerciseAdmin):
    """The exercise admin of `courses`, plus the action that proves an exercise in the sandbox.

    It lives here because running code is the runner's business; the action only enqueues the work, so the web
    process never starts a container, and the result lands on the exercise (validated, OK, report) when done.
    """

    actions = ["validate_in_sandbox"]

    @admin.action(description="Validar en el sandbox (la solución debe pasar, los intentos erróneos fallar)")
    def validate_in_sandbox(self, request, queryset):
        ids = list(queryset.filter(kind=Exercise.CODE).values_list("pk", flat=True))
        validate_exercises.apply_async(args=[ids], queue=Queue.CPU)
        self.message_user(request, f"Validación en cola para {len(ids)} ejercicios de código. El resultado "
                                   "aparecerá en las columnas «validado» de esta lista al terminar.", messages.INFO)


admin.site.unregister(Exercise)
admin.site.register(Exercise, ValidatingExerciseAdmin)
