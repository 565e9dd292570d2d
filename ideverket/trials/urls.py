from django.urls import path

from . import views

app_name = "trials"
urlpatterns = [
    path("", views.trial_list, name="list"),
    path("<int:pk>/", views.trial_detail, name="detail"),
    path("<int:pk>/andra/", views.trial_edit, name="edit"),
    path("<int:pk>/lagesrapport/", views.trial_report, name="report"),
    path("<int:pk>/utvardera/", views.trial_evaluate, name="evaluate"),
    path("<int:pk>/ansvarig/", views.trial_owner, name="owner"),
]
