from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("", views.index, name="index"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("tillganglighet/rapporter/", views.defects, name="defects"),
    path("tillganglighet/rapporter/<int:pk>/", views.defect, name="defect"),
    path("ny/", views.page_create, name="create"),
    path("aterkoppling/", views.feedback_overview, name="feedback_overview"),
    path("aterkoppling/<slug:slug>/", views.page_feedback, name="page_feedback"),
    path("<slug:slug>/", views.page, name="page"),
    path("<slug:slug>/redigera/", views.page_edit, name="edit"),
    path("<slug:slug>/svar/", views.feedback, name="feedback"),
]
