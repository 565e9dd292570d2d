"""Sections other apps add to a project's page (its effects, lessons …).

The same contract as the idea page's panels (`ideverket.ideas.panels`): an app registers a
`Panel` in its AppConfig.ready(); the project page renders every panel whose loader returns a
context. Loaders must run a bounded number of queries — the project page's query-count test
covers them.
"""

from ideverket.ideas.panels import Panel

__all__ = ["Panel", "register", "render_context"]

_panels = {}


def register(panel):
    """`panel.loader(request, project)` -> dict for `panel.template`, or None to leave it out."""
    _panels[panel.name] = panel


def render_context(request, project):
    """[(panel, context)] for the panels that have something to show, in order."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.name)):
        context = panel.loader(request, project)
        if context is not None:
            shown.append((panel, context))
    return shown
