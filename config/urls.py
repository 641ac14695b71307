from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from runner import metrics

# The URL configuration is loaded once per process, after the apps: the point where models can be read.
metrics.register()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("api/", include("runner.urls")),
    path("api/", include("frontend.api_urls")),
    path("api/", include("courses.urls")),
    path("cuentas/", include("django.contrib.auth.urls")),
    path("estudio/", include("studio.urls")),
    path("lti/", include("lti.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("django_prometheus.urls")),  # /metrics
    path("", include("frontend.urls")),
]
