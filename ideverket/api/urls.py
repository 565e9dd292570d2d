from django.urls import path

from . import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens, name="index"),
    path("<int:pk>/aterkalla/", views.revoke, name="revoke"),
]
