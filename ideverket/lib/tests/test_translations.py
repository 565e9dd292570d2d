"""The English translation is complete, not fuzzy, and compiled.

The source language is Swedish (every msgid is Swedish); English lives in
ideverket/locale/en/LC_MESSAGES. The .po is parsed here with the standard library only, and
the committed .mo is read both directly and through Django, so no gettext tools are needed.
"""

import ast
import gettext as stdlib_gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"

# %(name)s, %s, %d and {name} placeholders; a translation must keep exactly the same ones.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict = field(default_factory=dict)
    flags: set = field(default_factory=set)
    line: int = 0

    @property
    def translations(self):
        return list(self.msgstr_plural.values()) if self.msgid_plural else [self.msgstr]


def parse_po(path):
    """A small .po reader: flags, msgctxt, msgid, msgid_plural, msgstr and msgstr[n].

    Obsolete (#~) entries are skipped. Returns (header, entries); the header is the entry
    with an empty msgid.
    """
    entries = []
    entry = None
    flags = set()
    last = None  # the keyword a continuation line ("...") extends, e.g. "msgid" or 0 for msgstr[0]

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            keyword, value = last, ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword == "msgctxt" or (keyword == "msgid" and last != "msgctxt"):
                entry = Entry(line=number, flags=flags)
                entries.append(entry)
                flags = set()
            if keyword.startswith("msgstr["):
                keyword = int(keyword[len("msgstr[") : -1])
                entry.msgstr_plural[keyword] = ""
            elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
                setattr(entry, keyword, "")
            else:
                raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
            last = keyword
        if isinstance(keyword, int):
            entry.msgstr_plural[keyword] += value
        else:
            setattr(entry, keyword, (getattr(entry, keyword) or "") + value)
    header = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    return header, [e for e in entries if not (e.msgid == "" and e.msgctxt is None)]


@pytest.fixture(scope="module")
def po():
    assert PO_PATH.exists(), f"{PO_PATH} is missing: run `make messages`"
    return parse_po(PO_PATH)


def where(entry):
    return f"{PO_PATH.name}:{entry.line} {entry.msgid!r}"


def test_po_has_entries_and_a_usable_header(po):
    header, entries = po
    assert len(entries) > 100
    assert len(header) == 1
    assert "fuzzy" not in header[0].flags, "the .po header is fuzzy: msgfmt would ignore it"
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header[0].msgstr
    assert "charset=UTF-8" in header[0].msgstr


def test_no_untranslated_entries(po):
    _, entries = po
    missing = [where(e) for e in entries if not all(t.strip() for t in e.translations)]
    assert not missing, "untranslated (fill in the English msgstr):\n" + "\n".join(missing)


def test_no_fuzzy_entries(po):
    _, entries = po
    fuzzy = [where(e) for e in entries if "fuzzy" in e.flags]
    assert not fuzzy, (
        "fuzzy entries are ignored by Django; check the English and drop the flag:\n"
        + "\n".join(fuzzy)
    )


def test_plural_entries_have_both_english_forms(po):
    _, entries = po
    wrong = [where(e) for e in entries if e.msgid_plural and sorted(e.msgstr_plural) != [0, 1]]
    assert not wrong, "English plurals need msgstr[0] and msgstr[1]:\n" + "\n".join(wrong)


def test_translations_keep_the_placeholders(po):
    _, entries = po
    wrong = []
    for e in entries:
        sources = [e.msgid, e.msgid_plural] if e.msgid_plural else [e.msgid]
        expected = sorted(PLACEHOLDER.findall(sources[-1]))
        for translated in e.translations:
            if sorted(PLACEHOLDER.findall(translated)) != expected:
                wrong.append(f"{where(e)} -> {translated!r}")
    assert not wrong, "a placeholder was lost or renamed:\n" + "\n".join(wrong)


def test_compiled_mo_matches_the_po(po):
    """The committed .mo is what runs; it must hold every translation the .po has."""
    _, entries = po
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run `make messages`"
    with MO_PATH.open("rb") as handle:
        catalogue = stdlib_gettext.GNUTranslations(handle)
    stale = []
    for e in entries:
        if e.msgid_plural:
            got = [catalogue.ngettext(e.msgid, e.msgid_plural, n) for n in (1, 2)]
            want = [e.msgstr_plural[0], e.msgstr_plural[1]]
        elif e.msgctxt is not None:
            got, want = catalogue.pgettext(e.msgctxt, e.msgid), e.msgstr
        else:
            got, want = catalogue.gettext(e.msgid), e.msgstr
        if got != want:
            stale.append(where(e))
    assert not stale, "the .mo is out of date: run `make messages`:\n" + "\n".join(stale)


def test_django_serves_english_for_known_strings():
    with translation.override("en"):
        assert translation.gettext("Min sida") == "My page"
        assert translation.gettext("Utmaning") == "Challenge"
        assert translation.gettext("Förvaltning") == "Department"
        assert translation.gettext("Innovationsledare") == "Innovation lead"
        assert translation.gettext("Resursgrinden") == "The resource gate"
        assert translation.gettext("Hur kan vi …?") == "How might we …?"
        assert translation.ngettext("%(counter)s idé", "%(counter)s idéer", 1) == (
            "%(counter)s idea"
        )
        assert translation.ngettext("%(counter)s idé", "%(counter)s idéer", 3) == (
            "%(counter)s ideas"
        )


def test_swedish_stays_the_source_language():
    with translation.override("sv"):
        assert translation.gettext("Min sida") == "Min sida"


# The names `makemessages` (xgettext with Django's keywords) extracts strings from. A gettext
# function imported under any other name, say `gettext_lazy as _lazy`, still translates at run
# time, but its strings never reach the .po, so they stay Swedish in English.
EXTRACTED_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
TRANSLATION_FUNCTIONS = EXTRACTED_NAMES - {"_"}


def test_gettext_is_imported_under_names_makemessages_reads():
    source_root = Path(settings.BASE_DIR) / "ideverket"
    wrong = []
    for path in sorted(source_root.rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(source_root).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                for alias in node.names:
                    if alias.name in TRANSLATION_FUNCTIONS and alias.asname not in (
                        None,
                        *EXTRACTED_NAMES,
                    ):
                        where_ = f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}"
                        wrong.append(f"{where_}: {alias.name} as {alias.asname}")
    assert not wrong, (
        "makemessages cannot see strings passed to these names; import them as `_` or by "
        "their own name:\n" + "\n".join(wrong)
    )
