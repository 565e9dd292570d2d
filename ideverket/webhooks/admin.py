"""Read-only views of webhooks: changes go through the pages' actions (secrets never shown)."""

from django.contrib import admin

from .models import Attempt, Delivery, Endpoint


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Endpoint)
class EndpointAdmin(ReadOnlyAdmin):
    list_display = ["name", "url", "is_active", "department"]
    exclude = ["secret"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "endpoint", "event", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "event"]


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyAdmin):
    list_display = ["delivery", "number", "started_at", "http_status", "duration_ms"]
