"""Trial pages: visibility on every route, permissions per role, bad input, the list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.lessons.models import Lesson
from ideverket.trials import urls as trial_urls
from ideverket.trials.models import Criterion, Trial, TrialUpdate

from .builders import load, trial_for
from .conftest import PERSONAS


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def evaluation_data(trial, **changes):
    data = {"summary": "Det fungerade.", "lessons": "Börja smått."}
    for criterion in trial.criteria.all():
        data[criterion.result_key] = Criterion.Result.MET
        data[criterion.note_key] = ""
    data.update(changes)
    return data


def trial_routes(trial, cast):
    """(method, url name, data) for every route that takes a trial."""
    day = today()
    plan = {"plan": "Kapad", "starts_on": day.isoformat(), "ends_on": day.isoformat()}
    return [
        ("get", "trials:detail", None),
        ("get", "trials:edit", None),
        ("post", "trials:edit", plan),
        ("post", "trials:report", {"text": "Kapad", "health": "green"}),
        ("get", "trials:evaluate", None),
        ("post", "trials:evaluate", evaluation_data(trial)),
        ("get", "trials:owner", None),
        ("post", "trials:owner", {"owner": cast.outsider.pk}),
    ]


def test_the_sweep_covers_every_trial_route(cast):
    trial = trial_for(cast)
    swept = {name for _m, name, _d in trial_routes(trial, cast)}
    names = {f"trials:{p.name}" for p in trial_urls.urlpatterns} - {"trials:list"}
    assert names == swept


# -- visibility ------------------------------------------------------------------------------


@pytest.fixture
def secret(cast):
    return trial_for(cast, visibility=Idea.Visibility.RESTRICTED, title="Zebrafinkar i skolan")


@pytest.mark.parametrize("persona", ["outsider", "social_lead", "hr_person"])
def test_a_restricted_ideas_trial_is_404_on_every_route(cast, login, secret, persona):
    client = login(cast.fresh(persona))
    for method, name, data in trial_routes(secret, cast):
        response = getattr(client, method)(reverse(name, args=[secret.pk]), data)
        assert response.status_code == 404, (method, name, response.status_code)
    listing = client.get(reverse("trials:list"))
    assert "Zebrafinkar" not in listing.text
    assert listing.context["page_obj"].paginator.count == 0
    # Nothing changed behind the 404s.
    trial = load(secret)
    assert trial.status == Trial.Status.RUNNING and trial.plan == ""
    assert not TrialUpdate.objects.exists()
    assert trial.owner == cast.manager


def test_inside_the_circle_the_trial_is_visible(cast, login, secret):
    for persona in ("employee", "colleague", "inspirer", "manager", "lead", "coordinator"):
        client = login(cast.fresh(persona))
        assert client.get(reverse("trials:detail", args=[secret.pk])).status_code == 200
        assert "Zebrafinkar" in client.get(reverse("trials:list")).text


def test_missing_trial_is_404(cast, login):
    client = login(cast.fresh("coordinator"))
    assert client.get(reverse("trials:detail", args=[999999])).status_code == 404


def test_an_owner_outside_the_circle_sees_the_trial_and_its_idea(cast, login):
    """A receiving unit elsewhere: its named owner runs the trial and sees the idea behind it."""
    trial = trial_for(
        cast,
        visibility=Idea.Visibility.RESTRICTED,
        owner=cast.outsider,
        receiving_unit=cast.homecare,
    )
    client = login(cast.fresh("outsider"))
    assert client.get(reverse("trials:detail", args=[trial.pk])).status_code == 200
    assert client.get(reverse("ideas:detail", args=[trial.idea_id])).status_code == 200
    assert client.get(reverse("trials:edit", args=[trial.pk])).status_code == 200


def test_notifications_of_a_hidden_trial_are_not_shown(cast, login):
    day = today()
    trial = trial_for(cast, title="Zebrafinkar i skolan")
    from ideverket.ideas import actions as idea_actions

    outsider = cast.fresh("outsider")
    idea_actions.do_follow(outsider, trial.idea)
    Idea.objects.filter(pk=trial.idea_id).update(visibility=Idea.Visibility.RESTRICTED)
    from ideverket.trials import actions

    actions.do_edit_trial(
        cast.fresh("manager"),
        trial,
        hypothesis="",
        plan="P",
        participants="",
        starts_on=day,
        ends_on=day,
    )
    trial = load(trial)
    actions.do_evaluate_trial(
        cast.fresh("manager"),
        trial,
        {c.pk: ("met", "") for c in trial.criteria.all()},
        "Bra",
        "Lärdom",
    )
    assert Notification.objects.filter(recipient=outsider).exists()
    response = login(outsider).get(reverse("activity:notifications"))
    assert "Zebrafinkar" not in response.text
    assert response.context["items"] == []


# -- permissions per role --------------------------------------------------------------------

MANAGERS = {"colleague", "manager", "lead", "director", "social_lead", "coordinator"}
DECIDERS = {"manager", "lead", "director", "coordinator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_per_role(cast, login, running, persona):
    """Everyone sees the open idea's trial; the rest answers 403 unless the role allows it.
    Empty POSTs tell the two apart without changing anything (allowed: 422, refused: 403)."""
    client = login(cast.fresh(persona))
    pk = running.pk
    assert client.get(reverse("trials:detail", args=[pk])).status_code == 200
    expected = {
        ("get", "trials:edit"): MANAGERS,
        ("post", "trials:report"): MANAGERS,
        ("get", "trials:evaluate"): DECIDERS,
        ("post", "trials:evaluate"): DECIDERS,
        ("get", "trials:owner"): DECIDERS,
    }
    for (method, name), allowed in expected.items():
        response = getattr(client, method)(reverse(name, args=[pk]), {})
        if persona in allowed:
            assert response.status_code in (200, 422), (name, response.status_code)
        else:
            assert response.status_code == 403, (name, response.status_code)
    assert load(running).status == Trial.Status.RUNNING


def test_buttons_follow_the_rules(cast, login, running):
    url = reverse("trials:detail", args=[running.pk])
    as_owner = login(cast.fresh("colleague")).get(url).text
    assert "Ändra plan och period" in as_owner and "Utvärdera testet</a>" not in as_owner
    assert "görs av en chef eller innovationsledare" in as_owner
    as_employee = login(cast.fresh("employee")).get(url).text
    assert "Ändra plan och period" not in as_employee and "Spara lägesrapporten" not in as_employee
    as_lead = login(cast.fresh("lead")).get(url).text
    assert "Utvärdera testet</a>" in as_lead and "Byt ansvarig" in as_lead


# -- evaluation ------------------------------------------------------------------------------


def test_evaluate_through_the_page(cast, login, running):
    client = login(cast.fresh("manager"))
    url = reverse("trials:evaluate", args=[running.pk])
    page = client.get(url)
    assert "Vad lärde ni er?" in page.text
    assert "Närvaron tas på under en minut per grupp" in page.text
    response = client.post(url, evaluation_data(running), follow=True)
    assert response.redirect_chain[-1][0] == reverse("trials:detail", args=[running.pk])
    assert "Testet är utvärderat" in response.text
    assert "Börja smått." in response.text
    assert Idea.objects.get(pk=running.idea_id).stage == Stage.EVALUATED
    assert Lesson.objects.filter(text="Börja smått.").exists()
    # The idea page now offers what comes next, and shows the trial.
    idea_page = client.get(reverse("ideas:detail", args=[running.idea_id])).text
    assert "Utvärderat test" in idea_page
    for outcome in ("/beslut/implement/", "/beslut/test_again/", "/beslut/stop/"):
        assert outcome in idea_page


@pytest.mark.parametrize("missing", ["lessons", "summary", "result"])
def test_evaluation_without_the_required_parts_keeps_the_text(cast, login, running, missing):
    client = login(cast.fresh("manager"))
    first = running.criteria.first()
    data = evaluation_data(running, summary="Min sammanfattning åäö", lessons="Mina lärdomar åäö")
    data[first.note_key] = "Min kommentar"
    if missing == "result":
        data.pop(first.result_key)
    else:
        data[missing] = "   "
    response = client.post(reverse("trials:evaluate", args=[running.pk]), data)
    assert response.status_code == 422
    form = response.context["form"]
    message = {
        "lessons": "Skriv vad ni lärde er",
        "summary": "Sammanfatta resultatet",
        "result": "Ange hur det gick för kriteriet.",
    }[missing]
    field = first.result_key if missing == "result" else missing
    assert message in " ".join(form.errors[field])
    assert 'role="alert"' in response.text
    assert "Min kommentar" in response.text
    if missing != "summary":
        assert "Min sammanfattning åäö" in response.text
    if missing != "lessons":
        assert "Mina lärdomar åäö" in response.text
    assert load(running).status == Trial.Status.RUNNING
    assert Idea.objects.get(pk=running.idea_id).stage == Stage.TRIAL


def test_evaluating_an_evaluated_trial_says_so(cast, login, evaluated):
    client = login(cast.fresh("lead"))
    response = client.post(
        reverse("trials:evaluate", args=[evaluated.pk]), evaluation_data(evaluated), follow=True
    )
    assert "Testet är redan utvärderat." in response.text
    assert client.get(reverse("trials:evaluate", args=[evaluated.pk])).status_code == 403


# -- plan, reports, owner --------------------------------------------------------------------


def test_edit_plan_through_the_page(cast, login, running):
    day = today()
    client = login(cast.fresh("colleague"))
    url = reverse("trials:edit", args=[running.pk])
    seen = client.get(url).context["form"].initial["seen_updated_at"]
    data = {
        "seen_updated_at": seen,
        "hypothesis": "Om vi …",
        "plan": "Vecka 1",
        "participants": "3A",
        "starts_on": day.isoformat(),
        "ends_on": (day + datetime.timedelta(days=20)).isoformat(),
        # Fields nobody may post are ignored.
        "status": Trial.Status.EVALUATED,
        "owner": cast.outsider.pk,
        "lessons": "Kapad",
    }
    assert client.post(url, data).status_code == 302
    trial = load(running)
    assert trial.plan == "Vecka 1" and trial.status == Trial.Status.RUNNING
    assert trial.owner == cast.colleague and trial.lessons == ""

    data["seen_updated_at"] = seen  # stale now
    data["plan"] = "Gammal flik"
    response = client.post(url, data)
    assert "ändrats av någon annan" in response.text
    assert "Gammal flik" in response.text
    assert load(running).plan == "Vecka 1"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"ends_on": "2000-01-01"}, "ends_on", "Testet kan inte sluta före det startar."),
        ({"starts_on": ""}, "starts_on", "Ange när testet startar."),
        ({"starts_on": "31/31/2020"}, "starts_on", ""),
        ({"plan": "p" * 5001}, "plan", ""),
    ],
)
def test_bad_plan_input(cast, login, running, changes, field, message):
    day = today()
    client = login(cast.fresh("manager"))
    data = {
        "hypothesis": "Min hypotes åäö",
        "plan": "P",
        "participants": "",
        "starts_on": day.isoformat(),
        "ends_on": day.isoformat(),
    }
    data.update(changes)
    response = client.post(reverse("trials:edit", args=[running.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in " ".join(response.context["form"].errors[field])
    assert "Min hypotes åäö" in response.text
    assert load(running).hypothesis == ""


def test_status_update_through_the_page(cast, login, running):
    client = login(cast.fresh("colleague"))
    url = reverse("trials:report", args=[running.pk])
    response = client.post(url, {"health": "yellow", "text": ""})
    assert response.status_code == 422
    assert "Skriv hur testet går." in response.text or "Fältet" in response.text
    response = client.post(url, {"health": "purple", "text": "Mitt utkast"})
    assert response.status_code == 422 and "Mitt utkast" in response.text
    assert not TrialUpdate.objects.exists()
    response = client.post(url, {"health": "yellow", "text": "Lite sent"}, follow=True)
    assert "Lägesrapporten är sparad." in response.text
    assert "Gult – vissa problem" in response.text


def test_reassign_through_the_page(cast, login, running):
    client = login(cast.fresh("lead"))
    url = reverse("trials:owner", args=[running.pk])
    response = client.post(url, {"owner": cast.outsider.pk})
    assert "Den ansvariga måste höra till den mottagande enheten." in response.text
    response = client.post(url, {"owner": "1 OR 1=1"})
    assert response.status_code == 200 and "owner" in response.context["form"].errors
    assert client.post(url, {"owner": cast.manager.pk}).status_code == 302
    assert load(running).owner == cast.manager


def homecare_trial(cast, title):
    from ideverket.ideas import actions as idea_actions
    from ideverket.ideas.process import Outcome
    from ideverket.ideas.tests.builders import new_idea

    from .builders import commitment

    sara = cast.fresh("social_lead")
    idea = new_idea(cast, title=title, owner_unit=cast.homecare)
    idea_actions.do_decide(sara, idea, Outcome.TAKE, seen_stage=Stage.SUBMITTED)
    decision = idea_actions.do_decide(
        sara,
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Testa",
        commitment=commitment(cast, owner=cast.outsider, receiving_unit=cast.homecare),
    )
    return decision.trial


# -- the list --------------------------------------------------------------------------------


def test_list_filters(cast, login):
    day = today()
    school = trial_for(cast, title="Skolans test")
    social = homecare_trial(cast, "Hemtjänstens test")
    overdue = trial_for(cast, title="Försenat test")
    Trial.objects.filter(pk=overdue.pk).update(
        starts_on=day - datetime.timedelta(days=9), ends_on=day - datetime.timedelta(days=1)
    )
    client = login(cast.fresh("coordinator"))
    url = reverse("trials:list")

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {t.idea.title for t in response.context["page_obj"].object_list}

    assert titles() == {"Skolans test", "Hemtjänstens test", "Försenat test"}
    assert titles(department=cast.social.pk) == {"Hemtjänstens test"}
    assert titles(flagged="on") == {"Försenat test"}
    assert titles(status="evaluated") == set()
    assert titles(status="open") == {"Skolans test", "Hemtjänstens test", "Försenat test"}
    # Unknown values are dropped, never passed on; pages out of range show the last page.
    assert len(titles(status="bogus", department="x'; --", page="9999")) == 3
    assert "Flaggat: den avsatta tiden har gått ut." in client.get(url).text
    assert client.get(url, HTTP_HX_REQUEST="true").text.lstrip().startswith('<div id="results">')
    assert school and social


def test_notifications_read_well(cast, login):
    trial = trial_for(cast, title="Cykelställ vid entrén")
    client = login(cast.fresh("employee"))
    page = client.get(reverse("activity:notifications")).text
    assert f"{cast.lead.name} startade testet" in page
    assert f'href="{trial.get_absolute_url()}">Test: Cykelställ vid entrén</a>' in page
