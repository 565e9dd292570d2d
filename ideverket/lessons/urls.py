from django.urls import path

from . import views

app_name = "lessons"
urlpatterns = [
    path("", views.lesson_list, name="list"),
    path("<int:pk>/", views.lesson_detail, name="detail"),
    path("ny/<str:subject_label>/<int:subject_id>/", views.lesson_create, name="create"),
]
