"""The insights filters (allow-listed, bad values dropped with a message) and the downloads."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ideverket.challenges.models import Theme
from ideverket.goals.models import Period
from ideverket.ideas.process import Stage

from .dataset import build, current_year

URL = reverse("insights:overview")


@pytest.fixture
def data(cast):
    return build(cast)


def funnel(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return {row.stage: row.count for row in response.context["figures"].funnel}


def test_department_filter(cast, login, data):
    client = login(cast.fresh("coordinator"))
    everything = funnel(client)
    social = funnel(client, department=cast.social.pk)
    education = funnel(client, department=cast.education.pk)
    assert social[Stage.SUBMITTED] == 1  # the restricted idea
    assert social[Stage.SUBMITTED] + education[Stage.SUBMITTED] == everything[Stage.SUBMITTED]
    rows, _total = client.get(URL, {"department": cast.social.pk}).context["figures"].participation
    assert [row.department_id for row in rows] == [cast.social.pk]


def test_theme_filter(cast, login, data):
    client = login(cast.fresh("coordinator"))
    themed = funnel(client, theme=data.pk)
    assert themed[Stage.SUBMITTED] == 1
    assert themed[Stage.TRIAL] == 1
    assert themed[Stage.IMPLEMENTED] == 0


def test_period_filter(cast, login, data):
    year = current_year()
    client = login(cast.fresh("coordinator"))
    last_year = Period.objects.get(name=str(year - 1))
    response = client.get(URL, {"period": last_year.pk})
    counts = {row.stage: row.count for row in response.context["figures"].funnel}
    assert counts[Stage.SUBMITTED] == 1  # "Gammal idé"
    assert counts[Stage.TRIAL] == 1
    assert response.context["dates"].name == str(year - 1)


def test_default_period_is_the_one_containing_today(cast, login, data):
    context = login(cast.fresh("coordinator")).get(URL).context
    assert context["dates"].period == Period.objects.get(name=str(current_year()))


def test_choices_added_after_they_were_kept_can_be_chosen_at_once(cast, login, data):
    """The choices are kept per process for a minute; a value naming one added since then
    reads them anew instead of being refused."""
    client = login(cast.fresh("coordinator"))
    client.get(URL)  # the choices are kept now
    year = current_year()
    older = Period.objects.create(
        name=str(year - 5),
        starts_on=datetime.date(year - 5, 1, 1),
        ends_on=datetime.date(year - 5, 12, 31),
    )
    theme = Theme.objects.create(name="Alldeles nytt tema")
    response = client.get(URL, {"period": older.pk, "theme": theme.pk})
    assert response.context["form"].errors == {}
    assert response.context["dates"].period == older
    assert f'<option value="{theme.pk}" selected>Alldeles nytt tema</option>' in response.text


def test_without_periods_the_calendar_year_is_used(cast, login):
    context = login(cast.fresh("coordinator")).get(URL).context
    assert context["dates"].period is None
    assert context["dates"].name == str(current_year())
    assert not Period.objects.exists()  # looking stores nothing


@pytest.mark.parametrize(
    "params",
    [
        {"period": "abc"},
        {"period": "99999999"},
        {"department": "10" * 30},
        {"department": "%"},
        {"theme": "_"},
        {"theme": "x" * 10_000},
        {"period": "²", "department": "-1", "theme": "1.5"},
        {"format": "pdf"},
        {"format": "csv", "table": "secrets"},
        {"page": "99999999999"},
    ],
)
def test_bad_values_are_ignored_with_a_message(cast, login, data, params):
    client = login(cast.fresh("coordinator"))
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    counts = {row.stage: row.count for row in response.context["figures"].funnel}
    assert counts == funnel(client)
    html = response.content.decode()
    if set(params) & {"period", "department", "theme"}:
        assert "error-summary" in html
        assert "visas i stället" in html
    if params.get("table") == "secrets":
        assert "Välj en av tabellerna" in html


def test_a_department_that_is_no_department_is_refused(cast, login, data):
    response = login(cast.fresh("coordinator")).get(URL, {"department": cast.school.pk})
    assert response.status_code == 200
    assert response.context["department"] is None
    assert "Den förvaltningen finns inte" in response.content.decode()


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_export_of_the_funnel(cast, login, data):
    client = login(cast.fresh("coordinator"))
    counts = funnel(client, department=cast.education.pk)
    response = client.get(
        URL, {"department": cast.education.pk, "format": "csv", "table": "funnel"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"tratten-{current_year()}" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:2] == ["Steg", "Idéer"]
    assert rows[1][:2] == ["Inskickade", str(counts[Stage.SUBMITTED])]
    assert ["Testas", str(counts[Stage.TRIAL])] == rows[2 + 1][:2]


@pytest.mark.parametrize(
    "table",
    ["implementation", "lead_time", "effects_department", "participation", "effects_theme"],
)
def test_exports_hold_nothing_the_lead_may_not_see(cast, login, data, table):
    lead = login(cast.fresh("lead"))
    text = "\n".join(
        ";".join(row) for row in read_csv(lead.get(URL, {"format": "csv", "table": table}))
    )
    coordinator = login(cast.fresh("coordinator"))
    everything = "\n".join(
        ";".join(row) for row in read_csv(coordinator.get(URL, {"format": "csv", "table": table}))
    )
    assert "Nyckelfri" not in text
    if table in ("implementation", "effects_department"):
        assert "Socialförvaltningen" in everything
        assert "Socialförvaltningen" not in text
    if table == "lead_time":
        assert "40,0" in everything
        assert "40,0" not in text


def test_xlsx_export_of_participation(cast, login, data):
    client = login(cast.fresh("coordinator"))
    rows, total = client.get(URL).context["figures"].participation
    response = client.get(URL, {"format": "xlsx", "table": "participation"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Förvaltning", "Aktiva medarbetare", "Deltog", "Andel (%)")
    assert values[-1][:3] == ("Totalt", total.people, total.taking_part)
    assert len(values) == len(rows) + 2


def test_exports_write_formula_like_names_as_text(cast, login, data):
    Theme.objects.filter(pk=data.pk).update(name='=HYPERLINK("http://x")')
    client = login(cast.fresh("coordinator"))
    rows = read_csv(client.get(URL, {"format": "csv", "table": "effects_theme"}))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    response = client.get(URL, {"format": "xlsx", "table": "effects_theme"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


def test_export_links_carry_the_filters(cast, login, data):
    html = (
        login(cast.fresh("coordinator"))
        .get(URL, {"department": cast.education.pk, "theme": "junk"})
        .content.decode()
    )
    assert f"?department={cast.education.pk}&amp;table=funnel&amp;format=csv" in html
    assert "theme=junk&amp;table=" not in html  # (the language switcher keeps the raw URL)
