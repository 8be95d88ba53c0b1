"""`newsfacts stats`: exact totals per group, never across currencies, with their bounds."""

from __future__ import annotations

import csv
import json
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from test_tables import build_corpus, write_hand_jsonl
from typer.testing import CliRunner

from newsfacts import stats
from newsfacts.cli import app
from newsfacts.tables import fact_rows, load


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, pipeline) -> Path:
    return build_corpus(tmp_path_factory.mktemp("stats-corpus"), pipeline)


@pytest.fixture
def hand(tmp_path) -> Path:
    return write_hand_jsonl(tmp_path / "hand.jsonl")


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def table(path: Path, **options) -> dict[tuple, dict]:
    result = stats.compute(fact_rows(load(path).records), **options)
    # (the unit is empty for every kind but seized: left out of the key here, see test_seized_per_item_unit)
    return {tuple(row[c] for c in result.key_columns if c != "unit"): row for row in result.rows}


def test_money_by_city_per_currency_exact_with_bounds(hand):
    rows = table(hand, by=["city"], kinds=["money"])
    assert rows[("Алматы", "money", "damage", "KZT")] == {
        "city": "Алматы",
        "kind": "money",
        "role": "damage",
        "currency": "KZT",
        "unit": "",
        "facts": 2,
        "documents": 1,
        "total": Decimal("3500000.5"),  # 1 500 000,5 + more than 2 000 000
        "bound": "lower",
    }
    # Dollars are a row of their own, never added to tenge.
    assert rows[("Алматы", "money", "damage", "USD")]["total"] == 1000
    assert rows[("Алматы", "money", "damage", "USD")]["bound"] == "exact"
    # 0.1 + 0.2 is 0.3 exactly: no floats.
    assert rows[("Караганда", "money", "damage", "KZT")]["total"] == Decimal("0.3")
    assert rows[("Караганда", "money", "damage", "KZT")]["bound"] == "exact"
    # The range 100..200 counts its low end, once; the lone `до 50` (range_high) is an upper figure.
    price = rows[("Караганда", "money", "price", "KZT")]
    assert (price["total"], price["facts"], price["bound"]) == (150, 2, "approximate")
    # No city: (unknown). "less than" makes an upper bound.
    unknown = rows[("(unknown)", "money", "damage", "USD")]
    assert (unknown["total"], unknown["bound"]) == (500, "upper")
    assert rows[("Урюпинск", "money", "fine", "MRP")]["total"] == 7
    assert len(rows) == 6


def test_counts_have_no_role_or_currency(hand):
    rows = table(hand)  # by kind
    assert rows[("detained", "", "")]["total"] == 5
    assert rows[("detained", "", "")]["documents"] == 2
    assert rows[("victims", "", "")]["bound"] == "approximate"


def test_filters(hand):
    rows = table(hand, by=["city"], kinds=["money"], roles=["damage"], currencies=["USD"])
    assert set(rows) == {("Алматы", "money", "damage", "USD"), ("(unknown)", "money", "damage", "USD")}
    assert table(hand, kinds=["crimes"]) == {}


def test_month_from_published_else_first_date(hand):
    rows = table(hand, by=["month"], kinds=["detained"])
    # d1 is published 2024-01-10 (its text speaks of December 2023); d2 has only a date in its text.
    assert {key[0]: row["total"] for key, row in rows.items()} == {"2024-01": 2, "2024-02": 3}
    years = table(hand, by=["year"], kinds=["money"], currencies=["USD"])
    assert set(years) == {("2024", "money", "damage", "USD"), ("(unknown)", "money", "damage", "USD")}


def test_region_and_two_keys(hand):
    rows = table(hand, by=["region", "year"], kinds=["money"], roles=["damage"])
    assert rows[("Карагандинская область", "2024", "money", "damage", "KZT")]["total"] == Decimal("0.3")
    assert rows[("Алматы", "2024", "money", "damage", "KZT")]["total"] == Decimal("3500000.5")
    assert rows[("(unknown)", "(unknown)", "money", "damage", "USD")]["total"] == 500


def test_unknown_sorts_last_dates_in_order(hand):
    result = stats.compute(fact_rows(load(hand).records), by=["month"], kinds=["money"], currencies=["KZT"])
    months = [row["month"] for row in result.rows if row["role"] == "damage"]
    assert months == ["2024-01", "2024-02"]
    result = stats.compute(fact_rows(load(hand).records), by=["city"], kinds=["money"], currencies=["USD"])
    assert [row["city"] for row in result.rows] == ["Алматы", "(unknown)"]


def test_totals_agree_with_the_facts(corpus):
    """Whatever the pipeline found: per kind/role/currency, the groups add up to the facts."""
    rows = fact_rows(load(corpus).records)
    counted = [
        r
        for r in rows
        if not (
            r["qualifier"] == "range_high"
            and any(
                o["qualifier"] == "range_low" and (o["doc_id"], o["start"]) == (r["doc_id"], r["start"])
                for o in rows
            )
        )
    ]
    result = stats.compute(rows, by=["city"])
    assert sum(row["facts"] for row in result.rows) == len(counted) == result.facts
    for series in {(r["kind"], r["role"] or "", r["currency"] or "") for r in counted}:
        expected = sum(
            r["value"] for r in counted if (r["kind"], r["role"] or "", r["currency"] or "") == series
        )
        got = sum(
            row["total"] for row in result.rows if (row["kind"], row["role"], row["currency"]) == series
        )
        assert got == expected


def test_grouped_and_compact_numbers():
    assert stats.grouped(4200000) == "4 200 000"
    assert stats.grouped(Decimal("1500000.50")) == "1 500 000.5"
    assert stats.compact(4200000) == "4,2 млн" and stats.compact(3 * 10**9) == "3 млрд"
    assert stats.compact(950) == "950"


# -- the command ----------------------------------------------------------------------------------------


def test_stats_command_table(hand):
    result = run("stats", hand, "--by", "city", "--kind", "money", "--role", "damage")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "newsfacts stats by city: money · damage" in out
    assert "≥ 3 500 000.5" in out and "≤ 500" in out and "0.3" in out
    assert "(unknown)" in out and "skipped" not in out
    assert "note: 1 error line(s) skipped\nnote: 1 unreadable line(s) skipped\n" in result.stderr


def test_stats_command_month_says_where_dates_come_from(hand):
    result = run("stats", hand, "--by", "month")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "published date" in out and "first date found in its text" in out


def test_stats_csv_and_parquet(hand, tmp_path):
    out_csv, out_parquet = tmp_path / "s.csv", tmp_path / "s.parquet"
    result = run("stats", hand, "--by", "city", "--kind", "money", "--csv", out_csv, "--parquet", out_parquet)
    assert result.exit_code == 0, result.output
    with open(out_csv, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == [
        "city",
        "kind",
        "role",
        "currency",
        "unit",
        "facts",
        "documents",
        "total",
        "bound",
    ]
    assert rows[0] == {
        "city": "Алматы",
        "kind": "money",
        "role": "damage",
        "currency": "KZT",
        "unit": "",
        "facts": "2",
        "documents": "1",
        "total": "3500000.5",
        "bound": "lower",
    }
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(out_parquet)
    assert list(frame.columns) == list(rows[0])
    assert frame["total"].iloc[0] == Decimal("3500000.5")
    assert [str(v) for v in frame["total"]] == [
        str(Decimal(r["total"]).quantize(Decimal("0.1"))) for r in rows
    ]


def test_stats_plot_cyrillic(corpus, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "chart.png"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run("stats", corpus, "--by", "city", "--kind", "money", "--plot", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and 5_000 < out.stat().st_size < 300_000
    missing = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    assert not missing  # every Cyrillic label has its glyphs


def test_stats_plot_by_month_and_svg(hand, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "months.svg"
    assert run("stats", hand, "--by", "month", "--plot", out, "--title", "Итоги").exit_code == 0
    assert "<svg" in out.read_text(encoding="utf-8")


def test_stats_plot_of_nothing(hand, tmp_path):
    result = run("stats", hand, "--kind", "crimes", "--plot", tmp_path / "x.png")
    assert result.exit_code == 2 and "nothing to plot" in result.stderr


def test_stats_bad_choice(hand):
    assert run("stats", hand, "--by", "street").exit_code == 2
    assert run("stats", hand, "--role", "salary").exit_code == 2


# -- incidents and aggregates (issue 13) ----------------------------------------------------------------


def row(doc_id, value, scope="incident", city="Астана", crime="internet_fraud", **extra):
    """A fact row as tables.fact_rows writes it: damage in tenge."""
    base = {
        "doc_id": doc_id,
        "date": date(2025, 10, 5),
        "date_source": "published",
        "kind": "money",
        "value": value,
        "currency": "KZT",
        "qualifier": "exact",
        "role": "damage",
        "unit": None,
        "item": None,
        "city": city,
        "region": city,
        "scope": scope,
        "crime": crime,
        "fact_date": None,
        "period_start": None,
        "period_end": None,
        "area": None,
        "story": None,
        "sentence": 0,
        "text": "",
        "start": value % 1000,
        "end": value % 1000 + 1,
        "source": None,
    }
    return {**base, **extra}


def total(doc_id, value, start, end, area="Астана", crime="internet_fraud"):
    return row(
        doc_id, value, "aggregate", None, crime, period_start=date.fromisoformat(start),
        period_end=date.fromisoformat(end), area=area,
    )  # fmt: skip


def test_aggregates_are_never_added_to_incidents_nor_to_each_other():
    rows = [
        row("a", 1_000_000),
        row("b", 500_000),
        total("c", 2_900_000_000, "2025-01-01", "2025-09-30"),  # nine months
        total("d", 3_100_000_000, "2025-01-01", "2025-12-31"),  # the year: overlaps the nine months
        total("e", 2_900_000_000, "2025-01-01", "2025-09-30"),  # the same figure reprinted
    ]
    result = stats.compute(rows, by=["city"])
    assert [(r["city"], r["total"], r["facts"]) for r in result.rows] == [("Астана", 1_500_000, 2)]
    assert [(r["area"], r["period"], r["value"], r["documents"]) for r in result.reported] == [
        ("Астана", "2025-01-01..2025-09-30", 2_900_000_000, 2),
        ("Астана", "2025-01-01..2025-12-31", 3_100_000_000, 1),
    ]
    only = stats.compute(rows, by=["city"], scopes=["aggregate"])
    assert only.rows == [] and len(only.reported) == 2
    assert stats.compute(rows, by=["city"], scopes=["incident"]).reported == []


def test_a_seized_total_says_what_and_in_which_unit():
    """`за год изъято более 1 300 рогов сайгака`: the reported table keeps the item and the unit."""
    seized = total("s", 1300, "2025-01-01", "2025-12-31")
    seized.update(kind="seized", role=None, currency=None, item="рога сайгака", unit="pcs")
    table = stats.reported_table(stats.compute([seized], by=["item"]))
    header = [column.header for column in table.columns]
    assert "item" in header and "unit" in header
    assert "рога сайгака" in table.columns[header.index("item")]._cells


def test_by_crime_and_crime_filter():
    rows = [row("a", 100, crime="fraud"), row("b", 200), row("c", 300), row("d", 5, crime="bribery")]
    by_crime = {r["crime"]: r["total"] for r in stats.compute(rows, by=["crime"]).rows}
    assert by_crime == {"internet_fraud": 500, "fraud": 100, "bribery": 5}
    only = stats.compute(rows, by=["city"], crimes=["fraud", "bribery"])
    assert [r["total"] for r in only.rows] == [105]


def test_an_incident_is_filed_under_its_own_month():
    rows = [row("a", 100, fact_date=date(2025, 3, 12)), row("a", 50)]
    months = {r["month"]: r["total"] for r in stats.compute(rows, by=["month"]).rows}
    assert months == {"2025-03": 100, "2025-10": 50}


def test_one_story_is_counted_once():
    rows = [
        row("x1", 1_000_000, story="x1"),
        row("x2", 1_000_000, story="x1"),  # a reprint of x1
        row("x3", 1_000_000, story="x1"),
        row("y", 700_000),  # no story: counted
    ]
    result = stats.compute(rows, by=["city"])
    assert result.rows[0]["total"] == 1_700_000 and result.rows[0]["documents"] == 2
    assert result.stories == 2
    assert "2 document(s) left out" in " ".join(stats.footnotes(result))


def test_short_period():
    assert stats.short_period("2025-01-01..2025-12-31") == "2025"
    assert stats.short_period("2025-01-01..2025-09-30") == "2025-01..09"
    assert stats.short_period("2025-03-01..2025-03-31") == "2025-03"
    assert stats.short_period("2025-05-12..2025-05-18") == "2025-05-12..2025-05-18"


def test_piped_table_keeps_its_first_column(hand):
    """`newsfacts stats f.jsonl --by city | cat` on an 80-column terminal: every city in full."""
    result = CliRunner().invoke(app, ["stats", str(hand), "--by", "city"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Алматы" in result.output and "Караганда" in result.output
    assert "(incidents)" in result.output


def test_plot_without_extension_says_the_file_it_wrote(hand, tmp_path):
    pytest.importorskip("matplotlib")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = run("stats", hand, "--by", "month", "--plot", tmp_path / "chart")
    assert result.exit_code == 0
    assert (tmp_path / "chart.png").is_file() and f"wrote {tmp_path / 'chart.png'}" in result.output


def _seized(value, unit, item, city, qualifier="exact", start=0):
    return {
        "kind": "seized",
        "value": value,
        "unit": unit,
        "item": item,
        "qualifier": qualifier,
        "city": city,
        "text": "x",
        "span": [start, start + 1],
        "sentence": 0,
    }


def test_seized_per_item_unit(tmp_path):
    """Seized quantities are summed per item and unit, never across units: 1,2 kg and 0,12 kg of heroin
    add up, 300 packs of cigarettes never add to 20 blocks."""
    records = [
        {
            "doc_id": "a",
            "sha256": "0",
            "lang": "ru",
            "facts": [
                _seized(Decimal("1.2"), "kg", "героин", "Алматы"),
                _seized(300, "pack", "сигареты", "Алматы", start=2),
                _seized(20, "block", "сигареты", "Алматы", "more_than", start=4),
            ],
        },
        {
            "doc_id": "b",
            "sha256": "1",
            "lang": "ru",
            "facts": [
                _seized(Decimal("0.12"), "kg", "героин", None),
                {
                    "kind": "money",
                    "value": 5,
                    "currency": "KZT",
                    "role": "other",
                    "text": "x",
                    "span": [0, 1],
                    "sentence": 0,
                },
            ],
        },
    ]
    path = tmp_path / "seized.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records), "utf-8")
    result = stats.compute(fact_rows(load(path).records), by=["item"], kinds=["seized"])
    got = {
        (row["item"], row["unit"]): (row["total"], row["facts"], row["documents"], row["bound"])
        for row in result.rows
    }
    assert got == {
        ("героин", "kg"): (Decimal("1.32"), 2, 2, "exact"),
        ("сигареты", "pack"): (300, 1, 1, "exact"),
        ("сигареты", "block"): (20, 1, 1, "lower"),
    }
    assert "kind" in result.key_columns and "unit" in result.key_columns
    out = run("stats", path, "--kind", "seized", "--by", "item")
    assert out.exit_code == 0, out.output
    assert "героин" in out.stdout and "1.32" in out.stdout and "block" in out.stdout
