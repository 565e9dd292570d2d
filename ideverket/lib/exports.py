"""CSV and XLSX downloads of lists and reports.

Every list and report offers the rows it shows, with its filters applied, as CSV and as XLSX:

    if fmt := exports.requested_format(request):
        return exports.export_response(fmt, "idéer", columns, rows)

or, for a list of objects, with the columns as (header, value_of(obj)) pairs:

    if response := exports.download(request, _("idéer"), COLUMNS, queryset):
        return response

`rows` is any iterable of sequences; the caller builds it from the same visible queryset as the
page (visibility in the queryset), never from a wider one. Text that a spreadsheet could read as
a formula (starting with = + - @, a tab or a carriage return) is written as text: prefixed with
an apostrophe in CSV, stored as a string cell in XLSX. CSV is UTF-8 with a byte-order mark and
semicolons, as Swedish Excel opens it; numbers there use a decimal comma.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

FORMATS = ("csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's limit for one cell's text.
MAX_CELL_TEXT = 32_767
# Rows per round trip when an export streams a queryset with .iterator(chunk_size=CHUNK_SIZE).
CHUNK_SIZE = 2000


def requested_format(request):
    """ "csv" or "xlsx" when the request asks for a download (?format=…), else None."""
    fmt = request.GET.get("format", "")
    return fmt if fmt in FORMATS else None


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _plain(value):
    """A value as the spreadsheet should hold it: local naive times, text for the rest."""
    if value is None or isinstance(value, bool):
        return "" if value is None else value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, (int, float, Decimal, datetime.date)):
        return value
    return str(value)[:MAX_CELL_TEXT]


def csv_cell(value):
    value = _plain(value)
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if is_formula_like(value):
        return "'" + value
    return value


def csv_bytes(columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(columns, rows, *, sheet_title="Export"):
    return workbook_bytes([(sheet_title, columns, rows)])


def workbook_bytes(sheets):
    """An XLSX with one sheet per (title, columns, rows): formula-like text stays text, control
    characters are dropped, dates get a date format."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(title))

        def cell(value, *, bold=False, sheet=sheet):
            value = _plain(value)
            if isinstance(value, str):
                value = _strip_illegal(value)
            out = WriteOnlyCell(sheet, value=value)
            if is_formula_like(value):
                out.data_type = "s"  # text, never a formula
            if isinstance(value, datetime.datetime):
                out.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, datetime.date):
                out.number_format = "yyyy-mm-dd"
            if bold:
                out.font = Font(bold=True)
            return out

        sheet.append([cell(c, bold=True) for c in columns])
        for row in rows:
            sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title):
    cleaned = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")
    return cleaned[:31] or "Export"


def _strip_illegal(text):
    """XLSX (XML) cannot hold most control characters; drop them rather than fail."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def export_response(fmt, name, columns, rows, *, sheet_title=None):
    """A download of `rows` under `columns` as `fmt`, named `<name>-<date>.<fmt>`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    stem = slugify(str(name)) or "export"
    filename = f"{stem}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(csv_bytes(columns, rows), content_type="text/csv; charset=utf-8")
    else:
        body = xlsx_bytes(columns, rows, sheet_title=sheet_title or str(name))
        response = HttpResponse(body, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def download(request, name, columns, objects):
    """The download `request` asks for (?format=csv|xlsx), or None when it asks for none.

    `columns` are (header, value_of(obj)) pairs and `objects` is iterated once, lazily: pass
    the page's own filtered, visible queryset (with what the columns read joined in), as
    `queryset.iterator(chunk_size=CHUNK_SIZE)` when it prefetches nothing.
    """
    fmt = requested_format(request)
    if fmt is None:
        return None
    headers = [header for header, _value in columns]
    rows = ([value(obj) for _header, value in columns] for obj in objects)
    return export_response(fmt, name, headers, rows)


def name_of(obj):
    """The name of a related object that may be missing (a unit's department, a challenge)."""
    return obj.name if obj is not None else ""


def link_column(request, header):
    """A (header, value_of) column with each object's page as an absolute URL."""
    return (header, lambda obj: request.build_absolute_uri(obj.get_absolute_url()))
