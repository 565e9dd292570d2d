from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("ny/", views.project_create, name="create"),
    path("partner/", views.partner_page, name="partner"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/andra/", views.project_edit, name="edit"),
    path("<int:pk>/bjud-in/", views.project_invite, name="invite"),
    path("<int:pk>/inbjudan/<int:link_pk>/", views.invitation_respond, name="respond"),
    path("<int:pk>/ga-med/", views.project_join, name="join"),
    path("<int:pk>/forfragan/<int:request_pk>/", views.join_request_decide, name="join_decide"),
    path("<int:pk>/team/", views.project_team, name="team"),
    path("<int:pk>/team/<int:member_pk>/ta-bort/", views.member_remove, name="member_remove"),
    path("<int:pk>/status/", views.status_report, name="status"),
    path("<int:pk>/milstolpar/ny/", views.milestone_create, name="milestone_create"),
    path("<int:pk>/milstolpar/<int:milestone_pk>/", views.milestone_edit, name="milestone_edit"),
    path("<int:pk>/grind/", views.gate_decide, name="gate"),
    path("<int:pk>/kopplingar/", views.project_links, name="links"),
    path("<int:pk>/kopplingar/ta-bort/", views.project_unlink, name="unlink"),
    path("<int:pk>/samarbetspartner/", views.project_partners, name="partners"),
]
