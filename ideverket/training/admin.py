"""Read-only views of courses, sessions and sign-ups; changes go through the pages' actions."""

from django.contrib import admin

from .models import Course, Enrollment, Session


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ["title", "audience", "is_published"]
    list_filter = ["audience", "is_published"]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["course", "starts_at", "place", "capacity", "is_cancelled"]
    list_filter = ["is_cancelled"]


@admin.register(Enrollment)
class EnrollmentAdmin(ReadOnlyAdmin):
    list_display = ["session", "person", "status", "attended", "completed"]
    list_filter = ["status", "completed"]
    list_select_related = ["session__course", "person"]
