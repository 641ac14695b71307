from django import forms
from django.contrib import admin
from django.core.cache import cache
from lti_tool.admin import LtiRegistrationAdmin
from lti_tool.models import LtiDeployment, LtiRegistration

from .middleware import ORIGINS_CACHE_KEY
from .models import LinkedClass, ScoreTarget


class DeploymentForm(forms.ModelForm):
    is_active = forms.BooleanField(label="activo", initial=True, required=False)

    class Meta:
        model = LtiDeployment
        fields = ["deployment_id", "is_active"]


class DeploymentInline(admin.TabularInline):
    model = LtiDeployment
    form = DeploymentForm
    extra = 1


admin.site.unregister(LtiRegistration)


@admin.register(LtiRegistration)
class RegistrationAdmin(LtiRegistrationAdmin):
    """django-lti's registration form; deployments are entered active (only active ones may launch), and the
    frame policy learns a new platform at once. The tool's own URLs and key are on /lti/configuracion/."""

    inlines = [DeploymentInline]
    fieldsets = [(None, {**LtiRegistrationAdmin.fieldsets[0][1], "description": (
        "Los datos que da el LMS. Las URLs y la clave pública de esta herramienta, para pegarlas en el LMS, están "
        "en /lti/configuracion/.")}), *LtiRegistrationAdmin.fieldsets[1:]]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        cache.delete(ORIGINS_CACHE_KEY)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        cache.delete(ORIGINS_CACHE_KEY)


@admin.register(LinkedClass)
class LinkedClassAdmin(admin.ModelAdmin):
    list_display = ["classroom", "context", "roster_synced_at"]
    readonly_fields = ["context", "classroom", "roster_synced_at"]


@admin.register(ScoreTarget)
class ScoreTargetAdmin(admin.ModelAdmin):
    list_display = ["lti_user", "exercise", "line_item", "last_posted_at"]
    readonly_fields = ["lti_user", "exercise", "line_item", "last_posted_at"]
