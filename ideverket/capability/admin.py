"""Read-only views of the question set and rounds; changes go through the pages' actions."""

from django.contrib import admin

from .models import Dimension, Question, Round


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "dimension", "order", "is_active"]
    list_filter = ["dimension", "is_active"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["year", "status", "opens_on", "closes_on"]

    def has_change_permission(self, request, obj=None):
        return False
