"""Read-only views of the network; changes go through the pages' actions (and the timeline)."""

from django.contrib import admin

from .models import InspirerProfile, NetworkActivity


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(InspirerProfile)
class InspirerProfileAdmin(ReadOnlyAdmin):
    list_display = ["user", "is_available", "updated_at"]
    list_filter = ["is_available"]
    list_select_related = ["user"]


@admin.register(NetworkActivity)
class NetworkActivityAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "starts_at", "department", "organiser"]
    list_filter = ["kind"]
    list_select_related = ["department", "organiser"]
