import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.challenges.actions import (
    do_create_challenge,
    do_create_theme,
    do_edit_challenge,
    do_edit_theme,
)
from ideverket.challenges.models import Challenge, Theme

pytestmark = pytest.mark.django_db

SEEDED = [
    "Kompetensförsörjning",
    "Digitalisering",
    "Heltid som norm",
    "Hållbarhet",
    "Trygghet och säkerhet",
    "Delaktighet och inflytande",
]


def test_seed_migration_created_the_themes():
    assert set(SEEDED) <= set(Theme.objects.values_list("name", flat=True))


def test_create_normalises_text_sets_relations_and_records_event(cast):
    theme = Theme.objects.get(name="Digitalisering")
    lead = cast.fresh("lead")
    # A decomposed "ö" (o + combining diaeresis) and a bidi override must not survive.
    challenge = do_create_challenge(
        lead,
        title="  Fo\u0308rskola\u202e online ",
        question="Hur kan vi digitalisera ansökan?",
        owner_unit=cast.school,
        responsible=[cast.employee],
        themes=[theme],
        step=Challenge.Step.EXPLORE,
    )
    challenge.refresh_from_db()
    assert challenge.title == "Förskola online"
    assert challenge.created_by == lead
    assert "förskola" in challenge.search_text
    assert list(challenge.responsible.all()) == [cast.employee]
    assert list(challenge.themes.all()) == [theme]
    event = Event.objects.for_subject(challenge).get()
    assert event.verb == Event.Verb.CREATED
    assert event.actor == lead
    assert event.data == {"title": "Förskola online"}


@pytest.mark.parametrize("persona", ["employee", "inspirer", "outsider", "hr_person", "admin"])
def test_create_refused_without_a_deciding_role(cast, persona):
    with pytest.raises(PermissionDenied):
        do_create_challenge(
            cast.fresh(persona), title="X", question="Hur kan vi x?", owner_unit=cast.school
        )
    assert not Challenge.objects.exists()


def test_create_refused_for_a_unit_outside_ones_roles(cast):
    with pytest.raises(PermissionDenied):
        do_create_challenge(
            cast.fresh("social_lead"), title="X", question="Hur kan vi x?", owner_unit=cast.school
        )
    with pytest.raises(PermissionDenied):
        # A school manager cannot create for the whole department above the school.
        do_create_challenge(
            cast.fresh("manager"), title="X", question="Hur kan vi x?", owner_unit=cast.education
        )


@pytest.mark.parametrize("question", ["Varför är köerna långa?", "Hur kan vi", "", "  hur kan"])
def test_create_requires_a_how_might_we_question(cast, question):
    with pytest.raises(ValidationError) as exc:
        do_create_challenge(
            cast.fresh("lead"), title="Köer", question=question, owner_unit=cast.school
        )
    assert "question" in exc.value.error_dict
    assert not Challenge.objects.exists()
    assert not Event.objects.filter(verb=Event.Verb.CREATED, data__title="Köer").exists()


def test_create_accepts_lower_case_question(make_challenge):
    assert make_challenge(question="hur kan vi göra det?").pk


def test_create_refuses_open_until_in_the_past(cast):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        do_create_challenge(
            cast.fresh("lead"),
            title="Köer",
            question="Hur kan vi x?",
            owner_unit=cast.school,
            open_until=yesterday,
        )
    assert "open_until" in exc.value.error_dict


def test_edit_changes_fields_refreshes_search_and_records_changed_fields(cast, make_challenge):
    challenge = make_challenge()
    theme = Theme.objects.get(name="Hållbarhet")
    manager = cast.fresh("manager")
    do_edit_challenge(
        manager,
        challenge,
        title="Hållbara måltider",
        question=challenge.question,
        themes=[theme],
        responsible=[],
    )
    challenge.refresh_from_db()
    assert challenge.title == "Hållbara måltider"
    assert "hållbara" in challenge.search_text
    event = Event.objects.for_subject(challenge).get(verb=Event.Verb.EDITED)
    assert event.actor == manager
    assert event.data == {"fields": ["title", "themes"]}


def test_edit_allows_a_past_date_to_close_the_challenge(cast, make_challenge):
    challenge = make_challenge()
    do_edit_challenge(
        cast.fresh("lead"), challenge, open_until=timezone.localdate() - datetime.timedelta(days=3)
    )
    assert not Challenge.objects.open().filter(pk=challenge.pk).exists()


def test_responsible_person_may_edit_but_not_move_it_elsewhere(cast, make_challenge):
    challenge = make_challenge(responsible=[cast.employee])
    do_edit_challenge(cast.fresh("employee"), challenge, needs="Fler röster")
    assert Challenge.objects.get(pk=challenge.pk).needs == "Fler röster"
    with pytest.raises(PermissionDenied):
        do_edit_challenge(cast.fresh("employee"), challenge, owner_unit=cast.homecare)


@pytest.mark.parametrize("persona", ["outsider", "social_lead", "colleague", "inspirer"])
def test_edit_refused_for_others(cast, make_challenge, persona):
    challenge = make_challenge()
    with pytest.raises(PermissionDenied):
        do_edit_challenge(cast.fresh(persona), challenge, title="Kapad")
    assert Challenge.objects.get(pk=challenge.pk).title == "Kortare köer"


def test_edit_with_invalid_question_saves_nothing(cast, make_challenge):
    challenge = make_challenge()
    with pytest.raises(ValidationError):
        do_edit_challenge(cast.fresh("lead"), challenge, title="Nytt", question="Inte en fråga")
    assert Challenge.objects.get(pk=challenge.pk).title == "Kortare köer"
    assert not Event.objects.for_subject(challenge).filter(verb=Event.Verb.EDITED).exists()


@pytest.mark.parametrize("persona", ["coordinator", "admin"])
def test_theme_create_and_edit(cast, persona):
    user = cast.fresh(persona)
    theme = do_create_theme(user, name=" Folkhälsa ", description="Hälsa för alla")
    assert theme.name == "Folkhälsa"
    do_edit_theme(user, theme, name="Folkhälsa och idrott", description="", is_active=False)
    theme.refresh_from_db()
    assert (theme.name, theme.is_active) == ("Folkhälsa och idrott", False)
    verbs = list(Event.objects.for_subject(theme).values_list("verb", flat=True))
    assert sorted(verbs) == [Event.Verb.CREATED, Event.Verb.EDITED]


@pytest.mark.parametrize("name", ["Hållbarhet", "HÅLLBARHET", "hållbarhet"])
def test_theme_names_are_unique_ignoring_case(cast, name):
    with pytest.raises(ValidationError) as exc:
        do_create_theme(cast.fresh("coordinator"), name=name)
    assert "redan" in exc.value.message_dict["name"][0]


def test_theme_edit_may_keep_its_own_name(cast):
    theme = Theme.objects.get(name="Hållbarhet")
    do_edit_theme(cast.fresh("coordinator"), theme, name="Hållbarhet", description="Ny text")
    assert Theme.objects.get(pk=theme.pk).description == "Ny text"


@pytest.mark.parametrize("persona", ["employee", "lead", "manager"])
def test_theme_management_refused(cast, persona):
    with pytest.raises(PermissionDenied):
        do_create_theme(cast.fresh(persona), name="Nytt tema")
    with pytest.raises(PermissionDenied):
        do_edit_theme(cast.fresh(persona), Theme.objects.first(), name="Nytt namn")
