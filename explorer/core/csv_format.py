"""Reading a spreadsheet's CSV file: encoding, delimiter, rows with their row numbers.

Pure functions over bytes and text; the column meanings live in explorer.core.csv_columns.
Row numbers are the ones a spreadsheet shows: the header is row 1, and a cell with line
breaks inside quotes still counts as one row.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
from collections.abc import Iterator
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


#: limits that keep a hostile or mistaken file from hanging the app (a real sheet of
#: partnerships has a few dozen columns and rows of a few KB)
MAX_COLUMNS = 1_000
MAX_ROW_CHARS = 1_000_000
MAX_CELL_CHARS = 131_072  # the csv module's own field limit
SNIFF_CHARS = 2_048  # csv.Sniffer is quadratic on unbalanced quotes: look at little
#: the first bytes of files people pick by mistake
MAGIC = (
    (b"PK\x03\x04", "a zip file (an Excel workbook?)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"GIF8", "a picture (GIF)"),
    (b"RIFF", "a picture or a sound (RIFF)"),
    (b"BM", "a picture (BMP)"),
)
STRAY_RE = re.compile("[\udc80-\udcff]+")


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
    #: rows of a UTF-8 file where a few bytes were not UTF-8 and were read as Windows-1252
    repaired_rows: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # newlines made "\n"
    encoding: str  # a codec name, see ENCODING_NAMES
    #: lines (1-based) where stray Windows-1252 bytes in UTF-8 text were read as such
    repaired_lines: tuple[int, ...] = ()


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, codec). Detects UTF-8 (with or without BOM), UTF-16 and Windows-1252."""
    decoded = decode_text(data, name, encoding)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Bytes -> text with its codec. UTF-8 with a few stray Windows-1252 bytes (a sheet
    pasted together from two sources) is read, and the lines are named."""
    if not data.strip():
        raise CsvError(Problem(name, 1, "the file is empty"))
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise CsvError(
                Problem(
                    name,
                    1,
                    f"this is {kind}, not a spreadsheet saved as CSV; "
                    "save it from the spreadsheet as 'CSV UTF-8'",
                )
            )
    if encoding is None:
        encoding = _detect(data)
    if encoding == "utf-8":
        return _utf8_repaired(data, name)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _not_text(data, name, encoding, getattr(exc, "start", 0)) from None
    if encoding != "utf-16" and "\x00" in text[:4096]:
        raise CsvError(Problem(name, 1, "this is a binary file, not CSV text"))
    return Decoded(_newlines(text.lstrip("\ufeff")), encoding)


def _not_text(data: bytes, name: str, encoding: str, start: int) -> CsvError:
    line = data[:start].count(b"\n") + 1
    return CsvError(
        Problem(
            name,
            line,
            f"the file is not {ENCODING_NAMES.get(encoding, encoding)} text; "
            "save it from the spreadsheet as 'CSV UTF-8'",
        )
    )


def _newlines(text: str) -> str:
    """One newline inside cells too, whatever system wrote the file."""
    if "\r" not in text:
        return text
    text = text.replace("\r\n", "\n")
    return text.replace("\r", "\n") if "\r" in text else text


def _utf8_repaired(data: bytes, name: str) -> Decoded:
    try:
        text = _newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        text = _newlines(data.decode("utf-8", "surrogateescape"))
    else:
        if "\x00" in text[:4096]:
            raise CsvError(Problem(name, 1, "this is a binary file, not CSV text"))
        return Decoded(text, "utf-8")
    if "\x00" in text[:4096]:
        raise CsvError(Problem(name, 1, "this is a binary file, not CSV text"))
    lines: list[int] = []
    parts: list[str] = []
    last = 0
    for match in STRAY_RE.finditer(text):
        raw = bytes(ord(c) - 0xDC00 for c in match.group())
        try:
            parts += [text[last : match.start()], raw.decode("cp1252")]
        except UnicodeDecodeError:
            raise _not_text(data, name, "utf-8", _byte_offset(text, match.start())) from None
        last = match.end()
        lines.append(text.count("\n", 0, match.start()) + 1)
    parts.append(text[last:])
    return Decoded("".join(parts), "utf-8", tuple(sorted(set(lines))))


def _byte_offset(text: str, position: int) -> int:
    return len(text[:position].encode("utf-8", "surrogateescape"))


def _detect(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # real UTF-8 sequences beside the stray bytes: UTF-8 with a few repairs
        return "utf-8" if re.search(rb"[\xc2-\xf4][\x80-\xbf]+", data) else "cp1252"
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
        return csv.Sniffer().sniff(text[:SNIFF_CHARS], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


def read_table(
    data: bytes, name: str, encoding: str | None = None, delimiter: str | None = None
) -> Table:
    """Decode and split a CSV file; raises CsvError naming the row of a broken quote, or
    of a row past the limits on columns and size."""
    decoded = decode_text(data, name, encoding)
    text = decoded.text
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, strict=True, skipinitialspace=True
    )
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    repaired: list[int] = []
    for row, cells, lines in _rows(reader, name, bool(decoded.repaired_lines)):
        cleaned = tuple(map(str.strip, cells))
        if not any(cleaned):
            continue
        _check_size(cleaned, name, row)
        if header is None:
            header = cleaned
        else:
            rows.append((row, cleaned))
            if _touches(decoded.repaired_lines, lines):
                repaired.append(row)
    if header is None:
        raise CsvError(Problem(name, 1, "the file is empty"))
    return Table(decoded.encoding, delimiter, header, tuple(rows), tuple(repaired))


def _rows(
    reader: Iterator[list[str]], name: str, spans: bool
) -> Iterator[tuple[int, list[str], range]]:
    """(spreadsheet row, cells, the file's lines it spans when `spans`) for each row."""
    row, line = 0, 0
    nowhere = range(0)
    try:
        for row, cells in enumerate(reader, start=1):
            if not spans:
                yield row, cells, nowhere
                continue
            end = reader.line_num  # type: ignore[attr-defined]
            yield row, cells, range(line + 1, end + 1)
            line = end
    except csv.Error as exc:
        raise CsvError(Problem(name, row + 1, _csv_message(str(exc)))) from None


def _touches(lines: tuple[int, ...], span: range) -> bool:
    if not lines:
        return False
    at = bisect.bisect_left(lines, span.start)
    return at < len(lines) and lines[at] < span.stop


def _check_size(cells: tuple[str, ...], name: str, row: int) -> None:
    if len(cells) > MAX_COLUMNS:
        raise CsvError(
            Problem(
                name,
                row,
                f"row {row} has {len(cells):,} columns; at most {MAX_COLUMNS:,} can be "
                "read (is this a sheet of partnerships, one a row?)",
            )
        )
    if sum(map(len, cells)) > MAX_ROW_CHARS:
        raise CsvError(
            Problem(
                name,
                row,
                f"row {row} is too large (over {MAX_ROW_CHARS // 1000:,} thousand "
                "characters); a row is one partnership",
            )
        )


def _csv_message(reason: str) -> str:
    if "unexpected end of data" in reason:
        return "a quoted cell is never closed (a '\"' is missing)"
    if "expected after" in reason:
        return "a '\"' inside a quoted cell must be doubled ('\"\"')"
    if "field larger than field limit" in reason:
        return f"a cell is too large (more than {MAX_CELL_CHARS // 1024} KB)"
    return f"cannot read this row as CSV: {reason}"
