"""Sections other apps add to a project's page (its effects, lessons …).

The same contract as the idea page's panels (`ideverket.ideas.panels`): an app registers a
`Panel` in its AppConfig.ready(); the project page renders every panel whose loader returns a
context. Loaders must run a bounded number of queries — the project page's query-count test
covers them.
"""

from ideverket.ideas.panels import Panel, Panels

__all__ = ["Panel", "register", "render_context"]

_registry = Panels()
register = _registry.register
render_context = _registry.render_context
