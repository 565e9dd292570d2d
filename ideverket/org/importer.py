"""Reading the organisation as an HR system exports it (units and people), and planning its import.

Two tables, as two files or two sheets of one Excel file (named "Enheter" and "Personer"):
units with their parent's external id, and people with the external id of their unit. The
columns are documented in docs/org-import.md.

    rows = read_files(units_file, people_file)      # {"units": [...], "people": [...]} or errors
    plan = plan_rows(rows, full=False, actor=user)  # never writes; plan.errors or the changes
    apply_plan(plan, actor)                         # inside do_apply_org_import's transaction

Only the columns below are read; nothing like a personal identity number is kept, and a
personnummer column is named in the preview as ignored.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideverket.lib import tables
from ideverket.lib.tables import FileRejected, header_key, text_of
from ideverket.lib.text import search_key

from .models import RoleAssignment, Unit, User

MAX_ERRORS = 200

UNIT_COLUMNS = {
    "enhet_id": (
        "enhet_id",
        "enhets_id",
        "enhetsid",
        "enhetskod",
        "externt_id",
        "id",
        "org_id",
        "orgenhet_id",
    ),
    "namn": ("namn", "enhet", "enhetsnamn", "benämning", "benamning"),
    "överordnad_enhet_id": (
        "överordnad_enhet_id",
        "overordnad_enhet_id",
        "överordnad_id",
        "overordnad_id",
        "överordnad",
        "overordnad",
        "förälder",
        "foralder",
        "parent_id",
    ),
    "stödfunktion": ("stödfunktion", "stodfunktion", "stöd", "stod"),
}
UNIT_REQUIRED = ("enhet_id", "namn")

PEOPLE_COLUMNS = {
    "anställnings_id": (
        "anställnings_id",
        "anstallnings_id",
        "anställningsid",
        "anställningsnummer",
        "anstallningsnummer",
        "anstnr",
        "personalnummer",
        "medarbetar_id",
        "externt_id",
    ),
    "namn": ("namn", "fullständigt_namn", "fullstandigt_namn", "för_och_efternamn"),
    "e_post": ("e_post", "epost", "e_postadress", "mejl", "mail", "email"),
    "befattning": ("befattning", "titel", "yrkestitel", "tjänstetitel", "tjanstetitel"),
    "enhet_id": (
        "enhet_id",
        "enhets_id",
        "enhetsid",
        "enhetskod",
        "enhet",
        "org_id",
        "orgenhet_id",
    ),
    "aktiv": ("aktiv", "aktiv_anställning", "status"),
    "chef": ("chef", "chef_för_enheten", "chef_for_enheten", "enhetschef", "är_chef"),
}
PEOPLE_REQUIRED = ("namn", "e_post", "enhet_id")

# Columns an HR export may carry that Idéverket never reads or stores.
FORBIDDEN = {
    "personnummer",
    "personnr",
    "pnr",
    "person_nr",
    "personal_identity_number",
    "samordningsnummer",
    "födelsedatum",
    "fodelsedatum",
}
MAX_LENGTH = {
    "units": {"enhet_id": 100, "namn": 200, "överordnad_enhet_id": 100},
    "people": {"anställnings_id": 100, "namn": 200, "e_post": 254, "befattning": 200},
}
YES = {"ja", "j", "x", "1", "true", "sant", "yes", "aktiv"}
NO = {"nej", "n", "0", "false", "falskt", "no", "inaktiv", "slutat"}

FILE_LABELS = {"units": gettext_lazy("enheter"), "people": gettext_lazy("personer")}
ACTION_LABELS = {
    "create": gettext_lazy("Skapas"),
    "change": gettext_lazy("Ändras"),
    "unchanged": gettext_lazy("Oförändrad"),
    "deactivate": gettext_lazy("Inaktiveras"),
}


@dataclass(frozen=True)
class RowError:
    file: str  # "units" or "people"
    row: int
    column: str
    message: str

    @property
    def file_label(self):
        return FILE_LABELS.get(self.file, "")

    def as_dict(self):
        return {"file": self.file, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class UnitPlan:
    key: str  # the external id, case-folded
    row: int
    external_id: str
    name: str
    parent_ref: str
    is_support_function: bool
    parent: object = None  # ("u", pk), ("f", key) or None for the root
    existing: object = None
    action: str = "create"
    changed: list = field(default_factory=list)


@dataclass
class PersonPlan:
    row: int
    external_id: str
    name: str
    email: str
    title: str
    unit: object  # ("u", pk) or ("f", key)
    is_active: bool
    manager: object  # True/False, or None when the file has no chef column
    existing: object = None
    action: str = "create"
    changed: list = field(default_factory=list)
    grant: list = field(default_factory=list)  # unit refs to make the person MANAGER of
    revoke: list = field(default_factory=list)  # RoleAssignment pks to remove


@dataclass
class Plan:
    errors: list = field(default_factory=list)
    units: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    deactivate_people: list = field(default_factory=list)
    deactivate_units: list = field(default_factory=list)
    kept_units: int = 0  # missing from a full import but not empty, so left active
    ignored_columns: list = field(default_factory=list)
    forbidden_columns: list = field(default_factory=list)

    def summary(self):
        def counts(items, deactivated):
            out = {"create": 0, "change": 0, "unchanged": 0, "deactivate": len(deactivated)}
            for item in items:
                out[item.action] += 1
            return out

        return {
            "units": counts(self.units.values(), self.deactivate_units),
            "people": counts(self.people, self.deactivate_people),
        }

    @property
    def changes_anything(self):
        return any(
            counts[name]
            for counts in self.summary().values()
            for name in ("create", "change", "deactivate")
        )

    @property
    def change_count(self):
        return sum(
            counts[name]
            for counts in self.summary().values()
            for name in ("create", "change", "deactivate")
        )

    def changed_rows(self):
        """(file, row, name, action label, changed fields) for the preview, file order."""
        out = []
        for item in self.units.values():
            if item.action != "unchanged":
                out.append(("units", item.row, item.name, ACTION_LABELS[item.action], item.changed))
        for item in self.people:
            if item.action != "unchanged":
                out.append(
                    ("people", item.row, item.name, ACTION_LABELS[item.action], item.changed)
                )
        return out


# -- reading -------------------------------------------------------------------------------


def _read(kind, filename, content):
    is_units = kind == "units"
    return tables.read_table(
        filename,
        content,
        columns=UNIT_COLUMNS if is_units else PEOPLE_COLUMNS,
        required=UNIT_REQUIRED if is_units else PEOPLE_REQUIRED,
        header_example=(
            "enhet_id;namn;överordnad_enhet_id;stödfunktion"
            if is_units
            else "anställnings_id;namn;e_post;befattning;enhet_id;aktiv;chef"
        ),
        no_data_message=(
            _("Filen har bara en rubrikrad och inga enheter.")
            if is_units
            else _("Filen har bara en rubrikrad och inga personer.")
        ),
        sheet_names=("enheter", "units") if is_units else ("personer", "people", "medarbetare"),
    )


def read_files(units_file=None, people_file=None):
    """Read the uploaded (filename, bytes) pairs into JSON-ready rows.

    Returns (rows, ignored column names, file errors {"units"/"people": message}). An Excel file
    with a sheet named "Enheter" and one named "Personer" may be given as either file.
    """
    rows = {"units": [], "people": []}
    ignored, errors = [], {}
    sources = {"units": units_file, "people": people_file}
    for kind, other in (("units", "people"), ("people", "units")):
        source = sources[kind]
        if source is None and sources[other] and sources[other][0].lower().endswith(".xlsx"):
            source = _sheet_of_other(kind, sources[other])
        if source is None:
            continue
        try:
            table = _read(kind, *source)
        except FileRejected as exc:
            errors[kind] = exc.message
            continue
        rows[kind] = [
            [number, {column: text_of(value) for column, value in cells.items()}]
            for number, cells in table.rows
        ]
        for name in table.ignored:
            if name not in ignored:
                ignored.append(name)
    return rows, ignored, errors


def _sheet_of_other(kind, source):
    """The other table from the same workbook, when it has a sheet by that name."""
    from io import BytesIO

    from openpyxl import load_workbook

    wanted = {"units": ("enheter", "units"), "people": ("personer", "people", "medarbetare")}
    try:
        workbook = load_workbook(BytesIO(source[1]), read_only=True)
        titles = {header_key(sheet.title) for sheet in workbook.worksheets}
        workbook.close()
    except Exception:  # the other file's own reading reports a broken workbook
        return None
    return source if titles & set(wanted[kind]) else None


def forbidden_columns(ignored):
    return [name for name in ignored if header_key(name) in FORBIDDEN]


# -- planning ------------------------------------------------------------------------------


def _flag(text, default):
    """True/False for ja/nej and friends, `default` when empty, None when unreadable."""
    key = search_key(text)
    if not key:
        return default
    if key in YES:
        return True
    if key in NO:
        return False
    return None


class _Checker:
    def __init__(self, plan):
        self.plan = plan

    def __call__(self, kind, row, column, message):
        if len(self.plan.errors) < MAX_ERRORS:
            self.plan.errors.append(RowError(kind, row, column, message))


def plan_rows(rows, *, full=False, actor=None, ignored=(), progress=None):
    """Check every row against the file and the database; return the Plan (never writes)."""
    plan = Plan(ignored_columns=list(ignored), forbidden_columns=forbidden_columns(ignored))
    error = _Checker(plan)
    total = len(rows.get("units", [])) + len(rows.get("people", []))
    done = 0

    def tick():
        nonlocal done
        done += 1
        if progress is not None and (done % 250 == 0 or done == total):
            progress(done, total)

    units = {u.pk: u for u in Unit.objects.all()}
    by_ext = {u.external_id.strip().casefold(): u for u in units.values() if u.external_id}
    by_name = {}
    for unit in units.values():
        by_name.setdefault(search_key(unit.name), []).append(unit)
    root = next((u for u in sorted(units.values(), key=lambda u: u.path) if not u.parent_id), None)

    _plan_units(plan, rows.get("units", []), units, by_ext, by_name, root, error, tick)
    _plan_people(plan, rows.get("people", []), units, by_ext, by_name, actor, error, tick)
    if not plan.errors and full:
        _plan_full(plan, units, actor)
    plan.errors.sort(key=lambda e: (e.file != "units", e.row, e.column))
    return plan


def _check_lengths(kind, number, texts, error):
    bad = False
    for column, limit in MAX_LENGTH[kind].items():
        if len(texts.get(column, "")) > limit:
            error(
                kind,
                number,
                column,
                _("Högst %(max)s tecken (här %(n)s).") % {"max": limit, "n": len(texts[column])},
            )
            bad = True
    return bad


def _find_unit(ref, plan, by_ext, by_name):
    """(("f", key) | ("u", pk), None) or (None, message) for a unit reference in a file."""
    key = ref.strip().casefold()
    if key in plan.units:
        return ("f", key), None
    if key in by_ext:
        return ("u", by_ext[key].pk), None
    found = by_name.get(search_key(ref), [])
    if len(found) == 1:
        return ("u", found[0].pk), None
    if found:
        return None, _("Flera enheter heter ”%(name)s”. Ange enhetens externa id.") % {"name": ref}
    return None, _("Enheten ”%(ref)s” finns varken i enhetsfilen eller i Idéverket.") % {"ref": ref}


def _plan_units(plan, rows, units, by_ext, by_name, root, error, tick):
    # First pass: every row on its own, so later rows can be parents of earlier ones.
    for number, texts in rows:
        tick()
        bad = _check_lengths("units", number, texts, error)
        for column in UNIT_REQUIRED:
            if not texts.get(column):
                error("units", number, column, _("Fältet får inte vara tomt."))
                bad = True
        support = _flag(texts.get("stödfunktion", ""), False)
        if support is None:
            error("units", number, "stödfunktion", _("Skriv ”ja” eller ”nej”."))
            bad = True
        if bad:
            continue
        key = texts["enhet_id"].casefold()
        if key in plan.units:
            error(
                "units",
                number,
                "enhet_id",
                _("Enhets-id %(id)s finns redan på rad %(row)s.")
                % {"id": texts["enhet_id"], "row": plan.units[key].row},
            )
            continue
        plan.units[key] = UnitPlan(
            key=key,
            row=number,
            external_id=texts["enhet_id"],
            name=texts["namn"],
            parent_ref=texts.get("överordnad_enhet_id", ""),
            is_support_function=support,
            existing=by_ext.get(key),
        )

    # Second pass: parents, the root, cycles.
    roots_in_file = []
    for item in plan.units.values():
        is_root = item.existing is not None and item.existing.parent_id is None
        if not item.parent_ref:
            if is_root or root is None:
                item.parent = None
                roots_in_file.append(item)
            else:
                item.parent = ("u", root.pk)
            continue
        if is_root:
            error(
                "units",
                item.row,
                "överordnad_enhet_id",
                _("Kommunen ligger överst i trädet och kan inte ha en överordnad enhet."),
            )
            continue
        parent, message = _find_unit(item.parent_ref, plan, by_ext, by_name)
        if message:
            error("units", item.row, "överordnad_enhet_id", message)
        elif parent == ("f", item.key):
            error(
                "units",
                item.row,
                "överordnad_enhet_id",
                _("En enhet kan inte ligga under sig själv."),
            )
        else:
            item.parent = parent
    if root is None and len(roots_in_file) > 1:
        for item in roots_in_file[1:]:
            error(
                "units",
                item.row,
                "överordnad_enhet_id",
                _("Bara en enhet kan ligga överst (kommunen). Ange den överordnade enheten."),
            )
    if plan.errors:
        return

    # Adopt a unit built by hand: same name at the same place, and no external id yet.
    children = {}
    for unit in units.values():
        children.setdefault(unit.parent_id, []).append(unit)
    adopted = set()
    changed = True
    while changed:  # parents first: a child is adopted once its parent is known
        changed = False
        for item in plan.units.values():
            if item.existing is not None or item.parent is None:
                continue
            parent_pk = _unit_pk(plan, item.parent)
            if parent_pk is None:
                continue
            for unit in children.get(parent_pk, []):
                if (
                    not unit.external_id
                    and unit.pk not in adopted
                    and search_key(unit.name) == search_key(item.name)
                ):
                    item.existing = unit
                    adopted.add(unit.pk)
                    changed = True
                    break

    in_file = {item.existing.pk: item for item in plan.units.values() if item.existing}

    def parent_of(ref):
        if ref[0] == "f":
            return plan.units[ref[1]].parent
        if ref[1] in in_file:
            return in_file[ref[1]].parent
        parent_id = units[ref[1]].parent_id
        return ("u", parent_id) if parent_id else None

    def canonical(ref):  # an existing unit named in the file is one node, not two
        if ref and ref[0] == "u" and ref[1] in in_file:
            return ("f", in_file[ref[1]].key)
        return ref

    for item in plan.units.values():
        seen = {("f", item.key)}
        current = canonical(item.parent)
        while current is not None:
            if current in seen:
                error(
                    "units",
                    item.row,
                    "överordnad_enhet_id",
                    _("Enheterna bildar en cirkel via %(id)s.") % {"id": item.parent_ref},
                )
                break
            seen.add(current)
            current = canonical(parent_of(current))
    if plan.errors:
        return

    # Names are unique (any letter case) among the children of one unit.
    taken = {}
    for unit in units.values():
        if unit.pk not in in_file:
            parent = canonical(("u", unit.parent_id)) if unit.parent_id else None
            taken[(parent, search_key(unit.name))] = None
    for item in plan.units.values():
        place = (canonical(item.parent), search_key(item.name))
        if place in taken:
            other = taken[place]
            error(
                "units",
                item.row,
                "namn",
                _("Det finns redan en enhet med namnet ”%(name)s” på samma plats%(where)s.")
                % {
                    "name": item.name,
                    "where": _(" (rad %(row)s)") % {"row": other.row} if other else "",
                },
            )
        else:
            taken[place] = item

    for item in plan.units.values():
        unit = item.existing
        if unit is None:
            continue
        parent_pk = None
        if item.parent is not None:
            parent_pk = item.parent[1] if item.parent[0] == "u" else None
            if item.parent[0] == "f":
                parent_item = plan.units[item.parent[1]]
                parent_pk = parent_item.existing.pk if parent_item.existing else -1
        for name, changed in (
            ("namn", unit.name != item.name),
            ("överordnad_enhet_id", unit.parent_id != parent_pk),
            ("stödfunktion", unit.is_support_function != item.is_support_function),
            ("aktiv", not unit.is_active),
            ("enhet_id", unit.external_id != item.external_id),
        ):
            if changed:
                item.changed.append(name)
        item.action = "change" if item.changed else "unchanged"


def _plan_people(plan, rows, units, units_by_ext, units_by_name, actor, error, tick):
    users = list(
        User.objects.only(
            "id", "email", "name", "title", "unit_id", "is_active", "external_id", "is_superuser"
        )
    )
    by_email = {u.email.casefold(): u for u in users}
    by_ext = {u.external_id.casefold(): u for u in users if u.external_id}
    managers = {}
    for assignment in RoleAssignment.objects.filter(role=RoleAssignment.Role.MANAGER).only(
        "id", "user_id", "unit_id"
    ):
        managers.setdefault(assignment.user_id, []).append(assignment)
    seen_ext, seen_email, matched = {}, {}, set()

    for number, texts in rows:
        tick()
        bad = _check_lengths("people", number, texts, error)
        for column in PEOPLE_REQUIRED:
            if not texts.get(column):
                error("people", number, column, _("Fältet får inte vara tomt."))
                bad = True
        email = texts.get("e_post", "").strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error(
                    "people",
                    number,
                    "e_post",
                    _("”%(value)s” är ingen e-postadress.") % {"value": email[:60]},
                )
                bad = True
        active = _flag(texts.get("aktiv", ""), True)
        if active is None:
            error("people", number, "aktiv", _("Skriv ”ja” eller ”nej”."))
            bad = True
        manager = None
        if "chef" in texts:
            manager = _flag(texts["chef"], False)
            if manager is None:
                error("people", number, "chef", _("Skriv ”ja” eller ”nej”."))
                bad = True
        unit = None
        if texts.get("enhet_id"):
            unit, message = _find_unit(texts["enhet_id"], plan, units_by_ext, units_by_name)
            if message:
                error("people", number, "enhet_id", message)
                bad = True
        ext = texts.get("anställnings_id", "")
        if ext and ext.casefold() in seen_ext:
            error(
                "people",
                number,
                "anställnings_id",
                _("Anställnings-id %(id)s finns redan på rad %(row)s.")
                % {"id": ext, "row": seen_ext[ext.casefold()]},
            )
            bad = True
        if email and email in seen_email:
            error(
                "people",
                number,
                "e_post",
                _("E-postadressen finns redan på rad %(row)s.") % {"row": seen_email[email]},
            )
            bad = True
        if ext:
            seen_ext.setdefault(ext.casefold(), number)
        if email:
            seen_email.setdefault(email, number)
        if bad:
            continue

        existing = by_ext.get(ext.casefold()) if ext else None
        owner = by_email.get(email)
        if existing is None and owner is not None:
            if ext and owner.external_id and owner.external_id.casefold() != ext.casefold():
                error(
                    "people",
                    number,
                    "e_post",
                    _("E-postadressen hör till en annan anställd (anställnings-id %(id)s).")
                    % {"id": owner.external_id},
                )
                continue
            existing = owner
        elif existing is not None and owner is not None and owner.pk != existing.pk:
            error(
                "people",
                number,
                "e_post",
                _("E-postadressen används redan av %(name)s.") % {"name": owner.name},
            )
            continue
        if existing is not None and actor is not None and existing.pk == actor.pk and not active:
            error("people", number, "aktiv", _("Du kan inte inaktivera dig själv."))
            continue

        item = PersonPlan(
            row=number,
            external_id=ext,
            name=texts["namn"],
            email=email,
            title=texts.get("befattning", ""),
            unit=unit,
            is_active=active,
            manager=manager,
            existing=existing,
        )
        unit_pk = _unit_pk(plan, unit)
        held = managers.get(existing.pk, []) if existing else []
        if manager is not None:
            if manager and not any(a.unit_id == unit_pk for a in held):
                item.grant.append(unit)
            item.revoke = [a.pk for a in held if not manager or a.unit_id != unit_pk]
        if existing is not None:
            matched.add(existing.pk)
            for name, changed in (
                ("namn", existing.name != item.name),
                ("e_post", existing.email != email),
                ("befattning", existing.title != item.title),
                ("enhet_id", existing.unit_id != unit_pk),
                ("aktiv", existing.is_active != active),
                ("anställnings_id", bool(ext) and existing.external_id != ext),
                ("chef", bool(item.grant or item.revoke)),
            ):
                if changed:
                    item.changed.append(name)
            item.action = "change" if item.changed else "unchanged"
        plan.people.append(item)
    plan._matched_people = matched
    plan._users = users


def _unit_pk(plan, ref):
    """The id of a referenced unit, None for one the import will create."""
    if ref is None:
        return None
    if ref[0] == "u":
        return ref[1]
    existing = plan.units[ref[1]].existing
    return existing.pk if existing else None


def _plan_full(plan, units, actor):
    """A full import: people missing are deactivated; missing units too, when left empty."""
    matched = getattr(plan, "_matched_people", set())
    active_members = {}
    for user in getattr(plan, "_users", []):
        if user.pk in matched:
            continue
        # A units-only file says nothing about the people; nobody deactivates themselves.
        keep = user.is_superuser or (actor is not None and user.pk == actor.pk)
        if user.is_active and plan.people and not keep:
            plan.deactivate_people.append(user)
            continue
        if user.is_active and user.unit_id:
            active_members[user.unit_id] = active_members.get(user.unit_id, 0) + 1
    for item in plan.people:
        pk = _unit_pk(plan, item.unit)
        if item.is_active and pk:
            active_members[pk] = active_members.get(pk, 0) + 1

    in_file = {item.existing.pk for item in plan.units.values() if item.existing}
    final_parent = {pk: unit.parent_id for pk, unit in units.items()}
    for item in plan.units.values():
        if item.existing:
            final_parent[item.existing.pk] = _unit_pk(plan, item.parent)
    active_children = {}
    for item in plan.units.values():
        parent_pk = _unit_pk(plan, item.parent)
        if parent_pk:
            active_children[parent_pk] = active_children.get(parent_pk, 0) + 1
    for pk, unit in units.items():
        if pk not in in_file and unit.is_active and final_parent[pk]:
            active_children[final_parent[pk]] = active_children.get(final_parent[pk], 0) + 1

    if not plan.units:
        return  # a people-only file says nothing about the units
    for unit in sorted(units.values(), key=lambda u: -u.depth):
        if unit.pk in in_file or not unit.is_active or unit.parent_id is None:
            continue
        if active_members.get(unit.pk) or active_children.get(unit.pk):
            plan.kept_units += 1
            continue
        plan.deactivate_units.append(unit)
        if unit.parent_id:
            active_children[unit.parent_id] = active_children.get(unit.parent_id, 1) - 1


# -- applying ------------------------------------------------------------------------------


def _depth(plan, item):
    depth, current = 0, item.parent
    while current is not None and current[0] == "f" and depth <= len(plan.units):
        depth += 1
        current = plan.units[current[1]].parent
    return depth


def apply_plan(plan, actor):
    """Write the plan through the org actions (inside the caller's transaction)."""
    from .actions import (
        do_create_unit,
        do_create_user,
        do_grant_role,
        do_revoke_role,
        do_update_unit,
        do_update_user,
    )

    units = Unit.objects.in_bulk()
    created = {}

    def resolve(ref):
        if ref is None:
            return None
        if ref[0] == "u":
            return units[ref[1]]
        item = plan.units[ref[1]]
        return units[item.existing.pk] if item.existing else created[ref[1]]

    for item in sorted(plan.units.values(), key=lambda i: _depth(plan, i)):
        if item.action == "unchanged":
            continue
        parent = resolve(item.parent)
        if item.existing is None:
            unit = do_create_unit(
                actor,
                name=item.name,
                parent=parent,
                is_support_function=item.is_support_function,
                external_id=item.external_id,
            )
            created[item.key] = unit
            units[unit.pk] = unit
            continue
        unit = units[item.existing.pk]
        moved = unit.parent_id != getattr(parent, "pk", None)
        do_update_unit(
            actor,
            unit,
            name=item.name,
            parent=parent,
            is_support_function=item.is_support_function,
            is_active=True,
            external_id=item.external_id,
        )
        if moved:  # paths below the moved unit changed: read them again
            units = Unit.objects.in_bulk()
            for key, new_unit in list(created.items()):
                created[key] = units[new_unit.pk]

    users = {}
    for item in plan.people:
        unit = resolve(item.unit)
        if item.existing is None:
            user = do_create_user(
                actor,
                email=item.email,
                name=item.name,
                unit=unit,
                title=item.title,
                external_id=item.external_id,
                is_active=item.is_active,
            )
        elif item.action == "change":
            user = item.existing
            if set(item.changed) - {"chef"}:
                do_update_user(
                    actor,
                    user,
                    name=item.name,
                    email=item.email,
                    unit=unit,
                    title=item.title,
                    is_active=item.is_active,
                    external_id=item.external_id or user.external_id,
                )
        else:
            continue
        users[item.row] = user
        for ref in item.grant:
            do_grant_role(actor, user, resolve(ref), RoleAssignment.Role.MANAGER)
        if item.revoke:
            for assignment in RoleAssignment.objects.filter(pk__in=item.revoke).select_related(
                "user", "unit"
            ):
                do_revoke_role(actor, assignment)

    for user in plan.deactivate_people:
        do_update_user(
            actor,
            user,
            name=user.name,
            email=user.email,
            unit=units.get(user.unit_id),
            title=user.title,
            is_active=False,
        )
    for unit in plan.deactivate_units:
        fresh = units[unit.pk]
        do_update_unit(
            actor,
            fresh,
            name=fresh.name,
            parent=units.get(fresh.parent_id),
            is_support_function=fresh.is_support_function,
            is_active=False,
        )
