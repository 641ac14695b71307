from django.urls import path

from . import api

urlpatterns = [
    path("submissions/", api.SubmissionCreateApi.as_view(), name="api-submissions"),
    path("submissions/<uuid:submission_id>/", api.SubmissionDetailApi.as_view(), name="api-submission"),
    path("submissions/<uuid:submission_id>/events/", api.SubmissionEventsApi.as_view(), name="api-submission-events"),
]
