from django.urls import path

from . import views, views_report

app_name = "insights"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("uppfoljning/", views_report.followup_report, name="report"),
]
