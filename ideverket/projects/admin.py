from django.contrib import admin

from .models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)


class ProjectUnitInline(admin.TabularInline):
    model = ProjectUnit
    extra = 0
    raw_id_fields = ["unit", "invited_by", "responded_by"]


class ProjectMemberInline(admin.TabularInline):
    model = ProjectMember
    extra = 0
    raw_id_fields = ["user", "added_by"]


class ProjectMilestoneInline(admin.TabularInline):
    model = ProjectMilestone
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "lead_unit", "status", "step", "health", "looking_for_partners"]
    list_filter = ["status", "step", "visibility", "looking_for_partners"]
    search_fields = ["title", "purpose"]
    list_select_related = ["lead_unit"]
    raw_id_fields = ["lead_unit", "created_by", "challenges", "ideas"]
    readonly_fields = ["created_at", "updated_at", "status_changed_at", "health_reported_at"]
    inlines = [ProjectUnitInline, ProjectMemberInline, ProjectMilestoneInline]

    def save_model(self, request, obj, form, change):
        # The site's search reads search_text; keep it in step with edits made here too.
        obj.refresh_search_text()
        super().save_model(request, obj, form, change)


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["project", "user", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["project", "user", "decided_by"]


@admin.register(StatusReport)
class StatusReportAdmin(admin.ModelAdmin):
    list_display = ["project", "health", "reported_by", "reported_at"]
    list_filter = ["health"]
    raw_id_fields = ["project", "reported_by"]

    # Decisions and reports are records: read here, made only through the product's actions.
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GateDecision)
class GateDecisionAdmin(admin.ModelAdmin):
    list_display = ["project", "gate", "outcome", "decided_by", "decided_at"]
    list_filter = ["gate", "outcome"]
    raw_id_fields = ["project", "decided_by", "receiving_unit", "owner"]

    # Decisions and reports are records: read here, made only through the product's actions.
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
