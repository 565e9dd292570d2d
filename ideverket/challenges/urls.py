from django.urls import path

from . import views

app_name = "challenges"
urlpatterns = [
    path("", views.challenge_list, name="list"),
    path("ny/", views.challenge_create, name="create"),
    path("<int:pk>/", views.challenge_detail, name="detail"),
    path("<int:pk>/andra/", views.challenge_edit, name="edit"),
    path("teman/", views.theme_list, name="themes"),
    path("teman/<int:pk>/andra/", views.theme_edit, name="theme_edit"),
]
