"""Effect pages: the idea panel, adding, measuring, the sums; per role and with bad input."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea

from .builders import hours_effect, measure, today, yesterday


@pytest.fixture
def idea(cast):
    return idea_in_stage(cast, Stage.TRIAL)


def create_url(idea):
    return reverse("effects:create", args=["ideas.idea", idea.pk])


def valid_effect(cast, **changes):
    data = {
        "kind": Effect.Kind.KRONOR_PER_YEAR,
        "description": "Mindre pappersinköp på Åsas skola",
        "indicator": "",
        "baseline": "",
        "target": "125 000,50",
        "unit": cast.school.pk,
    }
    data.update(changes)
    return data


# -- the panel on the idea page ------------------------------------------------------------


def test_panel_shows_expected_against_realised(cast, login, idea):
    effect = hours_effect(cast, idea)
    measure(cast, effect, "1250,5".replace(",", "."))
    response = login(cast.fresh("employee")).get(idea.get_absolute_url())
    text = response.content.decode()
    assert 'id="effekter"' in text
    assert "Mindre tid på närvaro" in text
    assert "+400" in text  # expected
    assert "+250,5" in text  # realised
    assert "63 % av den förväntade" in text
    # The employee sees it but may not change it.
    assert "Lägg till förväntad effekt" not in text
    assert reverse("effects:measure", args=[effect.pk]) not in text


@pytest.mark.parametrize("key", ["lead", "manager", "director", "coordinator"])
def test_panel_offers_the_forms_to_those_who_carry_the_idea(cast, login, idea, key):
    effect = hours_effect(cast, idea)
    text = login(cast.fresh(key)).get(idea.get_absolute_url()).content.decode()
    assert "Lägg till förväntad effekt" in text
    assert reverse("effects:measure", args=[effect.pk]) in text


def test_panel_is_left_out_when_there_is_nothing_to_show_or_do(cast, login, idea):
    text = login(cast.fresh("employee")).get(idea.get_absolute_url()).content.decode()
    assert 'id="effekter"' not in text


def test_panel_says_not_measured_yet(cast, login, idea):
    hours_effect(cast, idea)
    text = login(cast.fresh("lead")).get(idea.get_absolute_url()).content.decode()
    assert "Inte uppmätt än" in text


# -- adding an expected effect -------------------------------------------------------------


def test_lead_adds_an_effect_with_swedish_numbers(cast, login, idea):
    client = login(cast.fresh("lead"))
    assert client.get(create_url(idea)).status_code == 200
    response = client.post(create_url(idea), valid_effect(cast))
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#effekter"
    effect = Effect.objects.get()
    assert effect.target == Decimal("125000.50")
    assert effect.baseline is None
    assert effect.subject == idea


def test_the_add_form_proposes_the_ideas_unit(cast, login, idea):
    response = login(cast.fresh("lead")).get(create_url(idea))
    assert response.context["form"]["unit"].value() == cast.school.pk


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "-100"}, "Värdet kan inte vara negativt"),
        ({"baseline": "-1"}, "Värdet kan inte vara negativt"),
        ({"target": ""}, "Ange målvärdet"),
        ({"target": "1" * 20}, "siffror"),
        ({"target": "12,345"}, "decimaler"),
        ({"target": "NaN"}, "Fyll i ett tal"),
        ({"target": "tusen"}, "Fyll i ett tal"),
        ({"description": "  \u200b "}, "Fältet får inte vara tomt"),
        ({"description": "x" * 2001}, "2000"),
        ({"kind": "magic"}, "Välj ett giltigt alternativ"),
        ({"unit": "10" * 30}, "Välj en enhet i listan"),
        ({"unit": "²"}, "Välj en enhet i listan"),
    ],
)
def test_bad_input_is_refused_in_swedish_and_the_text_is_kept(cast, login, idea, changes, message):
    data = valid_effect(cast, **changes)
    response = login(cast.fresh("lead")).post(create_url(idea), data)
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text
    assert "Mindre pappersinköp på Åsas skola" in text or "description" in changes
    assert not Effect.objects.exists()


def test_quality_needs_no_target(cast, login, idea):
    data = valid_effect(
        cast, kind=Effect.Kind.QUALITY, target="", indicator="Nöjdhet i procent", baseline="70"
    )
    assert login(cast.fresh("lead")).post(create_url(idea), data).status_code == 302
    assert Effect.objects.get().indicator == "Nöjdhet i procent"


def test_posted_fields_outside_the_form_are_ignored(cast, login, idea):
    other = new_idea(cast, title="En annan idé")
    data = valid_effect(cast, subject_id=other.pk, created_by=cast.admin.pk, department="1")
    login(cast.fresh("lead")).post(create_url(idea), data)
    effect = Effect.objects.get()
    assert effect.subject_id == idea.pk
    assert effect.created_by == cast.lead
    assert effect.department == cast.education


@pytest.mark.parametrize("key", ["employee", "inspirer", "colleague", "outsider", "admin"])
def test_others_are_refused_403(cast, login, idea, key):
    client = login(cast.fresh(key))
    assert client.get(create_url(idea)).status_code == 403
    assert client.post(create_url(idea), valid_effect(cast)).status_code == 403
    effect = hours_effect(cast, idea)
    url = reverse("effects:measure", args=[effect.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"value": "1", "measured_on": yesterday()}).status_code == 403
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/effekter/ideas.nothing/1/ny/",
        "/effekter/org.unit/1/ny/",
        "/effekter/ideas.idea/999999/ny/",
        "/effekter/ideas.idea/99999999999999999999999/ny/",
        "/effekter/999999/matning/",
        "/effekter/99999999999999999999999/matning/",
    ],
)
def test_unknown_subjects_and_effects_are_404(cast, login, path):
    assert login(cast.fresh("coordinator")).get(path).status_code == 404


def test_a_draft_is_404_for_the_lead(cast, login):
    draft = new_idea(cast, submit=False)
    assert login(cast.fresh("lead")).get(create_url(draft)).status_code == 404


# -- recording a measured value -------------------------------------------------------------


def test_lead_records_a_measurement(cast, login, idea):
    effect = hours_effect(cast, idea)
    url = reverse("effects:measure", args=[effect.pk])
    client = login(cast.fresh("lead"))
    day = today()
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["measured_on"].value() == day
    response = client.post(
        url,
        {
            "value": "1 320,25",
            "measured_on": (day - datetime.timedelta(days=1)).isoformat(),
            "note": "Vid tertial 2",
        },
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.value == Decimal("1320.25")
    assert measurement.recorded_by == cast.lead
    # The history shows on the next visit.
    assert "Vid tertial 2" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "-1"}, "Värdet kan inte vara negativt"),
        ({"value": ""}, "Detta fält måste fyllas i"),
        # A callable: the date is read when the test runs.
        ({"measured_on": lambda: (today() + datetime.timedelta(days=1)).isoformat()}, "framtiden"),
        ({"measured_on": "2025-02-30"}, "giltigt datum"),
        ({"measured_on": "31/12/2024"}, "giltigt datum"),
        ({"value": "9" * 5000}, "siffror"),
    ],
)
def test_bad_measurements_are_refused_and_the_note_kept(cast, login, idea, data, message):
    effect = hours_effect(cast, idea)
    post = {"value": "1100", "measured_on": yesterday().isoformat(), "note": "Mätt av Åsa"}
    post.update({key: value() if callable(value) else value for key, value in data.items()})
    response = login(cast.fresh("lead")).post(reverse("effects:measure", args=[effect.pk]), post)
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text
    assert "Mätt av Åsa" in text
    assert not Measurement.objects.exists()


def test_get_never_changes_anything(cast, login, idea):
    effect = hours_effect(cast, idea)
    client = login(cast.fresh("lead"))
    client.get(reverse("effects:measure", args=[effect.pk]), {"value": "5", "measured_on": "x"})
    assert not Measurement.objects.exists()


# -- sums ---------------------------------------------------------------------------------


def test_sums_per_department_and_per_unit(cast, login):
    school_idea = idea_in_stage(cast, Stage.TRIAL)
    social_idea = new_idea(cast, user=cast.outsider, owner_unit=cast.homecare)
    a = hours_effect(cast, school_idea)  # +400 expected
    measure(cast, a, "1300")  # +300 realised
    hours_effect(cast, school_idea, baseline=None, target=Decimal("100"))  # +100, unmeasured
    b = hours_effect(cast, social_idea, user=cast.fresh("social_lead"), target=Decimal("1050"))
    measure(cast, b, "1010", user=cast.fresh("social_lead"))
    client = login(cast.fresh("coordinator"))

    response = client.get(reverse("effects:sums"))
    assert response.status_code == 200
    (hours,) = response.context["tables"]
    assert hours.kind == Effect.Kind.HOURS_PER_YEAR
    rows = {row.name: row for row in hours.rows}
    assert rows["Utbildningsförvaltningen"].expected == Decimal("500")
    assert rows["Utbildningsförvaltningen"].realised == Decimal("300")
    assert rows["Utbildningsförvaltningen"].effect_count == 2
    assert rows["Utbildningsförvaltningen"].measured_count == 1
    assert rows["Socialförvaltningen"].expected == Decimal("50")
    assert rows["Socialförvaltningen"].realised == Decimal("10")
    assert hours.total.expected == Decimal("550")
    assert hours.total.realised == Decimal("310")
    text = response.content.decode()
    assert "<caption" in text
    assert "+550" in text

    by_unit = client.get(reverse("effects:sums"), {"department": cast.social.pk})
    (hours,) = by_unit.context["tables"]
    assert [row.name for row in hours.rows] == ["Hemtjänst Öst"]
    assert "Effekter i Socialförvaltningen" in by_unit.content.decode()


def test_sums_filter_by_kind_and_ignore_bad_filters(cast, login, idea):
    hours_effect(cast, idea)
    hours_effect(cast, idea, kind=Effect.Kind.FTE_FREED, baseline=None, target=Decimal("1.5"))
    client = login(cast.fresh("lead"))
    only_fte = client.get(reverse("effects:sums"), {"kind": Effect.Kind.FTE_FREED})
    assert [t.kind for t in only_fte.context["tables"]] == [Effect.Kind.FTE_FREED]
    for params in (
        {"kind": "'; drop table"},
        {"department": "abc"},
        {"department": "9" * 40},
        {"department": cast.school.pk},  # a unit, not a department
    ):
        response = client.get(reverse("effects:sums"), params)
        assert response.status_code == 200
        assert len(response.context["tables"]) == 2


def test_quality_is_counted_not_summed(cast, login, idea):
    hours_effect(cast, idea, kind=Effect.Kind.QUALITY, baseline=Decimal("10"), target=Decimal("90"))
    response = login(cast.fresh("lead")).get(reverse("effects:sums"))
    (quality,) = response.context["tables"]
    assert quality.total.effect_count == 1
    assert not quality.summed


def test_sums_page_without_effects(cast, login):
    response = login(cast.fresh("employee")).get(reverse("effects:sums"))
    assert "Det finns inga effekter att summera här än." in response.content.decode()


def test_idea_visibility_unchanged(cast, idea):
    # Guard for the tests above: the fixture idea is open.
    assert Idea.objects.get(pk=idea.pk).visibility == Idea.Visibility.OPEN
