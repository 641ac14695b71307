from django.contrib import admin
from django.urls import include, path

from runner import metrics

# The URL configuration is loaded once per process, after the apps: the point where models can be read.
metrics.register()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("runner.urls")),
    path("api/", include("courses.urls")),
    path("cuentas/", include("django.contrib.auth.urls")),
    path("estudio/", include("studio.urls")),
    path("lti/", include("lti.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("django_prometheus.urls")),  # /metrics
    path("", include("frontend.urls")),
]
