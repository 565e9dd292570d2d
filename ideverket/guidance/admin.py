"""Read-only views of guidance pages, feedback and defect reports; changes go through the
pages' actions (so every edit is on the timeline)."""

from django.contrib import admin

from .models import DefectReport, GuidePage, PageFeedback


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GuidePage)
class GuidePageAdmin(ReadOnlyAdmin):
    list_display = ["title", "slug", "is_published", "contact", "updated_at"]
    list_filter = ["is_published"]
    list_select_related = ["contact"]


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["page", "helpful", "created_at"]
    list_filter = ["helpful"]
    list_select_related = ["page"]


@admin.register(DefectReport)
class DefectReportAdmin(ReadOnlyAdmin):
    list_display = ["page_url", "status", "created_at"]
    list_filter = ["status"]
