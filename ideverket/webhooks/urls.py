from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("", views.endpoint_list, name="list"),
    path("ny/", views.endpoint_create, name="create"),
    path("<int:pk>/", views.endpoint_log, name="log"),
    path("<int:pk>/redigera/", views.endpoint_edit, name="edit"),
    path("<int:pk>/inaktivera/", views.endpoint_deactivate, name="deactivate"),
    path("<int:pk>/ny-hemlighet/", views.endpoint_new_secret, name="new_secret"),
    path("<int:pk>/testa/", views.endpoint_test, name="test"),
]
