from django.contrib import admin

from .models import FollowUp, Handover, Implementation, Milestone


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Implementation)
class ImplementationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "owner", "receiving_unit", "starts_on", "ends_on"]
    list_filter = ["status"]
    search_fields = ["idea__title"]
    list_select_related = ["idea", "owner", "receiving_unit"]
    raw_id_fields = ["idea", "decision", "owner", "receiving_unit"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MilestoneInline]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(Handover)
class HandoverAdmin(admin.ModelAdmin):
    list_display = ["implementation", "line_owner", "line_unit", "runs_from", "created_at"]
    list_select_related = ["implementation__idea", "line_owner", "line_unit"]
    raw_id_fields = ["implementation", "line_owner", "line_unit", "created_by"]
    readonly_fields = ["created_at"]
    inlines = [FollowUpInline]
