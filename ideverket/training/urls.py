from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.course_list, name="list"),
    path("ny/", views.course_create, name="course_create"),
    path("<int:pk>/", views.course_detail, name="course"),
    path("<int:pk>/redigera/", views.course_edit, name="course_edit"),
    path("<int:pk>/nytt-tillfalle/", views.session_create, name="session_create"),
    path("tillfallen/<int:pk>/", views.session_detail, name="session"),
    path("tillfallen/<int:pk>/redigera/", views.session_edit, name="session_edit"),
    path("tillfallen/<int:pk>/stall-in/", views.session_cancel, name="session_cancel"),
    path("tillfallen/<int:pk>/anmal/", views.sign_up, name="sign_up"),
    path("tillfallen/<int:pk>/avanmal/", views.cancel_sign_up, name="cancel_sign_up"),
    path("tillfallen/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("tillfallen/<int:pk>/kalender.ics", views.session_ics, name="session_ics"),
    path("kalender/", views.calendar, name="calendar"),
    path("kalender/ny-adress/", views.calendar_renew, name="calendar_renew"),
    path("kalender/<str:token>.ics", views.feed, name="feed"),
    path("tackning/", views.coverage, name="coverage"),
    path("tackning/genomforda/", views.completions, name="completions"),
]
