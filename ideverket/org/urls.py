from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.units, name="units"),
    path("enheter/ny/", views.unit_create, name="unit_create"),
    path("enheter/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("personer/", views.people, name="people"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/", views.person_edit, name="person_edit"),
    path("personer/<int:pk>/roller/", views.role_grant, name="role_grant"),
    path("personer/<int:pk>/roller/<int:role_pk>/ta-bort/", views.role_revoke, name="role_revoke"),
]
