"""Reading a spreadsheet as systems export it (CSV in any common Swedish flavour, or XLSX).

Shared by the importers (goals, organisation). The caller names its columns and their accepted
spellings; this module finds the header row, maps the columns and returns the data rows with
their row numbers as the user sees them in Excel:

    table = read_table(filename, content, columns=COLUMNS, required=REQUIRED, ...)
    table.rows      # [(row number, {canonical column: raw value})]
    table.ignored   # header texts of columns that were not read

Problems with the file as a whole raise FileRejected with a Swedish message.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .text import normalize_text, search_key

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class FileRejected(Exception):
    """The file as a whole cannot be read (type, size, encoding, quotes, header)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    keys: list
    rows: list
    ignored: list = field(default_factory=list)


def header_key(value):
    """A header cell compared case-folded, with spaces and dashes as "_"."""
    text = search_key(str(value or "")).replace("-", "_").replace(" ", "_")
    return re.sub(r"_+", "_", text).strip("_")


def text_of(value):
    """A cell as normalised text: Excel's 12.0 → "12", dates as ÅÅÅÅ-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return normalize_text(str(value))


def _decode(content):
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    elif content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRejected(_("Filen kunde inte läsas som text.")) from exc
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV (semikolonavgränsad)" on Swedish Windows: Windows-1252.
        return content.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileRejected(
            _("Filen är varken UTF-8 eller Windows-1252. Spara den som CSV (UTF-8).")
        ) from exc


def _delimiter(text):
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _read_csv(content, max_rows):
    text = _decode(content)
    if "\x00" in text:
        raise FileRejected(_("Filen ser inte ut att vara en CSV-fil."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = []
    try:
        for record in reader:
            rows.append(record)
            if len(rows) > max_rows + 1:
                break
    except csv.Error as exc:
        raise FileRejected(
            _(
                'Rad %(row)s: filen kunde inte läsas som CSV – troligen ett citattecken (") '
                "som aldrig stängs. Kontrollera raden och spara filen igen."
            )
            % {"row": len(rows) + 1}
        ) from exc
    return rows


def _read_xlsx(content, max_rows, sheet_names):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        raise FileRejected(_("Filen kunde inte läsas som en Excel-fil (.xlsx).")) from exc
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        wanted = {header_key(name) for name in sheet_names}
        for candidate in workbook.worksheets:
            if header_key(candidate.title) in wanted:
                sheet = candidate
                break
        rows = []
        for record in sheet.iter_rows(values_only=True):
            rows.append(list(record))
            if len(rows) > max_rows + 1:
                break
        return rows
    finally:
        workbook.close()


def read_table(
    filename,
    content,
    *,
    columns,
    required,
    header_example,
    no_data_message,
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    sheet_names=(),
):
    """Read the file; FileRejected for anything wrong with it as a whole.

    `columns` maps each canonical column to its accepted header spellings; `sheet_names` picks
    the worksheet of an XLSX by its name (otherwise the first sheet is read).
    """
    name = (filename or "").lower()
    if len(content) > max_bytes:
        raise FileRejected(
            _("Filen är för stor. Största tillåtna storlek är %(mb)s MB.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    if not content.strip():
        raise FileRejected(_("Filen är tom."))
    is_zip = content.startswith(b"PK\x03\x04")
    if name.endswith(".xlsx"):
        if not is_zip or not zipfile.is_zipfile(io.BytesIO(content)):
            raise FileRejected(_("Filen kunde inte läsas som en Excel-fil (.xlsx)."))
        raw_rows = _read_xlsx(content, max_rows, sheet_names)
    elif name.endswith((".csv", ".txt")):
        if is_zip:
            raise FileRejected(
                _("Filen är en Excel-fil men heter .csv. Byt filändelse till .xlsx.")
            )
        raw_rows = _read_csv(content, max_rows)
    else:
        raise FileRejected(
            _("Filtypen stöds inte. Ladda upp en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
        )

    numbered = [
        (number, row)
        for number, row in enumerate(raw_rows, start=1)
        if any(cell not in (None, "") and str(cell).strip() for cell in row)
    ]
    if not numbered:
        raise FileRejected(_("Filen är tom."))
    _header_number, header_row = numbered[0]
    aliases = {alias: canonical for canonical, names in columns.items() for alias in names}
    keys = [aliases.get(header_key(cell)) for cell in header_row]
    missing = [column for column in required if column not in keys]
    if len(required) > 1 and len(missing) >= len(required) - 1:
        # A data row read as a header matches one column at most.
        raise FileRejected(
            _("Filen saknar rubrikrad. Första raden ska namnge kolumnerna, till exempel %(ex)s.")
            % {"ex": header_example}
        )
    if missing:
        raise FileRejected(
            _("Rubrikraden saknar kolumnen: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    ignored = [
        text_of(cell)
        for cell, key in zip(header_row, keys, strict=False)
        if key is None and text_of(cell)
    ]
    data = numbered[1:]
    if not data:
        raise FileRejected(no_data_message)
    if len(data) > max_rows:
        raise FileRejected(
            _("Filen har fler än %(max)s rader. Dela upp den i flera filer.") % {"max": max_rows}
        )
    rows = []
    for number, row in data:
        values = {}
        for index, key in enumerate(keys):
            if key is not None and key not in values:
                values[key] = row[index] if index < len(row) else None
        rows.append((number, values))
    return Table(keys=keys, rows=rows, ignored=ignored)
