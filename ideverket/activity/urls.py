from django.urls import path

from . import views

app_name = "activity"
urlpatterns = [
    path("", views.notifications, name="notifications"),
    path("last/", views.mark_read, name="mark_read"),
    path("e-post/", views.email_settings, name="email_settings"),
    path("avregistrera/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
