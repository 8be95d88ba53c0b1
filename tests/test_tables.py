"""The tidy facts table (`newsfacts facts`): one row per fact, read back by pandas and pyarrow.

This module also holds the small corpus the analysis tests share (`build_corpus`, `HAND_RECORDS`):
short texts written for these tests, run through the real pipeline, and hand-written records whose
sums are known exactly."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.reader import read
from newsfacts.tables import FACT_COLUMNS, document_date, fact_rows, load, region_of

# -- the shared corpus ------------------------------------------------------------------------------------

# Short press releases written for these tests. Stored in different encodings, as news arrives.
TEXTS = {
    "karaganda_pensioner": (
        "date: 2024-03-15\n\n"
        "В Караганде полицейские задержали двоих мужчин, которые обманули пенсионерку. Ущерб составил "
        "1,5 млн тенге. Похищенные деньги возвращены потерпевшей в полном объеме.",
        "utf-8",
    ),
    "almaty_rent": (
        "Алматы, 12 мая 2024 года. Сотрудники полиции Алматы раскрыли мошенничество с арендой квартир. "
        "Жертвами аферистов стали более 30 человек, общий ущерб превысил 12 млн тенге.",
        "utf-8-sig",  # with a BOM
    ),
    "aktobe_bribe": (
        "---\ntitle: Взятка в акимате\ndate: 2025-01-20\n---\n"
        "В Актобе сотрудник акимата задержан при получении взятки в размере 5 000 долларов США. "
        "Кроме того, он требовал еще 2 млн тенге.",
        "utf-8",
    ),
    "jobs_abroad": (
        "Мошенники предлагают работу за рубежом с зарплатой от 300 до 500 тыс. тенге. "
        "Пострадавшие перевели им около 4 млн тенге.",
        "cp1251",
    ),
}


def build_corpus(folder: Path, pipeline) -> Path:
    """Write TEXTS under folder/texts, extract them as `newsfacts extract` does (bytes read and decoded
    by the reader, sha256 of the bytes) and write folder/facts.jsonl, with an error line among them."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    lines = []
    for doc_id, (text, encoding) in TEXTS.items():
        path = texts / f"{doc_id}.txt"
        path.write_bytes(text.encode(encoding))
        found = read(path)
        record = pipeline(
            found.text, doc_id=doc_id, source=str(path), sha256=found.sha256, warnings=found.warnings
        )
        lines.append(record.model_dump_json())
    lines.insert(2, json.dumps({"source": str(texts / "broken.txt"), "error": "binary", "message": "x"}))
    output = folder / "facts.jsonl"
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return output


# Hand-written records: exact sums over two currencies, fractions, qualifiers, a range, unknown cities.
def fact(kind, value, text, span, sentence, city, **more) -> dict:
    return {
        "kind": kind,
        "value": value,
        "text": text,
        "span": span,
        "sentence": sentence,
        "city": city,
        **more,
    }


def money(value, currency, role, text, span, sentence, city, qualifier="exact") -> dict:
    return fact("money", value, text, span, sentence, city, currency=currency, role=role, qualifier=qualifier)


def day(start, end, text, span) -> dict:
    return {"start": start, "end": end, "text": text, "span": span}


HAND_RECORDS = [
    {
        "doc_id": "d1",
        "source": "d1.txt",
        "sha256": "0" * 64,
        "lang": "ru",
        "published": "2024-01-10",
        "dates": [day("2023-12-01", "2023-12-31", "в декабре", [0, 9])],
        "facts": [
            money(1500000.5, "KZT", "damage", "1 500 000,5 тенге", [10, 27], 0, "Алматы"),
            money(2000000, "KZT", "damage", "более 2 млн тенге", [30, 47], 1, "Алматы", "more_than"),
            money(1000, "USD", "damage", "1000 долларов", [50, 63], 1, "Алматы"),
            fact("detained", 2, "двое", [70, 74], 2, "Алматы"),
        ],
    },
    {
        "doc_id": "d2",
        "source": "d2.txt",
        "sha256": "1" * 64,
        "lang": "ru",
        "dates": [day("2024-02-03", "2024-02-03", "3 февраля 2024 года", [0, 19])],
        "facts": [
            money(0.1, "KZT", "damage", "0,1 тенге", [20, 29], 0, "Караганда"),
            money(0.2, "KZT", "damage", "0,2 тенге", [30, 39], 0, "Караганда"),
            money(100, "KZT", "price", "от 100 до 200 тенге", [40, 59], 1, "Караганда", "range_low"),
            money(200, "KZT", "price", "от 100 до 200 тенге", [40, 59], 1, "Караганда", "range_high"),
            money(50, "KZT", "price", "до 50 тенге", [60, 71], 1, "Караганда", "range_high"),
            fact("detained", 3, "трое", [80, 84], 2, "Алматы"),
            fact("victims", 10, "около 10 человек", [90, 106], 2, None, qualifier="about"),
        ],
    },
    {
        "doc_id": "d3",
        "source": "d3.txt",
        "sha256": "2" * 64,
        "lang": "ru",
        "facts": [
            money(500, "USD", "damage", "до 500 долларов", [0, 15], 0, None, "less_than"),
            money(7, "MRP", "fine", "7 МРП", [20, 25], 1, "Урюпинск"),
        ],
    },
]


def write_hand_jsonl(path: Path) -> Path:
    lines = [json.dumps(record, ensure_ascii=False) for record in HAND_RECORDS]
    error = {"source": "bad.txt", "error": "empty", "message": "the file holds only whitespace"}
    lines.insert(1, json.dumps(error))
    lines.insert(2, "")
    lines.append('{"doc_id": "cut", "sha256": "ab')  # a last line cut by a crash
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, pipeline) -> Path:
    return build_corpus(tmp_path_factory.mktemp("tables-corpus"), pipeline)


@pytest.fixture
def hand(tmp_path) -> Path:
    return write_hand_jsonl(tmp_path / "hand.jsonl")


def run(*args: str):
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


# -- loading --------------------------------------------------------------------------------------------


def test_load_skips_error_blank_and_cut_lines_and_keeps_values_exact(hand):
    loaded = load(hand)
    assert [r.doc_id for r in loaded.records] == ["d1", "d2", "d3"]
    assert (loaded.errors, loaded.invalid) == (1, 1)
    assert loaded.notes() == ["1 error line(s) skipped", "1 unreadable line(s) skipped"]
    values = [f.value for f in loaded.records[1].facts[:2]]
    assert values == [Decimal("0.1"), Decimal("0.2")] and sum(values) == Decimal("0.3")
    assert loaded.records[0].facts[1].value == 2000000 and isinstance(loaded.records[0].facts[1].value, int)


def test_load_lines_end_at_newline_only(tmp_path):
    record = dict(HAND_RECORDS[2], facts=[money(5, "KZT", "damage", "5\u2028тенге\x85", [0, 7], 0, None)])
    path = tmp_path / "sep.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\r\n", encoding="utf-8")
    loaded = load(path)
    assert loaded.invalid == 0 and loaded.records[0].facts[0].text == "5\u2028тенге\x85"


def test_document_date_published_else_first_date_in_text(hand):
    d1, d2, d3 = load(hand).records
    assert document_date(d1) == (d1.published, "published")  # not the December date in its text
    assert str(document_date(d2)[0]) == "2024-02-03" and document_date(d2)[1] == "text"
    assert document_date(d3) == (None, None)


def test_region_of_city():
    assert region_of("Караганда") == "Карагандинская область"
    assert region_of("Алматы") == "Алматы"  # a city of republican significance is its own region
    assert region_of("Нью-Йорк") == "США"  # a foreign city: its country
    assert region_of("Урюпинск") is None and region_of(None) is None  # not in the gazetteer, no city


def test_fact_rows(hand):
    rows = fact_rows(load(hand).records)
    assert len(rows) == sum(len(r["facts"]) for r in HAND_RECORDS)
    first = rows[0]
    assert list(first) == FACT_COLUMNS
    assert first["doc_id"] == "d1" and first["value"] == Decimal("1500000.5") and first["region"] == "Алматы"
    assert (first["start"], first["end"], first["sentence"]) == (10, 27, 0)
    unknown = [r for r in rows if r["city"] is None]
    assert unknown and all(r["region"] is None for r in unknown)


# -- the command ----------------------------------------------------------------------------------------


def test_facts_csv_reads_back_exactly(hand, tmp_path):
    out = tmp_path / "facts.csv"
    result = run("facts", hand, "-o", out)
    assert result.exit_code == 0, result.output
    assert "13 facts from 3 documents" in result.stderr and "1 error line(s) skipped" in result.stderr
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8, no BOM
    with open(out, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == FACT_COLUMNS
    assert [r["value"] for r in rows[:3]] == ["1500000.5", "2000000", "1000"]
    assert rows[0]["date"] == "2024-01-10" and rows[0]["date_source"] == "published"
    assert rows[4]["value"] == "0.1" and rows[4]["region"] == "Карагандинская область"
    assert rows[-1]["city"] == "Урюпинск" and rows[-1]["region"] == "" and rows[-1]["date"] == ""
    assert rows[-2]["text"] == "до 500 долларов" and rows[-2]["qualifier"] == "less_than"


def test_facts_csv_in_pandas(corpus, tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "facts.csv"
    assert run("facts", corpus, "-o", out).exit_code == 0
    frame = pandas.read_csv(out)
    records = load(corpus).records
    assert list(frame.columns) == FACT_COLUMNS
    assert len(frame) == sum(len(r.facts) for r in records) > 0
    assert str(frame["value"].dtype) == "int64"
    # Evidence and cities come back as written, Cyrillic included.
    assert set(frame["text"]) == {f.text for r in records for f in r.facts}
    assert set(frame["city"].dropna()) == {f.city for r in records for f in r.facts if f.city}


def test_facts_parquet_in_pandas_and_pyarrow(hand, corpus, tmp_path):
    pandas = pytest.importorskip("pandas")
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert run("facts", hand, "-o", out).exit_code == 0
    table = parquet.read_table(out)
    assert table.column_names == FACT_COLUMNS
    assert str(table.schema.field("value").type) == "decimal128(38, 1)"  # a fraction: exact decimals
    assert str(table.schema.field("date").type) == "date32[day]"
    frame = pandas.read_parquet(out)
    assert frame["value"].iloc[4] + frame["value"].iloc[5] == Decimal("0.3")
    # Whole values (the usual case) are plain int64.
    whole = tmp_path / "whole.parquet"
    assert run("facts", corpus, "-o", whole).exit_code == 0
    frame = pandas.read_parquet(whole)
    assert str(frame["value"].dtype) == "int64"
    assert len(frame) == sum(len(r.facts) for r in load(corpus).records)


def test_facts_needs_csv_or_parquet(hand, tmp_path):
    result = run("facts", hand, "-o", tmp_path / "facts.xlsx")
    assert result.exit_code == 2 and "csv" in result.output


def test_facts_missing_input(tmp_path):
    assert run("facts", tmp_path / "nope.jsonl", "-o", tmp_path / "f.csv").exit_code == 2


# -- what is not a JSONL of `extract` (issue 15, items 4 and 5) ---------------------------------------------


def cut_inside_a_character(source: Path, path: Path) -> Path:
    """The JSONL with its last line cut in the middle of a two-byte Cyrillic letter, as a crash leaves it."""
    data = source.read_bytes().rstrip(b"\n")
    last = data.rindex(b"\n") + 1
    cut = data.index("тенге".encode(), last) + 1  # after the first byte of `т`
    path.write_bytes(data[:cut])
    return path


def test_load_skips_a_last_line_cut_inside_a_character(corpus, tmp_path):
    cut = cut_inside_a_character(corpus, tmp_path / "cut.jsonl")
    with pytest.raises(UnicodeDecodeError):
        cut.read_text(encoding="utf-8")
    loaded = load(str(cut))
    whole = load(corpus)
    assert [r.doc_id for r in loaded.records] == [r.doc_id for r in whole.records][:-1]
    assert (loaded.cut, loaded.invalid) == (1, 0)
    assert loaded.notes()[-1] == "1 last line cut short skipped (a run stopped while writing it)"


@pytest.mark.parametrize("command", ["stats", "facts", "review", "eval"])
def test_every_read_command_skips_the_cut_line_and_says_so(corpus, tmp_path, command):
    cut = cut_inside_a_character(corpus, tmp_path / "cut.jsonl")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps({"doc_id": r.doc_id, "facts": []}) + "\n" for r in load(corpus).records),
        encoding="utf-8",
    )
    args = {
        "stats": ["stats", cut],
        "facts": ["facts", cut, "-o", tmp_path / "f.csv"],
        "review": ["review", cut, "-o", tmp_path / "r.html"],
        "eval": ["eval", gold, cut],
    }[command]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "1 last line cut short skipped" in result.output


def test_a_bad_line_in_the_middle_is_counted_not_fatal(corpus, tmp_path):
    lines = corpus.read_bytes().split(b"\n")
    lines.insert(1, "не json ".encode() + b"\xd0")  # half a letter, then the newline
    path = tmp_path / "mid.jsonl"
    path.write_bytes(b"\n".join(lines))
    loaded = load(path)
    assert loaded.invalid == 1 and loaded.cut == 0 and len(loaded.records) == len(load(corpus).records)
