from django.contrib import admin

from .models import Effect, Measurement


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    raw_id_fields = ["recorded_by"]
    readonly_fields = ["created_at"]


@admin.register(Effect)
class EffectAdmin(admin.ModelAdmin):
    list_display = ["description", "kind", "unit", "department", "baseline", "target", "created_at"]
    list_filter = ["kind"]
    search_fields = ["description", "indicator"]
    list_select_related = ["unit", "department"]
    raw_id_fields = ["unit", "department", "created_by"]
    readonly_fields = ["subject_type", "subject_id", "created_at"]
    inlines = [MeasurementInline]
