from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.find, name="find"),
    path("min-profil/", views.my_profile, name="my_profile"),
    path("oversikt/", views.overview, name="overview"),
    path("aktiviteter/", views.activities, name="activities"),
    path("aktiviteter/ny/", views.activity_create, name="activity_create"),
    path("aktiviteter/<int:pk>/", views.activity, name="activity"),
    path("aktiviteter/<int:pk>/redigera/", views.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/anmalan/", views.activity_register, name="activity_register"),
    path("aktiviteter/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/redigera/", views.profile_edit, name="profile_edit"),
]
