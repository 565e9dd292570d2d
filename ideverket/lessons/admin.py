from django.contrib import admin

from .models import Lesson


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "outcome", "unit", "department", "created_at"]
    list_filter = ["outcome"]
    search_fields = ["title", "text"]
    list_select_related = ["unit", "department"]
    raw_id_fields = ["unit", "department", "created_by"]
    readonly_fields = ["subject_type", "subject_id", "created_at"]

    def save_model(self, request, obj, form, change):
        # The site's search reads search_text; keep it in step with edits made here too.
        obj.refresh_search_text()
        super().save_model(request, obj, form, change)
