"""The organisation: units in a tree, the people in them and the roles they hold."""

from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ideverket.lib.text import normalize_text


class UnitQuerySet(models.QuerySet):
    def departments(self):
        return self.filter(kind=Unit.Kind.DEPARTMENT)

    def active(self):
        return self.filter(is_active=True)

    def subtree_of(self, unit):
        """The unit and everything below it: one indexed prefix query on the path."""
        return self.filter(path__startswith=unit.path)

    def tree_order(self):
        return self.order_by("path")


class Unit(models.Model):
    """A node of the organisation: the municipality, a department (förvaltning) or a unit."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        DEPARTMENT = "department", _("Förvaltning")
        UNIT = "unit", _("Enhet")

    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.UNIT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnad"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of ids, "/1/4/9/": ancestor and subtree checks are prefix comparisons.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    # The department (förvaltning) the unit lies in, itself for a department, None for the
    # municipality: kept with the path so reports group ideas and people per department by a
    # plain column instead of parsing paths.
    department = models.ForeignKey(
        "self",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_support_function = models.BooleanField(
        _("stödfunktion"),
        default=False,
        help_text=_("HR, IT, kommunikation, ekonomi och liknande som deltar som partner."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    external_id = models.CharField(_("externt id"), max_length=100, blank=True, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="unit_unique_name_under_parent",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def ancestor_ids(self):
        """Ids from the root down to and including this unit."""
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def is_within(self, other):
        """True when this unit is `other` or lies below it."""
        return bool(other.path) and self.path.startswith(other.path)

    @staticmethod
    def department_id_of_path(path):
        """The department's id in a path ("/1/4/9/" -> 4), None for the municipality."""
        parts = path.strip("/").split("/")
        return int(parts[1]) if len(parts) >= 2 else None

    def _place(self, path):
        self.path = path
        self.depth = path.count("/") - 2
        self.department_id = self.department_id_of_path(path)

    def rebuild_path(self):
        """Recompute path, depth and department of this unit and its subtree (after a move or
        a creation); returns the number of rows changed."""
        old_path = self.path
        parent_path = self.parent.path if self.parent_id else "/"
        self._place(f"{parent_path}{self.pk}/")
        self.save(update_fields=["path", "depth", "department"])
        changed = 1
        if old_path and old_path != self.path:
            below = list(Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk))
            for unit in below:
                unit._place(self.path + unit.path[len(old_path) :])
            Unit.objects.bulk_update(below, ["path", "depth", "department"], batch_size=500)
            changed += len(below)
        return changed


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("E-mail is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person in the municipality; logs in with e-mail and belongs to one unit."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-post"), unique=True)
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("befattning"), max_length=200, blank=True, default="")
    # The employee's id in the HR system (anställnings-id), set by the organisation import.
    external_id = models.CharField(
        _("anställnings-id"), max_length=100, blank=True, default="", db_index=True
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    # Lower-cased, NFC-normalised name + e-mail for person search.
    search_text = models.CharField(max_length=500, editable=False, default="")
    # Unread notifications, kept by activity.actions (+1 per notification, recounted when
    # some are read): read with the person on every request, so a page for someone with
    # nothing unread asks no query for the menu's badge. Never written by save().
    unread_notification_count = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    def save(self, *args, **kwargs):
        self.name = normalize_text(self.name)
        self.search_text = f"{self.name} {self.email}".casefold()
        if kwargs.get("update_fields") is None and not self._state.adding:
            # A person read before a notification arrived must not write back an old count.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "unread_notification_count"
            ]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    # -- roles, loaded once per request and cached on the instance --------------------------
    @cached_property
    def role_assignments(self):
        return list(self.roles.select_related("unit"))

    def role_units(self, *roles):
        return [a.unit for a in self.role_assignments if not roles or a.role in roles]

    def has_central_role(self, *roles):
        return any(
            a.role in roles for a in self.role_assignments if a.role in RoleAssignment.CENTRAL
        )

    @property
    def is_coordinator(self):
        return self.has_central_role(RoleAssignment.Role.COORDINATOR)

    @property
    def is_org_admin(self):
        return self.is_superuser or self.has_central_role(RoleAssignment.Role.ADMIN)

    def has_role_over(self, unit, *roles):
        """True when the user holds one of `roles` on `unit` or on a unit above it."""
        return any(unit.is_within(role_unit) for role_unit in self.role_units(*roles))

    def units_with_role_filter(self, field, *roles):
        """A Q matching objects whose `field` unit lies within a unit where the user has a role."""
        q = Q(pk__in=[])
        for role_unit in self.role_units(*roles):
            q |= Q(**{f"{field}__path__startswith": role_unit.path})
        return q


class RoleAssignment(models.Model):
    """A role a person holds on a unit (and so on everything below it)."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("Chef / beslutsfattare")
        INNOVATION_LEAD = "innovation_lead", _("Innovationsledare")
        INSPIRER = "inspirer", _("Idéinspiratör")
        COORDINATOR = "coordinator", _("Innovationssamordnare")
        ADMIN = "admin", _("Administratör")

    CENTRAL = frozenset({Role.COORDINATOR, Role.ADMIN})
    DECIDERS = (Role.MANAGER, Role.INNOVATION_LEAD)
    UNIT_ROLES = (Role.MANAGER, Role.INNOVATION_LEAD, Role.INSPIRER)

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhet"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("roll"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roll")
        verbose_name_plural = _("roller")
        ordering = ["unit__path", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="role_unique_per_unit"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class OrgImport(models.Model):
    """An organisation import from the HR system: units and people, from preview to done.

    Only the columns Idéverket reads are kept (as JSON rows), never the files themselves, so a
    column such as personnummer that an HR export carries along is never stored. The rows are
    planned again when the import is applied; the task updates `status` and the progress fields,
    which the import's page shows.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Förhandsgranskad")
        QUEUED = "queued", _("Väntar på att starta")
        CHECKING = "checking", _("Kontrollerar raderna")
        SAVING = "saving", _("Sparar")
        DONE = "done", _("Genomförd")
        FAILED = "failed", _("Misslyckades")

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.SAVING)

    units_filename = models.CharField(_("fil med enheter"), max_length=255, blank=True)
    people_filename = models.CharField(_("fil med personer"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64)
    # {"units": [[row number, {column: text}], ...], "people": [...]}
    rows = models.JSONField(default=dict, blank=True)
    full = models.BooleanField(_("fullständig import"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED
    )
    summary = models.JSONField(default=dict, blank=True)
    ignored_columns = models.JSONField(default=list, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    # Why a run failed: [{"row": n, "column": "...", "message": "...", "file": "..."}]
    errors = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("organisationsimport")
        verbose_name_plural = _("organisationsimporter")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        names = " + ".join(n for n in (self.units_filename, self.people_filename) if n)
        return f"{names} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("org:import_detail", args=[self.pk])

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(100, self.progress_done * 100 // self.progress_total)
