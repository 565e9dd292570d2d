from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def amount(value):
    """A number the way the current language writes it: "1 250,5" in Swedish; "" for None."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


@register.filter
def change(value):
    """A change with its sign: "+400", "−12,5" (a real minus sign), "0"."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    text = amount(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return text
