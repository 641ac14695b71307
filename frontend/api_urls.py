from django.urls import path

from . import api

urlpatterns = [
    path("classes/", api.ClassroomListApi.as_view(), name="api-classes"),
    path("classes/<int:classroom_id>/", api.ClassroomDetailApi.as_view(), name="api-class"),
    path("classes/<int:classroom_id>/members/", api.ClassMembersApi.as_view(), name="api-class-members"),
    path("classes/<int:classroom_id>/progress/", api.ClassProgressApi.as_view(), name="api-class-progress"),
    path("classes/<int:classroom_id>/exercises/", api.ClassExerciseStatsApi.as_view(),
         name="api-class-exercises"),
    path("classes/<int:classroom_id>/misconceptions/", api.ClassMisconceptionsApi.as_view(),
         name="api-class-misconceptions"),
]
