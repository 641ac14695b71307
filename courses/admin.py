from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import (
    Classroom,
    ContentSync,
    Course,
    Exercise,
    Lesson,
    LessonProgress,
    Membership,
    Page,
    Section,
    Unit,
)


class RenderedAdmin(admin.ModelAdmin):
    """Shows the stored HTML as a preview. Lessons, pages and exercises come from the course files and are edited
    in the content studio (/estudio/), which writes those files; here they are read-only, so no edit made in the
    admin can be lost to the next sync."""

    readonly_fields = ["preview", "source_path"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Vista previa")
    def preview(self, obj):
        html = getattr(obj, "body_html", None) or getattr(obj, "instructions_html", "")
        return format_html('<div class="lesson-preview" style="max-width:60rem">{}</div>', mark_safe(html))


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "level", "updated", "published"]
    search_fields = ["title", "slug"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "course"]
    ordering = ["course", "number"]
    search_fields = ["title"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "unit"]
    ordering = ["unit__number", "order"]
    search_fields = ["title"]


@admin.register(Lesson)
class LessonAdmin(RenderedAdmin):
    list_display = ["number", "title", "section", "position"]
    list_filter = ["section__unit"]
    ordering = ["position"]
    search_fields = ["title", "slug", "body_markdown"]
    fields = ["title", "slug", "section", "course", "number", "order", "position", "objectives", "body_markdown",
              "preview", "source_path"]


@admin.register(Page)
class PageAdmin(RenderedAdmin):
    list_display = ["title", "kind", "order", "course"]
    ordering = ["course", "kind", "order"]
    search_fields = ["title", "body_markdown"]
    fields = ["title", "slug", "course", "kind", "order", "body_markdown", "preview", "source_path"]


@admin.register(Exercise)
class ExerciseAdmin(RenderedAdmin):
    list_display = ["title", "lesson", "kind", "device", "points", "published", "validation_ok", "validated_at"]
    readonly_fields = ["preview", "source_path", "validated_at", "validation_ok", "validation_report"]
    list_filter = ["kind", "device", "published", "lesson__section__unit"]
    search_fields = ["title", "slug", "instructions_markdown"]
    ordering = ["lesson__position", "order"]


@admin.register(LessonProgress)
class LessonProgressAdmin(admin.ModelAdmin):
    list_display = ["user", "lesson", "first_viewed_at", "completed_at"]
    search_fields = ["user__username", "lesson__title"]
    raw_id_fields = ["user", "lesson"]


@admin.register(ContentSync)
class ContentSyncAdmin(admin.ModelAdmin):
    list_display = ["created_at", "summary"]
    readonly_fields = ["created_at", "summary", "problems", "overwritten"]


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["student"]
    extra = 0


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "course", "instructor", "join_code", "created_at"]
    search_fields = ["name", "join_code", "instructor__username"]
    raw_id_fields = ["instructor"]
    inlines = [MembershipInline]
