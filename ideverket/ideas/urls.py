from django.urls import path

from . import views

app_name = "ideas"
urlpatterns = [
    path("", views.idea_list, name="list"),
    path("ny/", views.idea_create, name="create"),
    path("liknande/", views.similar_ideas, name="similar"),
    path("min-sida/", views.mine, name="mine"),
    path("vantar-for-lange/", views.waiting, name="waiting"),
    path("<int:pk>/", views.idea_detail, name="detail"),
    path("<int:pk>/redigera/", views.idea_edit, name="edit"),
    path("<int:pk>/skicka-in/", views.idea_submit, name="submit"),
    path("<int:pk>/beslut/<slug:outcome>/", views.idea_decide, name="decide"),
    path("<int:pk>/kommentera/", views.idea_comment, name="comment"),
    path("<int:pk>/stod/", views.idea_support, name="support"),
    path("<int:pk>/folj/", views.idea_follow, name="follow"),
    path("<int:pk>/tilldela/", views.idea_assign, name="assign"),
]
