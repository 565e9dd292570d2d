import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook

from ideverket.lib import exports

ROWS = [
    ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "Malmö", "Vanlig"],
    [3, Decimal("1.5"), datetime.date(2026, 1, 2), None, True, "a;b", 'citat "x"', "å"],
]
COLUMNS = ["a", "b", "c", "d", "e", "f", "g", "h"]


def test_requested_format_is_allow_listed():
    rf = RequestFactory()
    assert exports.requested_format(rf.get("/?format=csv")) == "csv"
    assert exports.requested_format(rf.get("/?format=xlsx")) == "xlsx"
    assert exports.requested_format(rf.get("/?format=pdf")) is None
    assert exports.requested_format(rf.get("/")) is None


def test_csv_writes_formula_like_text_as_text():
    body = exports.csv_bytes(COLUMNS, ROWS).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == COLUMNS
    assert rows[1][:6] == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR"]
    assert rows[1][6] == "Malmö"
    assert rows[2] == ["3", "1,5", "2026-01-02", "", "Ja", "a;b", 'citat "x"', "å"]


def test_xlsx_writes_formula_like_text_as_strings():
    body = exports.xlsx_bytes(COLUMNS, ROWS, sheet_title="Idéer: [test]")
    sheet = load_workbook(io.BytesIO(body)).active
    first = [cell for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert [c.value for c in first[:4]] == ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in first)
    second = [c.value for c in next(sheet.iter_rows(min_row=3, max_row=3))]
    assert second[0] == 3
    assert second[1] == 1.5
    assert second[2] == datetime.datetime(2026, 1, 2)
    assert sheet.title == "Idéer test"


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_response_is_an_attachment(fmt, settings):
    response = exports.export_response(fmt, "Idéer i steg", ["x"], [["y"]])
    assert response["Content-Disposition"].startswith('attachment; filename="ideer-i-steg-')
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        exports.export_response("pdf", "x", [], [])


def test_control_characters_do_not_break_xlsx():
    body = exports.xlsx_bytes(["a"], [["nul\x00bell\x07"]])
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet["A2"].value == "nulbell"
