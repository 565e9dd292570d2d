from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views
from .api.api import urls as api_urls

urlpatterns = [
    path("", views.home, name="home"),
    path("halsa/", views.health, name="health"),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("org/", include("ideverket.org.urls")),
    path("utmaningar/", include("ideverket.challenges.urls")),
    path("ideer/", include("ideverket.ideas.urls")),
    path("tester/", include("ideverket.trials.urls")),
    path("inforande/", include("ideverket.implementation.urls")),
    path("effekter/", include("ideverket.effects.urls")),
    path("lardomar/", include("ideverket.lessons.urls")),
    path("projekt/", include("ideverket.projects.urls")),
    path("mal/", include("ideverket.goals.urls")),
    path("forvaltningar/", include("ideverket.departments.urls")),
    path("insikter/", include("ideverket.insights.urls")),
    path("innovationsformaga/", include("ideverket.capability.urls")),
    path("utbildning/", include("ideverket.training.urls")),
    path("inspiratorer/", include("ideverket.network.urls")),
    path("vagledning/", include("ideverket.guidance.urls")),
    path("webhooks/", include("ideverket.webhooks.urls")),
    path("notiser/", include("ideverket.activity.urls")),
    path("api/nycklar/", include("ideverket.api.urls")),
    path("api/", api_urls),
    path("django-admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
