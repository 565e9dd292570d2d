"""Form helpers: fields that never let a malformed id reach the database, filter links, and
the stale-form timestamp."""

import copy
import datetime
import uuid

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .text import normalize_text

MAX_ID_DIGITS = 18  # below 2**63, the largest integer both SQLite and PostgreSQL store


def is_id(value):
    """True for a string of ASCII digits short enough to be a database id."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS


class OneReadChoiceIterator(ModelChoiceIterator):
    """Options read in one fetch: Django's iterator() is a server-side cursor on PostgreSQL,
    three round trips (declare, fetch, close) for a list of a few dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class SafeModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses non-ids ("²", 10**30) as an invalid choice."""

    iterator = OneReadChoiceIterator

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not is_id(getattr(value, "pk", value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class LoadedChoiceField(forms.TypedChoiceField):
    """A choice of one of `objects` (a list, or a queryset read once, on first use) that
    validates and renders from that one list: a ModelChoiceField asks the database for each.
    The cleaned value is the object, or None."""

    def __init__(self, objects, *, empty_label=None, **kwargs):
        self._objects, self._by_id, self._empty_label = objects, None, empty_label
        kwargs.setdefault("required", False)
        super().__init__(choices=self._choices, coerce=self._object, empty_value=None, **kwargs)

    @classmethod
    def replacing(cls, field, objects=None):
        """The same choice as the ModelChoiceField `field` (label, empty label, messages,
        widget), over `objects` (default: its queryset)."""
        return cls(
            field.queryset if objects is None else objects,
            label=field.label,
            empty_label=field.empty_label,
            required=field.required,
            error_messages=field.error_messages,
            widget=copy.deepcopy(field.widget),
            help_text=field.help_text,
        )

    def _loaded(self):
        if self._by_id is None:
            self._by_id = {str(obj.pk): obj for obj in self._objects}
        return self._by_id

    def _choices(self):
        choices = [(key, str(obj)) for key, obj in self._loaded().items()]
        if self._empty_label is not None:
            choices.insert(0, ("", self._empty_label))
        return choices

    def _object(self, value):
        return self._loaded().get(value)


# Choice lists that are the same for everyone (units, themes, periods …) change seldom: a
# filter form keeps them per process this long instead of reading them on every page.
CHOICES_FRESH_FOR = 60


def kept_choices(key, read, *, asked=None, names=(), fresh=False):
    """(lists, stamp): what `read()` returned, kept per process under `key` for
    CHOICES_FRESH_FOR seconds (`fresh` reads anew). The stamp names this reading, so what is
    rendered from the lists can be kept under it and is never shown for another reading.

    `asked` is a bound form's data and `names` its fields, one per list: a value naming an id
    its kept list lacks (added in the last minute, in another process) reads the lists anew,
    so an old list never refuses it."""
    found = None if fresh else cache.get(key)
    if found is not None and asked is not None:
        for name, objects in zip(names, found[0], strict=True):
            value = asked.get(name, "")
            if is_id(value) and int(value) not in {obj.pk for obj in objects}:
                found = None
                break
    if found is None:
        found = (read(), uuid.uuid4().hex)
        cache.set(key, found, CHOICES_FRESH_FOR)
    return found


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses non-ids before querying."""

    iterator = OneReadChoiceIterator

    def _check_values(self, value):
        for item in value:
            if not is_id(getattr(item, "pk", item)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:20]},
                )
        return super()._check_values(value)


def querystring_without_page(form):
    """The valid filter values of a bound GET form, urlencoded with a trailing "&", for the
    pagination links (an invalid value is dropped, never echoed back into a link)."""
    if not form.is_bound:
        return ""
    params = [
        (name, form.data[name])
        for name in form.fields
        if name not in form.errors and form.data.get(name)
    ]
    return urlencode(params) + "&" if params else ""


# A malformed "seen" timestamp counts as stale, never as a 500.
STALE = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def parse_seen(value):
    """The `updated_at` an editor saw when the form was loaded (hidden field), for the
    "changed by someone else" check; None when the form did not carry one."""
    if not value:
        return None
    try:
        return parse_datetime(value) or STALE
    except ValueError:
        return STALE


def indented(name, depth):
    """A unit's name indented by its depth in the organisation tree."""
    return f"{'– ' * max(depth - 1, 0)}{name}"


class UnitRowIterator(ModelChoiceIterator):
    """A UnitChoiceField's options from plain rows (id, name, depth): a model instance per unit
    cost more than the rest of a long select."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, name, depth in self.queryset.values_list("pk", "name", "depth"):
            yield (pk, indented(name, depth))


class UnitChoiceField(SafeModelChoiceField):
    """Units indented by depth, so the organisation tree reads in a plain select."""

    iterator = UnitRowIterator

    def label_from_instance(self, obj):
        return indented(obj.name, obj.depth)


class CleanTextMixin:
    """Normalise every text field (NFC, no control or bidi characters) and refuse
    whitespace-only input in required fields, with the message next to the field."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(value, str) and isinstance(field, forms.CharField):
                value = normalize_text(value)
                if field.required and not value:
                    self.add_error(name, _("Fältet får inte vara tomt."))
                cleaned[name] = value
        return cleaned
