from django.urls import path

from . import views

app_name = "lti"
urlpatterns = [
    path("login/", views.login_initiation, name="login"),
    path("login/<uuid:registration_uuid>/", views.login_initiation, name="login-registration"),
    path("launch/", views.launch, name="launch"),
    path("jwks.json", views.jwks, name="jwks"),
    path("enlazar/", views.deep_link, name="deep-link"),
    path("grupos/<int:classroom_id>/sincronizar/", views.roster, name="roster"),
    path("configuracion/", views.setup, name="setup"),
]
