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
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/forlopp/", views.import_progress, name="import_progress"),
    path("import/<int:pk>/genomfor/", views.import_apply, name="import_apply"),
]
