from django.urls import path

from . import views

app_name = "goals"
urlpatterns = [
    path("", views.goal_list, name="list"),
    path("nytt/", views.goal_create, name="create"),
    path("<int:pk>/", views.goal_detail, name="detail"),
    path("<int:pk>/andra/", views.goal_edit, name="edit"),
    path("<int:pk>/aktivt/", views.goal_set_active, name="set_active"),
    path("<int:pk>/indikatorer/ny/", views.indicator_create, name="indicator_create"),
    path("indikatorer/<int:pk>/andra/", views.indicator_edit, name="indicator_edit"),
    path("indikatorer/<int:pk>/varde/", views.indicator_value, name="indicator_value"),
    path("perioder/", views.period_list, name="periods"),
    path("perioder/<int:pk>/andra/", views.period_edit, name="period_edit"),
    path("koppla/<str:label>/<int:subject_id>/", views.link_create, name="link"),
    path(
        "koppla/<str:label>/<int:subject_id>/<int:link_id>/ta-bort/",
        views.link_delete,
        name="unlink",
    ),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("import/<int:pk>/genomfor/", views.import_apply, name="import_apply"),
]
