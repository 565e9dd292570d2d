"""Coverage per department against hand-counted data, the scope per role, and the
"who completed what" list with its downloads."""

import pytest
from django.urls import reverse

from ideverket.lib.tests import export_helpers as ex
from ideverket.org.models import RoleAssignment
from ideverket.training.coverage import build_coverage
from ideverket.training.models import Audience

from .builders import course, held, people, session, sign_up_before


@pytest.fixture
def data(cast):
    """The cast plus two managers in Hemtjänst Öst. By department (active people):
    Utbildningsförvaltningen 6 (managers: Maja, Magnus), Socialförvaltningen 4 (managers: the
    two new ones), Kommunledningsförvaltningen 3 (no managers).

    "Innovationsledning för chefer" (managers): completed by Maja, one new manager, and Erik
    (not a manager: does not count); Magnus attended without completing.
    "Introduktion till idéprocessen" (everyone): completed by Erik, Cecilia, Olle, and Maja
    twice (counted once).
    """
    social_managers = people(cast.homecare, 2, "chef", RoleAssignment.Role.MANAGER)
    leadership = course(cast, "Innovationsledning för chefer", Audience.MANAGERS)
    intro = course(cast, "Introduktion till idéprocessen", Audience.EVERYONE)
    course(cast, "Tjänstedesign – grund", Audience.INSPIRERS)
    s1 = session(cast, leadership, days=-30, capacity=10)
    for p in (cast.manager, cast.director, social_managers[0], cast.employee):
        sign_up_before(s1, p)
    held(s1, attended=[cast.director], completed=[cast.manager, social_managers[0], cast.employee])
    s2 = session(cast, intro, days=-20, capacity=10)
    s3 = session(cast, intro, days=-10, capacity=10)
    for p in (cast.employee, cast.colleague, cast.manager):
        sign_up_before(s2, p)
    for p in (cast.outsider, cast.manager):
        sign_up_before(s3, p)
    held(s2, completed=[cast.employee, cast.colleague, cast.manager])
    held(s3, completed=[cast.outsider, cast.manager])
    return {"leadership": leadership, "intro": intro, "social_managers": social_managers}


def table(department_ids=None):
    departments, rows = build_coverage(department_ids)
    names = [d.name for d in departments]
    return {
        row.course.title: {
            **{n: (c.completed, c.total) for n, c in zip(names, row.cells, strict=True)},
            "Hela kommunen": (row.total.completed, row.total.total),
        }
        for row in rows
    }


def test_coverage_matches_the_hand_count(cast, data):
    got = table()
    assert got["Innovationsledning för chefer"] == {
        "Kommunledningsförvaltningen": (0, 0),
        "Socialförvaltningen": (1, 2),
        "Utbildningsförvaltningen": (1, 2),
        "Hela kommunen": (2, 4),
    }
    assert got["Introduktion till idéprocessen"] == {
        "Kommunledningsförvaltningen": (0, 3),
        "Socialförvaltningen": (1, 4),
        "Utbildningsförvaltningen": (3, 6),
        "Hela kommunen": (4, 13),
    }
    # Inspirers: Ines in Skola Norr, nobody completed.
    assert got["Tjänstedesign – grund"]["Utbildningsförvaltningen"] == (0, 1)


def test_people_who_left_are_not_counted(cast, data):
    cast.colleague.is_active = False
    cast.colleague.save(update_fields=["is_active"])
    got = table()
    assert got["Introduktion till idéprocessen"]["Utbildningsförvaltningen"] == (2, 5)


def test_coverage_page_shows_shares(cast, data, login):
    html = login(cast.fresh("coordinator")).get(reverse("training:coverage")).content.decode()
    assert "<strong>50 %</strong>" in html and "<strong>25 %</strong>" in html
    assert "ingen i målgruppen" in html
    assert "Hela kommunen" in html


@pytest.mark.parametrize(
    ("viewer", "status", "departments"),
    [
        ("coordinator", 200, {"Utbildningsförvaltningen", "Socialförvaltningen"}),
        ("lead", 200, {"Utbildningsförvaltningen"}),
        ("manager", 200, {"Utbildningsförvaltningen"}),
        ("social_lead", 200, {"Socialförvaltningen"}),
        ("employee", 404, set()),
        ("inspirer", 404, set()),
        ("outsider", 404, set()),
        ("admin", 404, set()),
    ],
)
def test_coverage_scope_per_role(cast, data, login, viewer, status, departments):
    client = login(cast.fresh(viewer))
    response = client.get(reverse("training:coverage"))
    assert response.status_code == status
    completions = client.get(reverse("training:completions"))
    assert completions.status_code == status
    if status == 200:
        html = response.content.decode()
        for name in ("Utbildningsförvaltningen", "Socialförvaltningen"):
            assert (f'<th scope="row">{name}</th>' in html) == (name in departments)
        listed = completions.content.decode()
        assert ("Olle Utanför" in listed) == ("Socialförvaltningen" in departments)
        assert ("Erik Elev" in listed) == ("Utbildningsförvaltningen" in departments)


def test_completions_filter_and_download(cast, data, login):
    client = login(cast.fresh("coordinator"))
    url = reverse("training:completions")
    params = {"department": cast.education.pk, "course": data["intro"].pk}
    html = client.get(url, params).content.decode()
    assert "3 genomförda utbildningar" not in html  # Maja twice: 4 rows
    assert "4 genomförda utbildningar" in html
    got = ex.both(client, url, params)
    for rows in got.values():
        assert sorted(ex.column(rows, "Namn")) == sorted(
            ["Erik Elev", "Cecilia Kollega", "Maja Chef", "Maja Chef"]
        )
        assert set(ex.column(rows, "Utbildning")) == {"Introduktion till idéprocessen"}
    everything = ex.both(client, url)
    assert len(everything["csv"]) - 1 == 8
    ex.assert_unknown_formats_give_the_page(client, url)


def test_completions_download_stays_within_the_leads_department(cast, data, login):
    client = login(cast.fresh("lead"))
    url = reverse("training:completions")
    got = ex.both(client, url)
    assert "Olle Utanför" not in ex.column(got["csv"], "Namn")
    # Asking for another department is an invalid choice: shown, not used.
    response = client.get(url, {"department": cast.social.pk})
    assert "Välj en förvaltning i listan." in response.content.decode()
    assert "Olle Utanför" not in response.content.decode()


def test_formula_like_names_are_text(cast, data, login):
    from ideverket.org.actions import do_create_user

    evil = do_create_user(None, email="evil@test.example", name=ex.FORMULA, unit=cast.school)
    s = session(cast, data["intro"], days=-5)
    sign_up_before(s, evil)
    held(s, completed=[evil])
    ex.assert_formulas_are_text(
        login(cast.fresh("coordinator")), reverse("training:completions"), texts=(ex.FORMULA,)
    )
