from django.urls import path

from .api import catalog, learning, practice, tokens

urlpatterns = [
    path("courses/", catalog.CourseListApi.as_view(), name="api-courses"),
    path("courses/<slug:course_slug>/", catalog.CourseDetailApi.as_view(), name="api-course"),
    path("courses/<slug:course_slug>/progress/", learning.CourseProgressApi.as_view(), name="api-course-progress"),
    path("courses/<slug:course_slug>/lessons/<slug:lesson_slug>/", catalog.LessonDetailApi.as_view(),
         name="api-lesson"),
    path("courses/<slug:course_slug>/lessons/<slug:lesson_slug>/completion/", learning.LessonCompletionApi.as_view(),
         name="api-lesson-completion"),
    path("exercises/", catalog.ExerciseListApi.as_view(), name="api-exercises"),
    path("exercises/<uuid:exercise_id>/", catalog.ExerciseDetailApi.as_view(), name="api-exercise"),
    path("exercises/<uuid:exercise_id>/draft/", practice.DraftApi.as_view(), name="api-draft"),
    path("exercises/<uuid:exercise_id>/hints/", practice.HintApi.as_view(), name="api-hints"),
    path("drafts/", practice.DraftListApi.as_view(), name="api-drafts"),
    path("quiz-attempts/", practice.QuizAttemptApi.as_view(), name="api-quiz-attempts"),
    path("results/", learning.ResultListApi.as_view(), name="api-results"),
    path("memberships/", learning.MembershipListApi.as_view(), name="api-memberships"),
    path("memberships/<int:classroom_id>/", learning.MembershipLeaveApi.as_view(), name="api-membership"),
    path("tokens/", tokens.TokenListApi.as_view(), name="api-tokens"),
    path("tokens/<int:token_id>/", tokens.TokenRevokeApi.as_view(), name="api-token"),
]
