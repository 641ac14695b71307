from django.urls import path

from courses import api as courses_api

from . import api

urlpatterns = [
    path("submissions/", api.SubmissionCreateApi.as_view(), name="api-submissions"),
    path("submissions/<uuid:submission_id>/", api.SubmissionDetailApi.as_view(), name="api-submission"),
    path("submissions/<uuid:submission_id>/events/", api.SubmissionEventsApi.as_view(), name="api-submission-events"),
    path("quiz-attempts/", api.QuizAttemptApi.as_view(), name="api-quiz-attempts"),
    path("exercises/<uuid:exercise_id>/draft/", courses_api.DraftApi.as_view(), name="api-draft"),
    path("exercises/<uuid:exercise_id>/hints/", courses_api.HintApi.as_view(), name="api-hints"),
]
