"""The follow-up report as XLSX (one sheet per section) and as CSV (one section per download):
every row, nothing the viewer may not see, formula-like titles written as text."""

import csv
import io

import pytest
from openpyxl import load_workbook

from ideverket.insights import report as reports

from .test_report import SECRET, URL, build_world

SHEETS = [str(label) for _key, label in reports.SECTIONS]


def workbook(client, **params):
    response = client.get(URL, {**params, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert response["Content-Disposition"].startswith('attachment; filename="uppfoljning-')
    return load_workbook(io.BytesIO(response.content))


def csv_rows(client, section, **params):
    response = client.get(URL, {**params, "format": "csv", "section": section})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def all_text(book):
    return "\n".join(str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row)


def test_xlsx_has_a_sheet_per_section_with_every_row(cast, login):
    period, _goals = build_world(cast, copies=3)
    book = workbook(login(cast.fresh("coordinator")), period=period.pk)
    assert book.sheetnames == SHEETS
    ideas = book["Inlämnade idéer"]
    # 7 ideas per copy; the page lists only PAGE_ROWS of them, the export all.
    assert ideas.max_row == 1 + 3 * 7 > 1 + reports.PAGE_ROWS
    assert [cell.value for cell in ideas[1]] == ["Id", "Idé", "Enhet", "Steg nu", "Inlämnad"]
    goals = book["Mål"]
    titles = {row[2] for row in goals.iter_rows(min_row=2, values_only=True)}
    assert titles == {
        "Hållbar välfärd",
        "Digital skola",
        "Mindre administration",
        "Trygg hemtjänst",
    }
    summary = {row[0]: row[1] for row in book["Sammanfattning"].iter_rows(values_only=True)}
    assert summary["Inlämnade idéer"] == 21
    assert summary["Sammanfattning"].startswith("Under ")


def test_xlsx_holds_nothing_the_outsider_may_not_see(cast, login):
    period, _goals = build_world(cast)
    outsider = login(cast.fresh("outsider"))
    for params in ({}, {"department": cast.education.pk}):
        book = workbook(outsider, period=period.pk, **params)
        assert book.sheetnames == SHEETS
        assert SECRET not in all_text(book)
    links = {
        row[2]: row[4]
        for row in workbook(outsider, period=period.pk)["Mål"].iter_rows(
            min_row=2, values_only=True
        )
    }
    assert links["Mindre administration"] == 1


def test_formula_like_titles_are_written_as_text(cast, login):
    period, _goals = build_world(cast)
    book = workbook(login(cast.fresh("lead")), period=period.pk, department=cast.education.pk)
    assert SECRET in all_text(book)
    found = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert found
    assert all(cell.data_type == "s" for cell in found)


@pytest.mark.parametrize("section", [key for key, _label in reports.SECTIONS])
def test_csv_one_section_per_download(cast, login, section):
    period, _goals = build_world(cast)
    client = login(cast.fresh("lead"))
    rows = csv_rows(client, section, period=period.pk, department=cast.education.pk)
    built = reports.build_report(
        cast.fresh("lead"), reports.window_for(period), cast.education, limit=None
    )
    columns, expected = reports.section_table(built, section)
    assert rows[0] == [str(c) for c in columns]
    assert len(rows) == 1 + len(expected)
    for row in rows[1:]:
        for value in row:
            # Formula-like text is prefixed with an apostrophe.
            assert not value.startswith(("=", "+", "@")) or value.startswith("'")


def test_csv_ideas_section_for_the_outsider(cast, login):
    period, _goals = build_world(cast)
    client = login(cast.fresh("outsider"))
    for section in ("ideas", "decisions", "trials_started", "trials_evaluated", "lessons"):
        rows = csv_rows(client, section, period=period.pk, department=cast.education.pk)
        assert not any("Hemlig" in value for row in rows for value in row)
    rows = csv_rows(client, "ideas", period=period.pk, department=cast.education.pk)
    assert len(rows) == 1 + 4


def test_csv_of_the_lead_keeps_the_formula_as_text(cast, login):
    period, _goals = build_world(cast)
    rows = csv_rows(
        login(cast.fresh("lead")), "ideas", period=period.pk, department=cast.education.pk
    )
    titles = [row[1] for row in rows[1:]]
    assert f"'{SECRET} 0" in titles


def test_csv_without_a_section_shows_the_page_with_a_message(cast, login):
    period, _goals = build_world(cast)
    response = login(cast.fresh("employee")).get(URL, {"period": period.pk, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Välj vilken del av rapporten" in response.content.decode()
