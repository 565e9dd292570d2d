"""Text hygiene for everything users type: one normal form, no invisible tricks."""

import re
import unicodedata

# C0/C1 control characters except tab, newline, carriage return; plus bidi overrides/isolates,
# which can make text display differently from what it says; zero-width spaces and BOMs.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)


def normalize_text(value):
    """NFC-normalise, drop control and bidi-override characters, trim surrounding space."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value))
    value = _UNSAFE.sub("", value)
    return value.replace("\r\n", "\n").strip()


def search_key(value):
    """The form text is stored and searched in: normalised and case-folded (Å → å)."""
    return normalize_text(value).casefold()


def search_terms(query, limit=8):
    """Split a free-text query into at most `limit` search terms of sensible length."""
    terms = [t for t in search_key(query[:500]).split() if t]
    return [t[:50] for t in terms[:limit]]


def choice_label(choices, value):
    """The label of `value` in a TextChoices class, as get_FOO_display() gives it.

    Django's get_FOO_display() builds a dict of every choice, hashing (so translating) each
    label, on each call: ten translations for one stage, per card in a list.
    """
    try:
        return choices(value).label
    except ValueError:
        return value
