"""The tidy facts table: one row per fact, the shape pandas, DuckDB and spreadsheets read directly.

`load` reads a JSONL written by `newsfacts extract` (error lines and broken lines are counted and
skipped, numbers are read as exact ints and Decimals), `fact_rows` flattens the records, `write` saves
any table of rows as CSV (UTF-8 with a header, the csv module) or Parquet (pyarrow:
`pip install 'newsfacts[analysis]'`).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from .record import Record

UNKNOWN = "(unknown)"

# The columns of the facts table, in order.
FACT_COLUMNS = [
    "doc_id",
    "date",  # the document's date: `published`, else the first date found in its text
    "date_source",  # published | text | empty when the document has no date
    "kind",
    "value",
    "currency",
    "qualifier",
    "role",
    "unit",  # seized only: kg, l, pcs, pack, block
    "item",  # seized only: what was seized
    "city",
    "region",
    "scope",  # incident | aggregate (a total over a period and an area)
    "crime",  # the crime category (rules/crime_types.tsv)
    "fact_date",  # an incident's day, when the text names it
    "period_start",  # an aggregate's period and area, as reported
    "period_end",
    "area",
    "story",  # the story a document belongs to, when the records carry one (one story counted once)
    "sentence",  # index of the sentence in the document, from 0
    "text",  # the evidence: the original text of the span
    "start",
    "end",
    "source",
]
INTEGER_COLUMNS = {"sentence", "start", "end", "facts", "documents"}
NUMBER_COLUMNS = {"value", "total"}
DATE_COLUMNS = {"date", "fact_date", "period_start", "period_end"}


class NotRecords(ValueError):
    """A file that is not a JSONL written by `newsfacts extract` (no line is a record or an error line)."""


@dataclass
class Loaded:
    """The records of a JSONL file and what was skipped on the way."""

    records: list[Record] = field(default_factory=list)
    errors: int = 0  # error lines {source, error, message}: inputs that never became records
    invalid: int = 0  # lines that are neither (hand-edited, another tool's...)
    cut: int = 0  # a last line without its newline that does not parse: a run stopped while writing it

    def notes(self) -> list[str]:
        notes = []
        if self.errors:
            notes.append(f"{self.errors} error line(s) skipped")
        if self.invalid:
            notes.append(f"{self.invalid} unreadable line(s) skipped")
        if self.cut:
            notes.append("1 last line cut short skipped (a run stopped while writing it)")
        return notes


def load(path: Path | str) -> Loaded:
    """Read a JSONL of records ('-' is stdin). Values stay exact: ints, and Decimals for fractions.

    NotRecords when no line is a record or an error line: an empty file, a text, a gold file."""
    if str(path) == "-":
        return _load_lines(getattr(sys.stdin, "buffer", sys.stdin), "stdin")
    # Bytes, split at b"\n" only: a line cut inside a UTF-8 character spoils that line, not the file; and
    # evidence may hold U+2028 and the like, which str.splitlines would cut at.
    with open(path, "rb") as lines:
        return _load_lines(lines, str(path))


def _load_lines(lines: Iterable[bytes | str], name: str) -> Loaded:
    loaded = Loaded()
    first_problem = None
    for number, raw in enumerate(lines, 1):
        line = raw.decode("utf-8", errors="surrogateescape") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        problem = None
        try:
            if isinstance(raw, bytes):
                raw.decode("utf-8")
            data = json.loads(line, parse_float=Decimal)
        except UnicodeDecodeError:
            problem = "not UTF-8"
        except json.JSONDecodeError:
            problem = "not JSON"
        else:
            if isinstance(data, dict) and "error" in data and "doc_id" not in data:
                loaded.errors += 1
                continue
            try:
                loaded.records.append(Record.model_validate(data))
                continue
            except ValidationError as error:
                where = ".".join(str(part) for part in error.errors()[0]["loc"]) or "the line"
                problem = f"JSON but not a newsfacts record ({where}: {error.errors()[0]['msg']})"
        if not line.endswith("\n"):  # the last line, without its newline: cut by a crash
            loaded.cut += 1
        else:
            loaded.invalid += 1
        first_problem = first_problem or f"line {number}: {problem}"
    if not loaded.records and not loaded.errors:
        what = "is empty" if first_problem is None else f"is not newsfacts JSONL ({first_problem})"
        raise NotRecords(f"{name} {what}: give a JSONL written by `newsfacts extract`")
    return loaded


def document_date(record: Record) -> tuple[date | None, str | None]:
    """The date a document is filed under, and where it comes from: its `published` date when known
    (`published`), else the start of the first date in its text (`text`), else (None, None)."""
    if record.published is not None:
        return record.published, "published"
    if record.dates:
        return record.dates[0].start, "text"
    return None, None


def region_of(city: str | None) -> str | None:
    """The region of a city from the gazetteer: its oblast, the city itself for Astana, Almaty and
    Shymkent, the country for a foreign city; None when the city is unknown or not in the gazetteer."""
    if city is None:
        return None
    from .places import gazetteer

    place = gazetteer().by_name.get(city)
    return place.region if place is not None else None


def fact_rows(records: Iterable[Record]) -> list[dict]:
    """One dict per fact with the FACT_COLUMNS, in record order. Missing values are None."""
    rows = []
    for record in records:
        day, day_source = document_date(record)
        for fact in record.facts:
            rows.append(
                {
                    "doc_id": record.doc_id,
                    "date": day,
                    "date_source": day_source,
                    "kind": fact.kind,
                    "value": fact.value,
                    "currency": fact.currency,
                    "qualifier": fact.qualifier,
                    "role": fact.role,
                    "unit": fact.unit,
                    "item": fact.item,
                    "city": fact.city,
                    "region": region_of(fact.city),
                    "scope": fact.scope,
                    "crime": fact.crime,
                    "fact_date": fact.date,
                    "period_start": fact.period.start if fact.period else None,
                    "period_end": fact.period.end if fact.period else None,
                    "area": fact.area,
                    "story": getattr(record, "story", None),
                    "sentence": fact.sentence,
                    "text": fact.text,
                    "start": fact.span[0],
                    "end": fact.span[1],
                    "source": record.source,
                }
            )
    return rows


# -- writing ------------------------------------------------------------------------------------------


def plain_number(value: int | Decimal) -> str:
    """An exact number as a spreadsheet reads it: 4200000, 12.5 (never 1.2E+7)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f")
    return str(value)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return plain_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(rows: Sequence[dict], columns: Sequence[str], path: Path) -> None:
    """UTF-8 (no BOM), a header line, comma-separated, quoted where needed; empty cell for None."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in columns])


def _number_type(values: list):
    """int64 when every value is whole (what pandas and DuckDB like best), else an exact decimal128."""
    import pyarrow as pa

    present = [v for v in values if v is not None]
    whole = all(isinstance(v, int) or v == v.to_integral_value() for v in present)
    if whole and all(abs(int(v)) < 2**63 for v in present):
        return pa.int64(), [None if v is None else int(v) for v in values]
    scale = max((-v.normalize().as_tuple().exponent for v in present if isinstance(v, Decimal)), default=0)
    scale = max(0, min(scale, 18))
    return pa.decimal128(38, scale), [None if v is None else Decimal(v) for v in values]


def arrow_table(rows: Sequence[dict], columns: Sequence[str]):
    import pyarrow as pa

    arrays = {}
    for column in columns:
        values = [row.get(column) for row in rows]
        if column in NUMBER_COLUMNS:
            kind, values = _number_type(values)
        elif column in INTEGER_COLUMNS:
            kind = pa.int64()
        elif column in DATE_COLUMNS:
            kind = pa.date32()
        else:
            kind = pa.string()
            values = [None if v is None else str(v) for v in values]
        arrays[column] = pa.array(values, type=kind)
    return pa.table(arrays)


def write_parquet(rows: Sequence[dict], columns: Sequence[str], path: Path) -> None:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ImportError("writing Parquet needs pyarrow: pip install 'newsfacts[analysis]'") from error
    pq.write_table(arrow_table(rows, columns), path)


def write(rows: Sequence[dict], columns: Sequence[str], path: Path) -> None:
    """CSV or Parquet, by the file's suffix (.csv, .parquet or .pq)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        write_csv(rows, columns, path)
    elif suffix in (".parquet", ".pq"):
        write_parquet(rows, columns, path)
    else:
        raise ValueError(f"{path}: write .csv or .parquet")
