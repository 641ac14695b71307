from django.urls import path

from . import account, instructor, views

urlpatterns = [
    path("", views.home, name="home"),
    path("registro/", views.signup, name="signup"),
    path("panel/", views.dashboard, name="dashboard"),
    path("cuenta/claves/", account.token_list, name="account-tokens"),
    path("cuenta/claves/<int:token_id>/revocar/", account.token_revoke, name="account-token-revoke"),
    path("unirse/", instructor.join, name="join"),
    path("unirse/<str:code>/", instructor.join, name="join-code"),
    path("grupos/<int:classroom_id>/salir/", instructor.leave, name="leave-classroom"),
    path("profesor/", instructor.classroom_list, name="classrooms"),
    path("contenido/salud/", instructor.content_health, name="content-health"),
    path("profesor/grupos/<int:classroom_id>/", instructor.classroom_overview, name="classroom"),
    path("profesor/grupos/<int:classroom_id>/ejercicios/", instructor.exercise_statistics, name="classroom-exercises"),
    path("profesor/grupos/<int:classroom_id>/alumnos/<int:student_id>/", instructor.student_detail,
         name="classroom-student"),
    path("profesor/grupos/<int:classroom_id>/progreso.csv", instructor.matrix_csv, name="classroom-matrix-csv"),
    path("profesor/grupos/<int:classroom_id>/ejercicios.csv", instructor.statistics_csv,
         name="classroom-statistics-csv"),
    path("contenido/medios/<path:path>", views.content_media, name="content-media"),
    path("cursos/<slug:course_slug>/", views.course_detail, name="course"),
    path("cursos/<slug:course_slug>/paginas/<slug:page_slug>/", views.page_detail, name="page"),
    path("cursos/<slug:course_slug>/lecciones/<slug:lesson_slug>/", views.lesson_detail, name="lesson"),
    path("cursos/<slug:course_slug>/lecciones/<slug:lesson_slug>/completar/", views.lesson_complete,
         name="lesson-complete"),
]
