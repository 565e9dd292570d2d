from django.contrib import admin

from .models import Criterion, Trial, TrialUpdate


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "owner", "starts_on", "ends_on", "created_at"]
    list_filter = ["status"]
    search_fields = ["idea__title"]
    list_select_related = ["idea", "owner"]
    raw_id_fields = ["idea", "decision", "owner", "evaluated_by"]
    readonly_fields = ["created_at", "updated_at", "evaluated_at"]
    inlines = [CriterionInline]


@admin.register(TrialUpdate)
class TrialUpdateAdmin(admin.ModelAdmin):
    list_display = ["trial", "health", "author", "created_at"]
    list_filter = ["health"]
    list_select_related = ["trial__idea", "author"]
    raw_id_fields = ["trial", "author"]
