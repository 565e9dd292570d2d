"""Markdown to safe HTML, for text that coordinators write (the guidance pages).

Two layers: markdown-it-py's CommonMark preset with raw HTML turned off (so `<script>` in the
text comes out as text), then nh3 (ammonia) with an explicit allow-list of tags, attributes and
URL schemes, so nothing outside that list reaches a page even if the parser let it through.
Every link gets rel="noopener noreferrer".
"""

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

from .text import normalize_text

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# CommonMark, no raw HTML; tables and ~~strike~~ (GFM) because guidance text uses them.
_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render(text, *, top_heading=2):
    """Safe HTML for `text`. Headings are shifted so the text's highest one becomes
    `top_heading` (a page's own title is its h1: "# Rubrik" and "## Rubrik" both start at h2,
    and the levels below follow without gaps)."""
    tokens = _md.parse(normalize_text(text))
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = top_heading - min(levels) if levels else 0
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
        elif token.type == "th_open":
            token.attrSet("scope", "col")
    html = _md.renderer.render(tokens, _md.options, {})
    # Safe: cleaned by nh3 with the allow-list.
    return mark_safe(clean(html))


def clean(html):
    """`html` with only the allow-listed tags, attributes and URL schemes left."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
