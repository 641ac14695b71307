from django.contrib import admin

from .models import Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["id", "user", "exercise", "mode", "status", "score", "attempts", "created_at"]
    list_filter = ["status", "mode", "queue"]
    search_fields = ["user__username", "exercise__title", "id"]
    raw_id_fields = ["user", "exercise"]
    readonly_fields = [f.name for f in Submission._meta.fields]
