"""Projects made through the same actions the views call, on the shared cast (see conftest.py).

The standard project is led by Utbildningsförvaltningen (Lena, innovation lead, creates it and
leads its team); Socialförvaltningen is invited as a participant and HR as a partner.
"""

import datetime

import pytest
from django.utils import timezone

from ideverket.projects import actions
from ideverket.projects.models import GateDecision, Project


def future():
    """200 days from today, read when the test runs (not when this module is imported)."""
    return timezone.localdate() + datetime.timedelta(days=200)


def commitment(cast, **overrides):
    """A complete commitment from Skola Norr, owned by its manager Maja."""
    values = {
        "receiving_unit": cast.school,
        "owner": cast.manager,
        "hours": 120,
        "kronor": 50000,
        "until": future(),
        "success_criteria": "Fler heltidstjänster i hemtjänsten.",
    }
    values.update(overrides)
    return values


def commitment_post(cast, **overrides):
    """The gate form's commitment fields, as posted."""
    values = commitment(cast)
    data = {
        "receiving_unit": values["receiving_unit"].pk,
        "owner": values["owner"].pk,
        "hours": values["hours"],
        "kronor": values["kronor"],
        "until": values["until"].isoformat(),
        "success_criteria": values["success_criteria"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_project(cast):
    """make_project(title=…, by=…, invite=True, **fields): a project made through the actions.

    With invite=True Socialförvaltningen is invited as a participant and HR as a partner
    (both still waiting for an answer).
    """

    def _make(title="Heltid som norm", *, by=None, invite=False, **fields):
        fields.setdefault("purpose", "Fler ska kunna arbeta heltid.")
        fields.setdefault("lead_unit", cast.education)
        creator = by or cast.fresh("lead")
        project = actions.do_create_project(creator, title=title, **fields)
        if invite:
            actions.do_invite_unit(creator, project, cast.social, message="Var med!")
            actions.do_invite_unit(creator, project, cast.hr, as_partner=True)
        return Project.objects.select_related("lead_unit").get(pk=project.pk)

    return _make


@pytest.fixture
def restricted_project(cast, make_project):
    """A restricted project with HR asked in as a partner; the outsider (Hemtjänst Öst) is in no
    unit that sees it."""
    project = make_project("Hemligt projekt", visibility=Project.Visibility.RESTRICTED)
    actions.do_invite_unit(cast.fresh("lead"), project, cast.hr, as_partner=True)
    return project


def go_gate(cast, project, by=None, gate=GateDecision.Gate.START):
    return actions.do_decide_gate(
        by or cast.fresh("lead"),
        project,
        gate=gate,
        outcome=GateDecision.Outcome.GO,
        reason="Vi kör.",
        seen_gate_id=project.gate_decisions.order_by("-pk").values_list("pk", flat=True).first()
        or 0,
        commitment=commitment(cast),
    )
