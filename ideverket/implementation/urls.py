from django.urls import path

from . import views

app_name = "implementation"
urlpatterns = [
    path("", views.implementation_list, name="list"),
    path("<int:pk>/", views.implementation_detail, name="detail"),
    path("<int:pk>/andra/", views.implementation_edit, name="edit"),
    path("<int:pk>/ansvarig/", views.implementation_owner, name="owner"),
    path("<int:pk>/delmal/", views.milestone_add, name="milestone_add"),
    path("<int:pk>/delmal/<int:milestone_pk>/", views.milestone_edit, name="milestone_edit"),
    path("<int:pk>/delmal/<int:milestone_pk>/klar/", views.milestone_done, name="milestone_done"),
    path("<int:pk>/overlamna/", views.handover, name="handover"),
    path(
        "<int:pk>/uppfoljning/<int:follow_up_pk>/",
        views.follow_up_done,
        name="follow_up_done",
    ),
]
