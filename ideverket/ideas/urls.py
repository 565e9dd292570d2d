from django.urls import path

app_name = "ideas"
urlpatterns = []
