"""Reading a spreadsheet's CSV file: encoding, delimiter, rows with their row numbers.

Pure functions over bytes and text; the column meanings live in explorer.core.csv_columns.
Row numbers are the ones a spreadsheet shows: the header is row 1, and a cell with line
breaks inside quotes still counts as one row.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from explorer.core.models import Problem

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
}


class CsvError(Exception):
    """The file as a whole cannot be read as a table."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Table:
    encoding: str  # a codec name, see ENCODING_NAMES
    delimiter: str
    header: tuple[str, ...]
    #: (spreadsheet row number, cells) for every row that is not blank
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, codec). Detects UTF-8 (with or without BOM), UTF-16 and Windows-1252."""
    if not data.strip():
        raise CsvError(Problem(name, 1, "the file is empty"))
    if data.startswith(b"PK\x03\x04"):
        raise CsvError(
            Problem(
                name,
                1,
                "this is a zip file (an Excel workbook?), not CSV; "
                "save it from the spreadsheet as 'CSV UTF-8'",
            )
        )
    if encoding is None:
        encoding = _detect(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        start = getattr(exc, "start", 0)
        line = data[:start].count(b"\n") + 1
        raise CsvError(
            Problem(
                name,
                line,
                f"the file is not {ENCODING_NAMES.get(encoding, encoding)} text; "
                "save it from the spreadsheet as 'CSV UTF-8'",
            )
        ) from None
    if encoding != "utf-16" and "\x00" in text[:4096]:
        raise CsvError(Problem(name, 1, "this is a binary file, not CSV text"))
    return text.lstrip("\ufeff"), encoding


def _detect(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def detect_delimiter(text: str) -> str:
    """The delimiter used most in the header line (outside quotes); comma when unsure."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:  # a one-column header: let the data rows decide
        return csv.Sniffer().sniff(text[:65536], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


def read_table(
    data: bytes, name: str, encoding: str | None = None, delimiter: str | None = None
) -> Table:
    """Decode and split a CSV file; raises CsvError naming the row of a broken quote."""
    text, codec = decode(data, name, encoding)
    delimiter = delimiter or detect_delimiter(text)
    if "\r" in text:  # one newline inside cells too, whatever system wrote the file
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, strict=True, skipinitialspace=True
    )
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    row = 0
    try:
        for row, cells in enumerate(reader, start=1):
            cleaned = tuple(c.strip() for c in cells)
            if not any(cleaned):
                continue
            if header is None:
                header = cleaned
            else:
                rows.append((row, cleaned))
    except csv.Error as exc:
        raise CsvError(Problem(name, row + 1, _csv_message(str(exc)))) from None
    if header is None:
        raise CsvError(Problem(name, 1, "the file is empty"))
    return Table(codec, delimiter, header, tuple(rows))


def _csv_message(reason: str) -> str:
    if "unexpected end of data" in reason:
        return "a quoted cell is never closed (a '\"' is missing)"
    if "expected after" in reason:
        return "a '\"' inside a quoted cell must be doubled ('\"\"')"
    if "field larger than field limit" in reason:
        return "a cell is too large (more than 128 KB)"
    return f"cannot read this row as CSV: {reason}"
