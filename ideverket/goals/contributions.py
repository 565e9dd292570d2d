"""What contributes to a goal: the items linked to it or to any goal below it, and their effects.

Everything is filtered by what the viewer may see, in the database: one query per kind of item
(its visible queryset with the linked ids as a subquery) and one grouped query for the effects.
"""

from dataclasses import dataclass

from django.db.models import Q

from ideverket.effects.models import Effect
from ideverket.lib import subjects

from . import links
from .models import Goal, GoalLink


@dataclass
class Item:
    obj: object
    title: str
    unit: str
    status: str

    @property
    def url(self):
        return self.obj.get_absolute_url()


@dataclass
class Section:
    kind: links.LinkKind
    items: list


def _linked_ids(goal, kind):
    subtree = Goal.objects.subtree_of(goal).values("pk")
    return GoalLink.objects.filter(goal__in=subtree, subject_type=kind.content_type()).values(
        "subject_id"
    )


def sections(user, goal):
    """[Section] for every kind of item, with the visible items linked to the goal's subtree."""
    out = []
    for kind in links.kinds():
        objects = kind.visible(user).filter(pk__in=_linked_ids(goal, kind)).order_by("-pk")
        items = [
            Item(
                obj=obj,
                title=obj.title,
                unit=getattr(kind.unit(obj), "name", ""),
                status=str(kind.status(obj)),
            )
            for obj in objects
        ]
        out.append(Section(kind=kind, items=items))
    return out


def effect_sums(user, goal):
    """Expected and realised effects of the visible linked items, per kind of effect."""
    condition = Q(pk__in=[])
    for kind in links.kinds():
        if subjects.get(kind.label) is not None:
            condition |= Q(subject_type=kind.content_type(), subject_id__in=_linked_ids(goal, kind))
    rows = list(Effect.objects.visible_to(user).filter(condition).sums_by("kind").order_by("kind"))
    order = {value: index for index, value in enumerate(Effect.Kind.values)}
    for row in rows:
        row["label"] = Effect.Kind(row["kind"]).label
        row["unit_of_measure"] = Effect.UNIT_OF_MEASURE.get(row["kind"], "")
        row["summed"] = row["kind"] in Effect.NUMERIC
    return sorted(rows, key=lambda row: order.get(row["kind"], len(order)))
