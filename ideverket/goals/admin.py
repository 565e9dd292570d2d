from django.contrib import admin

from .models import Goal, GoalImport, GoalLink, Indicator, Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "level", "period", "owner_unit", "is_active"]
    list_filter = ["period", "level", "is_active"]
    search_fields = ["reference", "title"]
    raw_id_fields = ["parent", "owner_unit"]
    readonly_fields = ["path", "depth"]
    inlines = [IndicatorInline]


@admin.register(GoalLink)
class GoalLinkAdmin(admin.ModelAdmin):
    list_display = ["goal", "subject_type", "subject_id", "created_at"]
    raw_id_fields = ["goal", "created_by"]


@admin.register(GoalImport)
class GoalImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "status", "uploaded_by", "created_at", "applied_at"]
    exclude = ["content"]
    readonly_fields = ["sha256", "summary", "uploaded_by", "applied_at"]
