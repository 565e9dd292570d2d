"""The kinds of item that effects and lessons attach to: ideas now, trials and projects later.

Each app registers its kind in its AppConfig.ready(); this module only stores the callables it
is given, so `lib` never imports an app. Effects and lessons reach their subject through a
content type and an id, and ask the kind who may see it, who may add to it, which unit it
belongs to and what it is called.

    subjects.register(SubjectKind(label="ideas.idea", model=Idea, visible=..., ...))

`visible_ids(user)` turns every kind's visibility into one `Q` over (subject_type, subject_id),
each kind's visible queryset as an EXISTS subquery, so a list or a sum filters by visibility in the
same SQL statement that reads it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from .forms import is_id


def _nobody(obj):
    return ()


def _absolute_url(obj):
    return obj.get_absolute_url()


@dataclass(frozen=True)
class SubjectKind:
    """What effects and lessons need to know about one kind of item."""

    # "app_label.model_name", the model's `_meta.label_lower`; also used in URLs.
    label: str
    model: type
    # visible(user) -> queryset of the items the user may see (the app's own visibility rule).
    visible: Callable
    # can_edit(user, obj) -> True when the user may add effects, measurements and lessons.
    can_edit: Callable
    # unit_of(obj) -> the org.Unit the item belongs to (the default unit of its effects/lessons).
    unit_of: Callable
    # title(obj) -> the item's name, shown where an effect or lesson links back to it.
    title: Callable
    # followers(obj) -> ids of the people told about new effects and lessons on it.
    followers: Callable = _nobody
    # url(obj) -> the item's page.
    url: Callable = _absolute_url

    def content_type(self):
        """The item's content type (cached by Django after the first lookup per process)."""
        return ContentType.objects.get_for_model(self.model)


_kinds = {}


def register(kind):
    _kinds[kind.label] = kind


def get(label):
    """The kind registered as `label`, or None."""
    return _kinds.get(label)


def kinds():
    return list(_kinds.values())


def kind_of(obj):
    """The kind of `obj`; a LookupError names the model that was never registered."""
    kind = _kinds.get(obj._meta.label_lower)
    if kind is None:
        raise LookupError(f"{obj._meta.label_lower} is not registered in ideverket.lib.subjects")
    return kind


def kind_for_type(content_type_id):
    """The kind whose model has this content type id, or None."""
    for kind in _kinds.values():
        if kind.content_type().pk == content_type_id:
            return kind
    return None


def get_visible_or_404(user, label, pk):
    """(kind, obj) for a subject the user may see; 404 when unknown, malformed or hidden."""
    kind = get(label)
    if kind is None or not is_id(pk):
        raise Http404
    obj = kind.visible(user).filter(pk=pk).first()
    if obj is None:
        raise Http404
    return kind, obj


def visible_ids(user, type_field="subject_type", id_field="subject_id"):
    """A Q true only for rows whose (type_field, id_field) subject `user` may see.

    One OR-ed term per kind: the type, and EXISTS the row's own subject in the kind's visible
    queryset (a primary-key lookup), in the same statement, no extra round trips. Not
    `id IN (SELECT …)`: SQLite lists every visible subject first, all ideas for the idea kind,
    however few rows are asked about.
    """
    condition = Q(pk__in=[])
    for kind in _kinds.values():
        subject_visible = Exists(kind.visible(user).filter(pk=OuterRef(id_field)))
        condition |= Q(**{f"{type_field}_id": kind.content_type().pk}) & Q(subject_visible)
    return condition
