from django.urls import path

from . import api

urlpatterns = [
    path("quiz-attempts/", api.QuizAttemptApi.as_view(), name="api-quiz-attempts"),
    path("exercises/<uuid:exercise_id>/draft/", api.DraftApi.as_view(), name="api-draft"),
    path("exercises/<uuid:exercise_id>/hints/", api.HintApi.as_view(), name="api-hints"),
]
