"""Reading a list's CSV/XLSX download back in the export tests of each app."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

FORMULA = '=HYPERLINK("http://evil")'
PLUS_FORMULA = "+SUM(1)"
# Unknown or hostile format values: each must give the normal page.
NOT_FORMATS = ["pdf", "", "CSV", "xlsx%00", "%", "_", "x" * 10_000]


def get(client, url, fmt, params=None):
    response = client.get(url, {**(params or {}), "format": fmt})
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    return response


def csv_rows(response):
    """The CSV download as a list of rows (the header first), as Swedish Excel reads it."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def xlsx_rows(response):
    return [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def column(rows, header):
    """The values under `header` (rows as read back, the header row first)."""
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


def both(client, url, params=None):
    """{"csv": rows, "xlsx": rows} of the download of `url` with `params`."""
    return {
        "csv": csv_rows(get(client, url, "csv", params)),
        "xlsx": xlsx_rows(get(client, url, "xlsx", params)),
    }


def xlsx_cell(response, text):
    """The XLSX cell holding exactly `text`."""
    for row in xlsx_sheet(response).iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} is not in the download")


def assert_formulas_are_text(client, url, texts=(FORMULA, PLUS_FORMULA), params=None):
    """Formula-like texts come out as text: prefixed with ' in CSV, string cells in XLSX."""
    rows = csv_rows(get(client, url, "csv", params))
    cells = {cell for row in rows for cell in row}
    response = get(client, url, "xlsx", params)
    for text in texts:
        assert "'" + text in cells
        assert text not in cells
        cell = xlsx_cell(response, text)
        assert cell.data_type == "s"


def assert_unknown_formats_give_the_page(client, url):
    for value in NOT_FORMATS:
        response = client.get(url, {"format": value})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert "Content-Disposition" not in response


def export_queries(client, url, fmt, params=None):
    """Queries of one download after a warm-up download."""
    get(client, url, fmt, params)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url, fmt, params)
    return len(queries), response, "\n".join(q["sql"][:200] for q in queries.captured_queries)
