"""Sections other apps add to an idea's page (its trial, implementation, effects, lessons).

An app registers a panel in its AppConfig.ready(); the idea page renders every panel whose
loader returns a context. Loaders must run a bounded number of queries (prefetch, no per-row
queries) — the idea page's query-count test covers them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    # loader(request, idea) -> dict for the template, or None to leave the panel out.
    loader: object
    order: int = 100
    # "main" panels go under the idea's text; "aside" panels in the side column.
    column: str = "main"


class Panels:
    """The panels registered for one kind of page (ideas here; challenges, trials and projects
    keep their own instance)."""

    def __init__(self):
        self._panels = {}

    def register(self, panel):
        """`panel.loader(request, obj)` -> dict for `panel.template`, or None to leave it out."""
        self._panels[panel.name] = panel

    def render_context(self, request, obj):
        """[(panel, context)] for the panels that have something to show, in order."""
        shown = []
        for panel in sorted(self._panels.values(), key=lambda p: (p.order, p.name)):
            context = panel.loader(request, obj)
            if context is not None:
                shown.append((panel, context))
        return shown


_registry = Panels()
register = _registry.register
render_context = _registry.render_context
