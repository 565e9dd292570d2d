from django.contrib import admin

from .models import Challenge, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_unit", "step", "open_until", "created_at"]
    list_filter = ["step", "themes"]
    search_fields = ["title", "question"]
    list_select_related = ["owner_unit"]
    raw_id_fields = ["owner_unit", "created_by", "responsible"]
    filter_horizontal = ["themes"]
    readonly_fields = ["created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        # The site's search reads search_text; keep it in step with edits made here too.
        obj.refresh_search_text()
        super().save_model(request, obj, form, change)
