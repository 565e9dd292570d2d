"""QuickSelect writes the same <select> as Django's own widgets, only faster."""

import pytest
from django import forms
from django.test.html import parse_html

from ideverket.lib.forms import UnitChoiceField
from ideverket.lib.widgets import QuickSelect, QuickSelectMultiple
from ideverket.org.models import Unit

CHOICES = [
    ("", "Alla"),
    ("a", "Å & <ä>"),
    ('Grupp "1"', [("b", "Bee"), ("c", "Cee")]),
    ("d", "Dee"),
]


def both(field_class, widget, django_widget, value, **kwargs):
    class Quick(forms.Form):
        choice = field_class(widget=widget, **kwargs)

    class Plain(forms.Form):
        choice = field_class(widget=django_widget, **kwargs)

    data = {"choice": value} if value is not None else None
    return str(Quick(data)["choice"]), str(Plain(data)["choice"])


@pytest.mark.parametrize("value", [None, "", "a", "c", "zz"])
@pytest.mark.parametrize("required", [True, False])
def test_single_choice_html_equals_djangos(value, required):
    quick, plain = both(
        forms.ChoiceField, QuickSelect, forms.Select, value, choices=CHOICES, required=required
    )
    assert parse_html(quick) == parse_html(plain)
    assert "&lt;ä&gt;" in quick and 'label="Grupp &quot;1&quot;"' in quick


@pytest.mark.parametrize("value", [None, ["a"], ["a", "c", "d"]])
def test_multiple_choice_html_equals_djangos(value):
    quick, plain = both(
        forms.MultipleChoiceField,
        QuickSelectMultiple,
        forms.SelectMultiple,
        value,
        choices=CHOICES[1:],
        required=False,
    )
    assert parse_html(quick) == parse_html(plain)
    assert " multiple" in quick


@pytest.mark.django_db
def test_model_choices_html_equals_djangos(cast):
    units = Unit.objects.exclude(kind=Unit.Kind.MUNICIPALITY).tree_order()
    chosen = str(cast.school.pk)
    for value in (None, chosen):
        quick, plain = both(
            UnitChoiceField, QuickSelect, forms.Select, value, queryset=units, required=False
        )
        assert parse_html(quick) == parse_html(plain)
    assert f'<option value="{chosen}" selected>' in quick
