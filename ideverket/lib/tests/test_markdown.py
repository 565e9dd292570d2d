"""Markdown rendering: what a coordinator writes can never run script or load other pages."""

import re

import pytest

from ideverket.lib.markdown import clean, render


def test_plain_markdown_renders():
    html = render("## Rubrik\n\nEn **viktig** text med [en länk](https://www.digg.se/).")
    assert "<h2>Rubrik</h2>" in html
    assert "<strong>viktig</strong>" in html
    assert '<a href="https://www.digg.se/" rel="noopener noreferrer">en länk</a>' in html


def test_the_highest_heading_becomes_h2_and_the_rest_follow():
    assert render("# Titel").strip() == "<h2>Titel</h2>"
    assert render("## A\n\n### B\n\n## C") == "<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2>\n"
    assert render("#### Djup").strip() == "<h2>Djup</h2>"


def test_tables_get_column_headers():
    html = render("| Steg | Vem |\n|---|---|\n| Beslut | Chef |")
    assert '<th scope="col">Steg</th>' in html
    assert "<td>Chef</td>" in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Före <script src='https://evil.example/x.js'></script> efter",
        '<iframe src="https://evil.example/"></iframe>',
        '<img src="x" onerror="alert(1)">',
        '<a href="https://a.example/" onclick="alert(1)">klicka</a>',
        '<p onmouseover="alert(1)">text</p>',
        "<style>body{display:none}</style>",
    ],
)
def test_raw_html_is_never_markup(text):
    html = render(text)
    for bad in ("<script", "<iframe", "<img", "<style", "<p onmouseover", "<a href"):
        assert bad not in html
    # No real tag carries an event handler (escaped text "&lt;p onmouseover" is harmless).
    assert not re.search(r"<[a-z][^>]*\son\w+=", html)


def test_event_handlers_are_stripped_by_the_cleaner():
    # Even if a parser let a tag through, nh3 keeps only the allow-listed attributes.
    assert clean('<a href="https://a.example/" onclick="alert(1)">x</a>') == (
        '<a href="https://a.example/" rel="noopener noreferrer">x</a>'
    )
    assert clean('<p onmouseover="alert(1)">x</p>') == "<p>x</p>"
    assert clean("<iframe src='https://evil.example/'></iframe><script>x</script>") == ""


@pytest.mark.parametrize(
    "text",
    [
        "[klicka](javascript:alert(1))",
        "[klicka](JaVaScRiPt:alert(1))",
        "[klicka](vbscript:msgbox(1))",
        "[klicka](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "![bild](javascript:alert(1))",
    ],
)
def test_dangerous_urls_are_not_links(text):
    html = render(text).lower()
    assert 'href="javascript' not in html
    assert 'href="vbscript' not in html
    assert 'href="data:' not in html
    assert "<img" not in html


def test_mailto_links_stay():
    html = render("[Skriv till oss](mailto:info@exempel.se)")
    assert 'href="mailto:info@exempel.se"' in html


def test_control_and_bidi_characters_are_dropped():
    assert "\u202e" not in render("abc\u202edef")


def test_empty_text():
    assert render("") == ""
    assert render(None) == ""
