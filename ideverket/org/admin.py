"""Django admin for superusers. Day-to-day organisation work happens in the product (org.views)."""

from django import forms
from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .actions import check_unit_name_free, do_create_unit, do_update_unit
from .models import RoleAssignment, Unit, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["unit"]


class UnitAdminForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "parent", "is_support_function", "is_active", "external_id"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name"):
            parent = cleaned.get("parent", self.instance.parent)
            try:
                check_unit_name_free(cleaned["name"], parent, exclude_pk=self.instance.pk)
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    form = UnitAdminForm
    list_display = ["name", "kind", "parent", "is_support_function", "is_active", "path"]
    list_filter = ["kind", "is_support_function", "is_active"]
    search_fields = ["name", "external_id"]
    list_select_related = ["parent"]
    readonly_fields = ["kind", "path", "depth"]
    fields = [
        "name",
        "parent",
        "kind",
        "is_support_function",
        "is_active",
        "external_id",
        "path",
        "depth",
    ]
    ordering = ["path"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit rewrites its subtree's paths; the product's unit form does that safely.
        return [*self.readonly_fields, "parent"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        # Through the actions, so paths are built and the change lands on the timeline.
        data = form.cleaned_data
        if change:
            unit = Unit.objects.get(pk=obj.pk)
            do_update_unit(
                request.user,
                unit,
                name=data["name"],
                parent=unit.parent,
                is_support_function=data["is_support_function"],
                is_active=data["is_active"],
            )
            Unit.objects.filter(pk=unit.pk).update(external_id=data["external_id"])
        else:
            unit = do_create_unit(
                request.user,
                name=data["name"],
                parent=data["parent"],
                is_support_function=data["is_support_function"],
                external_id=data["external_id"],
            )
        obj.pk = unit.pk
        obj.refresh_from_db()


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "name"]


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """The stock user admin, keyed on e-mail instead of a username."""

    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ["email", "name", "unit", "is_active", "is_staff", "is_superuser"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    list_select_related = ["unit"]
    search_fields = ["email", "name"]
    ordering = ["name"]
    autocomplete_fields = ["unit"]
    inlines = [RoleAssignmentInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["name", "title", "unit"]}),
        (
            _("Behörigheter"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Datum"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "name", "usable_password", "password1", "password2"],
            },
        ),
    ]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__name", "user__email", "unit__name"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]
