"""Pydantic's validation errors, said in Swedish (the API's clients show them to people)."""

from django.utils.translation import gettext as _


def _message(error):
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("Fältet måste fyllas i.")
    if kind == "string_too_short":
        return _("Fältet får inte vara tomt.")
    if kind == "string_too_long":
        return _("Högst %(n)s tecken.") % {"n": ctx.get("max_length", "")}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Ange ett heltal.")
    if kind in ("greater_than_equal", "greater_than"):
        return _("Värdet måste vara minst %(n)s.") % {"n": ctx.get("ge", ctx.get("gt", ""))}
    if kind in ("less_than_equal", "less_than"):
        return _("Värdet får vara högst %(n)s.") % {"n": ctx.get("le", ctx.get("lt", ""))}
    if kind in ("bool_parsing", "bool_type"):
        return _("Ange true eller false.")
    if kind in ("literal_error", "enum"):
        return _("Välj ett av: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind in ("string_type", "string_unicode"):
        return _("Ange en text.")
    if kind in ("model_attributes_type", "dict_type", "model_type", "json_invalid"):
        return _("Skicka ett JSON-objekt.")
    return _("Ogiltigt värde.")


def swedish_errors(errors):
    return [
        {
            "loc": [str(part) if not isinstance(part, int) else part for part in e.get("loc", ())],
            "msg": _message(e),
            "type": e.get("type", "value_error"),
        }
        for e in errors
    ]
