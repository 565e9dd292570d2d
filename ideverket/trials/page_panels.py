"""Sections other apps add to a trial's own page (its goals …).

(`panels.py` is the other way round: the trial section on the idea page.)

The same contract as the idea page's panels (`ideverket.ideas.panels`): an app registers a
`Panel` in its AppConfig.ready(); the trial page renders every panel whose loader returns a
context. Loaders must run a bounded number of queries.
"""

from ideverket.ideas.panels import Panel, Panels

__all__ = ["Panel", "register", "render_context"]

_registry = Panels()
register = _registry.register
render_context = _registry.render_context
