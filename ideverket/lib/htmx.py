"""Helpers for views that answer both full-page and htmx requests."""


def partial_or_page(request, template, partial):
    """The template name to render: the named partial for htmx requests, else the whole page."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return f"{template}#{partial}"
    return template
