from django.urls import path

from . import views

app_name = "capability"
urlpatterns = [
    path("", views.home, name="home"),
    path("resultat/", views.results, name="results"),
    path("<int:pk>/svara/", views.answer, name="answer"),
    path("<int:pk>/mina-svar/", views.answered, name="answered"),
    path("hantera/", views.manage, name="manage"),
    path("fragor/ny/", views.question_create, name="question_create"),
    path("fragor/<int:pk>/", views.question_edit, name="question_edit"),
    path("fragor/<int:pk>/flytta/", views.question_move, name="question_move"),
    path("omgangar/ny/", views.round_create, name="round_create"),
    path("omgangar/<int:pk>/oppna/", views.round_open, name="round_open"),
    path("omgangar/<int:pk>/stang/", views.round_close, name="round_close"),
]
