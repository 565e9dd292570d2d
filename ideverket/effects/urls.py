from django.urls import path

from . import views

app_name = "effects"
urlpatterns = [
    path("", views.effect_sums, name="sums"),
    path("<str:subject_label>/<int:subject_id>/ny/", views.effect_create, name="create"),
    path("<int:pk>/matning/", views.measurement_create, name="measure"),
]
