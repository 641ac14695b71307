from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("registro/", views.signup, name="signup"),
    path("cursos/<slug:course_slug>/", views.course_detail, name="course"),
    path("cursos/<slug:course_slug>/paginas/<slug:page_slug>/", views.page_detail, name="page"),
    path("cursos/<slug:course_slug>/lecciones/<slug:lesson_slug>/", views.lesson_detail, name="lesson"),
    path("cursos/<slug:course_slug>/lecciones/<slug:lesson_slug>/completar/", views.lesson_complete,
         name="lesson-complete"),
]
