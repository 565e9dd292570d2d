"""Guidance pages and answers for tests, made through the actions."""

from ideverket.guidance import actions


def a_page(cast, slug="sa-fungerar", *, published=True, parent=None, title=None, body=None):
    return actions.do_create_guide_page(
        cast.coordinator,
        title=title or f"Sidan {slug}",
        slug=slug,
        summary="En kort ingress.",
        body=body or "## Så här\n\nFörst ett **behov**, sedan en idé.",
        parent=parent,
        order=0,
        is_published=published,
        contact=cast.lead,
    )


def answers(page, yes, no, comment=""):
    for helpful, n in ((True, yes), (False, no)):
        for _ in range(n):
            actions.do_give_feedback(None, page, helpful=helpful, comment=comment)
