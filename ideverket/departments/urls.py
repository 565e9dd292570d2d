from django.urls import path

from . import views

app_name = "departments"
urlpatterns = [
    path("", views.department_list, name="list"),
    path("min/", views.my_department, name="mine"),
    path("<int:pk>/", views.department_detail, name="detail"),
    path("<int:pk>/installningar/", views.department_settings, name="settings"),
    path("<int:pk>/plan/", views.innovation_plan, name="plan"),
]
