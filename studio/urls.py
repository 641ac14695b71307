from django.urls import path

from . import views

app_name = "studio"

urlpatterns = [
    path("", views.index, name="index"),
    path("vista-previa/", views.preview, name="preview"),
    path("documentos/<uuid:uuid>/", views.edit_document, name="document"),
    path("documentos/<uuid:uuid>/resolver/", views.resolve_document, name="resolve"),
    path("bloques/<uuid:run_id>/", views.block_run, name="blocks"),
    path("ejercicios/<uuid:uuid>/", views.edit_exercise, name="exercise"),
    path("ejercicios/<uuid:uuid>/estado/", views.exercise_status, name="exercise-status"),
    path("ejercicios/<uuid:uuid>/publicar/", views.publish_exercise, name="publish"),
    path("tests/<uuid:uuid>/", views.edit_quiz, name="quiz"),
    path("historial/<uuid:uuid>/", views.item_history, name="history"),
    path("historial/<uuid:uuid>/restaurar/", views.restore, name="restore"),
]
