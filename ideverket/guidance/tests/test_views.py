"""Pages per role: public reading and answering, drafts and management for the coordinator."""

import pytest
from django.urls import reverse

from ideverket.guidance import actions
from ideverket.guidance.models import DefectReport, PageFeedback
from ideverket.lib.tests.export_helpers import (
    FORMULA,
    assert_formulas_are_text,
    assert_unknown_formats_give_the_page,
    both,
    csv_rows,
    xlsx_rows,
)

from .builders import a_page, answers

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "employee", "outsider", "lead", "coordinator"]


def as_role(client, cast, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_published_pages_are_readable_by_everyone(client, cast, role):
    page = a_page(cast, body="## Rubrik\n\n<script>alert(1)</script> [DIGG](https://www.digg.se/)")
    a_page(cast, "utkast", published=False)
    as_role(client, cast, role)
    index = client.get(reverse("guidance:index")).content.decode()
    assert page.title in index
    assert ("Sidan utkast" in index) == (role == "coordinator")
    response = client.get(page.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h3>Rubrik</h3>" not in html and "<h2>Rubrik</h2>" in html
    assert "<script>alert" not in html
    assert 'rel="noopener noreferrer"' in html
    assert cast.lead.name in html and f"mailto:{cast.lead.email}" in html
    assert "Utbildningsförvaltningen" in html  # the contact's unit
    assert "Hjälpte informationen på sidan dig?" in html
    assert ("Svara anonymt" in html) == (role != "anonymous")
    assert ("Redigera sidan" in html) == (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_drafts_404_for_all_but_the_coordinator(client, cast, role):
    draft = a_page(cast, "utkast", published=False)
    as_role(client, cast, role)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == (200 if role == "coordinator" else 404)
    # Nobody answers a draft, not even the coordinator.
    response = client.post(reverse("guidance:feedback", args=["utkast"]), {"helpful": "ja"})
    assert response.status_code == 404
    assert client.get("/vagledning/finns-inte/").status_code == 404


@pytest.mark.parametrize(
    "name",
    ["create", "feedback_overview", "defects", "edit", "page_feedback", "defect"],
)
@pytest.mark.parametrize("role", ["employee", "outsider", "lead"])
def test_management_pages_404_for_others(client, cast, role, name):
    page = a_page(cast)
    report = actions.do_report_defect(None, page_url="/x/", description="Fel")
    args = {"edit": [page.slug], "page_feedback": [page.slug], "defect": [report.pk]}
    as_role(client, cast, role)
    assert client.get(reverse(f"guidance:{name}", args=args.get(name, []))).status_code == 404


def test_management_pages_send_anonymous_to_login(client, cast):
    a_page(cast)
    response = client.get(reverse("guidance:feedback_overview"))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_anonymous_answers_once_per_session(client, cast):
    page = a_page(cast)
    url = reverse("guidance:feedback", args=[page.slug])
    response = client.post(url, {"helpful": "nej", "comment": "Jag hittade inte kontakten."})
    assert response.status_code == 302
    assert response["Location"].endswith("#aterkoppling")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Tack för att du hjälper oss!" in html
    assert 'name="helpful"' not in html
    client.post(url, {"helpful": "ja"})
    assert PageFeedback.objects.count() == 1
    answer = PageFeedback.objects.get()
    assert answer.helpful is False and answer.user is None
    # Another page can still be answered.
    other = a_page(cast, "annan")
    client.post(reverse("guidance:feedback", args=[other.slug]), {"helpful": "ja"})
    assert PageFeedback.objects.count() == 2


def test_htmx_answer_swaps_in_the_thanks(client, cast):
    page = a_page(cast)
    response = client.post(
        reverse("guidance:feedback", args=[page.slug]), {"helpful": "ja"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tack för att du hjälper oss!" in html
    assert "<html" not in html


@pytest.mark.parametrize("htmx", [False, True])
def test_a_missing_answer_keeps_the_comment(client, cast, htmx):
    page = a_page(cast)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(
        reverse("guidance:feedback", args=[page.slug]),
        {"comment": "Bra men lång"},
        **headers,
    )
    html = response.content.decode()
    assert response.status_code == (200 if htmx else 422)
    assert "Välj Ja eller Nej." in html
    assert "Bra men lång" in html
    assert not PageFeedback.objects.exists()


def test_overlong_comment_is_refused(client, cast):
    page = a_page(cast)
    response = client.post(
        reverse("guidance:feedback", args=[page.slug]), {"helpful": "ja", "comment": "x" * 1001}
    )
    assert response.status_code == 422
    assert not PageFeedback.objects.exists()


def test_logged_in_person_may_put_their_name_to_it(client, cast):
    page = a_page(cast)
    client.force_login(cast.employee)
    url = reverse("guidance:feedback", args=[page.slug])
    client.post(url, {"helpful": "ja", "comment": "Tydligt"})  # no "anonymous": unticked
    assert PageFeedback.objects.get().user == cast.employee
    other = a_page(cast, "annan")
    client.post(
        reverse("guidance:feedback", args=[other.slug]), {"helpful": "ja", "anonymous": "on"}
    )
    assert PageFeedback.objects.get(page=other).user is None


def test_feedback_needs_csrf(cast):
    from django.test import Client

    page = a_page(cast)
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("guidance:feedback", args=[page.slug]), {"helpful": "ja"})
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_accessibility_statement_and_report(client, cast, role):
    as_role(client, cast, role)
    html = client.get(reverse("guidance:accessibility")).content.decode()
    assert "Tillgänglighetsredogörelse för Idéverket" in html
    assert "https://www.digg.se/tdosanmalan" in html
    assert "Testkommun står bakom Idéverket" in html
    assert "WCAG 2.1" in html
    response = client.post(
        reverse("guidance:accessibility"),
        {"page_url": "/ideer/", "description": "Fokus syns inte", "email": "a@b.se"},
    )
    assert response.status_code == 302
    report = DefectReport.objects.get()
    assert report.status == DefectReport.Status.NEW and report.email == "a@b.se"


def test_defect_report_bad_input_keeps_the_text(client, cast):
    response = client.post(
        reverse("guidance:accessibility"),
        {"page_url": "/ideer/", "description": "  ", "email": "inte-en-adress"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Fältet får inte vara tomt." in html or "Detta fält måste fyllas i." in html
    assert "inte-en-adress" in html and "/ideer/" in html
    assert not DefectReport.objects.exists()


def test_defect_reports_per_session_are_limited(client, cast):
    for n in range(6):
        client.post(reverse("guidance:accessibility"), {"page_url": f"/{n}/", "description": "x"})
    assert DefectReport.objects.count() == 5


def test_coordinator_handles_a_report(client, cast):
    report = actions.do_report_defect(None, page_url="/x/", description="Fel")
    client.force_login(cast.coordinator)
    url = reverse("guidance:defect", args=[report.pk])
    response = client.post(url, {"status": "fixed", "reply": ""})
    assert response.status_code == 422
    assert "Skriv vad som gjordes" in response.content.decode()
    response = client.post(url, {"status": "fixed", "reply": "Fokusram tillagd."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "fixed"
    html = client.get(reverse("guidance:defects") + "?status=fixed").content.decode()
    assert "/x/" in html
    html = client.get(reverse("guidance:defects") + "?status=new").content.decode()
    assert "Inga rapporter." in html
    assert "Åtgärdad" in client.get(url).content.decode()


def test_coordinator_creates_and_edits_with_preview(client, cast):
    client.force_login(cast.coordinator)
    data = {
        "title": "Testa i liten skala",
        "slug": "testa",
        "summary": "",
        "body": "## Varför\n\nFör att lära.",
        "order": "2",
        "contact_email": cast.lead.email.upper(),
        "is_published": "on",
    }
    response = client.post(reverse("guidance:create"), {**data, "preview": "1"})
    assert response.status_code == 200
    assert "<h2>Varför</h2>" in response.content.decode()
    assert client.get("/vagledning/testa/").status_code == 404
    response = client.post(reverse("guidance:create"), data)
    assert response.status_code == 302
    response = client.post(
        reverse("guidance:edit", args=["testa"]),
        {**data, "slug": "Testa Å", "contact_email": "ingen@exempel.se"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Det finns ingen aktiv person med den e-postadressen." in html
    assert "Använd bara små bokstäver" in html
    response = client.post(
        reverse("guidance:edit", args=["testa"]), {**data, "title": "Testa smått"}
    )
    assert response.status_code == 302
    html = client.get(reverse("guidance:edit", args=["testa"])).content.decode()
    assert "Cora Samordnare ändrade rubriken" in html


def test_feedback_overview_and_page_feedback(client, cast):
    page = a_page(cast)
    answers(page, 3, 1, comment="Saknar exempel")
    other = a_page(cast, "annan")
    answers(other, 0, 0)
    client.force_login(cast.coordinator)
    html = client.get(reverse("guidance:feedback_overview"), {"period": "month"}).content.decode()
    assert "75 %" in html
    html = client.get(
        reverse("guidance:feedback_overview"), {"period": "nonsense"}
    ).content.decode()
    assert "Välj en period i listan." in html
    html = client.get(reverse("guidance:page_feedback", args=[page.slug])).content.decode()
    assert "Saknar exempel" in html and "75 %" in html
    rows = csv_rows(client.get(reverse("guidance:feedback_overview"), {"format": "csv"}))
    assert rows[0] == ["Sida", "Publicerad", "Ja", "Nej", "Andel ja (%)"]
    assert ["Sidan sa-fungerar", "Ja", "3", "1", "75"] in rows
    rows = xlsx_rows(
        client.get(reverse("guidance:page_feedback", args=[page.slug]), {"format": "xlsx"})
    )
    assert len(rows) == 5 and rows[1][3] == "anonym"


def test_exports_are_formula_safe_and_ignore_unknown_formats(client, cast):
    page = a_page(cast, title=FORMULA)
    answers(page, 1, 1, comment=FORMULA)
    actions.do_report_defect(None, page_url=FORMULA, description="+SUM(1)")
    client.force_login(cast.coordinator)
    for url in (
        reverse("guidance:feedback_overview"),
        reverse("guidance:page_feedback", args=[page.slug]),
        reverse("guidance:defects"),
    ):
        assert_unknown_formats_give_the_page(client, url)
    assert_formulas_are_text(client, reverse("guidance:feedback_overview"), texts=[FORMULA])
    assert_formulas_are_text(
        client, reverse("guidance:page_feedback", args=[page.slug]), texts=[FORMULA]
    )
    assert_formulas_are_text(client, reverse("guidance:defects"))
    data = both(client, reverse("guidance:defects"), {"status": "fixed"})
    assert len(data["csv"]) == len(data["xlsx"]) == 1  # the header only
