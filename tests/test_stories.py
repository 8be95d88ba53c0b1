"""One story, counted once (newsfacts/stories.py): which documents are one incident, and the story ids."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import stories as st
from newsfacts.batch import run
from newsfacts.cli import app
from newsfacts.record import Entity, Fact, PlaceEntity, Record

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2025, 3, 11)


def record(doc_id: str, *facts: tuple, day: int | None = 0, city: str | None = None, persons=()) -> Record:
    """A record from (kind, value[, currency[, qualifier]]) tuples; every fact in `city`."""
    made = []
    for kind, value, *rest in facts:
        currency = rest[0] if rest else ("KZT" if kind == "money" else None)
        qualifier = rest[1] if len(rest) > 1 else "exact"
        made.append(
            Fact(
                kind=kind,
                value=value,
                currency=currency,
                qualifier=qualifier,
                text="x",
                span=(0, 1),
                sentence=0,
            )
        )
        made[-1].city = city
    return Record(
        doc_id=doc_id,
        sha256="-",
        lang="ru",
        published=None if day is None else DAY + timedelta(days=day),
        cities=[PlaceEntity(name=city, mentions=[])] if city else [],
        persons=[Entity(name=name, mentions=[]) for name in persons],
        facts=made,
    )


# (why, record a, record b, one story?) -- by their facts only, no text.
PAIRS = [
    (
        "a telling sum, a count and the city: a rewrite",
        record("a", ("money", 8750000), ("victims", 14), city="Караганда"),
        record("b", ("money", 8750000), ("victims", 14), day=1, city="Караганда"),
        True,
    ),
    (
        "the same person by full name, a sum",
        record("a", ("money", 12430000), persons=["Гульнара Ахметова"]),
        record("b", ("money", 12430000), ("money", 4100000), day=50, persons=["Гульнара Ахметова"]),
        True,
    ),
    (
        "a rounded sum (`превысил 118 млн`) and the person",
        record("a", ("money", 118500000), ("victims", 46), persons=["Арман Жаксылыков"]),
        record(
            "b",
            ("money", 118000000, "KZT", "more_than"),
            ("victims", 46),
            day=7,
            persons=["Арман Жаксылыков"],
        ),
        True,
    ),
    (
        "a two-digit sum in the same city the next day",
        record("a", ("money", 350000), city="Шымкент"),
        record("b", ("money", 350000), ("detained", 1), day=1, city="Шымкент"),
        True,
    ),
    (
        "the same two-digit sum in the same city three weeks later: a coincidence",
        record("a", ("money", 350000), city="Шымкент"),
        record("b", ("money", 350000), day=21, city="Шымкент"),
        False,
    ),
    (
        "same city, crime and shape, other sums and person: a look-alike",
        record(
            "a",
            ("money", 8750000),
            ("victims", 14),
            ("detained", 2),
            city="Караганда",
            persons=["Даурен Сейтказин"],
        ),
        record(
            "b",
            ("money", 3200000),
            ("victims", 5),
            ("detained", 1),
            day=9,
            city="Караганда",
            persons=["Ильяс Муканов"],
        ),
        False,
    ),
    (
        "the same sums in another city",
        record("a", ("money", 8750000), ("victims", 14), city="Караганда"),
        record("b", ("money", 8750000), ("victims", 14), day=1, city="Павлодар"),
        False,
    ),
    (
        "the same sums, too far apart",
        record("a", ("money", 8750000), ("victims", 14), city="Караганда"),
        record("b", ("money", 8750000), ("victims", 14), day=st.WINDOW_DAYS + 1, city="Караганда"),
        False,
    ),
    (
        "a round sum and small counts: what many reports share",
        record("a", ("money", 1000000), ("detained", 2), ("victims", 1), city="Алматы"),
        record("b", ("money", 1000000), ("detained", 2), ("victims", 1), day=1, city="Алматы"),
        False,
    ),
    (
        "the same surname, another first name: another person",
        record("a", ("detained", 1), city="Актобе", persons=["Ерлан Ахметов"]),
        record("b", ("detained", 1), day=1, city="Актобе", persons=["Нурлан Ахметов"]),
        False,
    ),
    (
        "the same sum in another currency",
        record("a", ("money", 8750000, "RUB"), city="Караганда"),
        record("b", ("money", 8750000, "KZT"), day=1, city="Караганда"),
        False,
    ),
]


@pytest.mark.parametrize("why,a,b,same", PAIRS, ids=[p[0] for p in PAIRS])
def test_pairs_by_their_facts(why, a, b, same):
    found = st.group([a, b])
    assert (found.story[0] == found.story[1]) is same, why
    reverse = st.group([b, a])  # the order of the input changes the id, never the grouping
    assert (reverse.story[0] == reverse.story[1]) is same


WARNING = (
    "Полиция {city} предупреждает о мошенниках. С начала года в {city} зарегистрировано {n} фактов "
    "интернет-мошенничества, ущерб превысил {m} млн тенге. Чаще всего злоумышленники звонят от имени "
    "сотрудников банков и полиции, предлагают выгодные инвестиции или просят предоплату за товар на сайтах "
    "объявлений. Не сообщайте посторонним коды из SMS и не переводите деньги незнакомым людям."
)


def warning(doc_id: str, city: str, n: int, m: int, day: int = 0, byline: str = "") -> tuple[Record, str]:
    facts = [("crimes", n), ("money", m * 1_000_000, "KZT", "more_than")]
    return record(doc_id, *facts, day=day, city=city), WARNING.format(city=city, n=n, m=m) + byline


def test_a_reprint_is_found_by_its_text_and_a_template_for_another_month_or_city_is_not():
    items = [
        warning("march", "Костанай", 312, 145),
        warning("reprint", "Костанай", 312, 145, day=1, byline="\n\nИсточник: пресс-служба ДП."),
        warning("april", "Костанай", 405, 190, day=28),
        warning("other_city", "Петропавловск", 187, 96),
    ]
    found = st.group([r for r, _ in items], [t for _, t in items])
    assert found.story == ["march", "march", "april", "other_city"]
    (evidence,) = found.evidence
    assert evidence.via == "text" and evidence.jaccard >= st.TEXT_THRESHOLD
    # The template texts are near-duplicates too: only their numbers (or city) keep them apart.
    jaccard, passages = st.shared_passages(items[0][1], items[2][1])
    assert jaccard >= st.TEXT_THRESHOLD and passages


def test_a_text_with_no_facts_is_joined_by_its_text_alone():
    text = WARNING.format(city="Костанае", n=1, m=1)
    a, b = record("a"), record("b", day=2)
    assert st.group([a, b], [text, "Перепечатка. " + text]).story == ["a", "a"]
    assert st.group([a, b], [text, "Совсем другой текст о погоде и ценах на хлеб в области."]).story == [
        "a",
        "b",
    ]


def test_a_chain_of_look_alike_pairs_never_joins_two_cities():
    text = WARNING.format(city="области", n=1, m=1)
    records = [record("a", city="Караганда"), record("b", day=1), record("c", day=2, city="Павлодар")]
    found = st.group(records, [text, text, text])
    assert found.story[0] == found.story[1] == "a"  # b names no city: it may be the reprint of either
    assert found.story[2] == "c"
    assert [(e.a, e.b) for e in found.evidence] == [("a", "b")]


def test_the_story_id_is_the_earliest_document_ties_by_input_order_undated_last():
    facts = (("money", 8750000), ("victims", 14))
    records = [
        record("undated", *facts, day=None, city="Караганда"),
        record("later", *facts, day=2, city="Караганда"),
        record("first_b", *facts, day=0, city="Караганда"),
        record("first_a", *facts, day=0, city="Караганда"),
    ]
    assert st.group(records).story == ["first_b"] * 4


def test_every_record_is_its_own_story_when_alone():
    assert Record(doc_id="x", sha256="-", lang="ru").story == "x"
    assert st.group([record("a", ("money", 8750000)), record("b", ("money", 5))]).story == ["a", "b"]


def test_aggregates_tell_no_incident_apart():
    a, b = record("a", ("crimes", 4000), city="Алматы"), record("b", ("crimes", 4000), day=1, city="Алматы")
    for r in (a, b):
        for fact in r.facts:
            vars(fact)["scope"] = "aggregate"  # as records carry it from the scope branch on
    assert st.Signature.of(a, 0).values == {}


def test_the_crime_keeps_apart_two_incidents_with_the_same_numbers():
    a = record("a", ("money", 8750000), ("victims", 14), city="Караганда")
    b = record("b", ("money", 8750000), ("victims", 14), day=1, city="Караганда")
    vars(a)["crime"], vars(b)["crime"] = "fraud", "drugs"
    assert st.group([a, b]).story == ["a", "b"]


@pytest.mark.parametrize(
    "value,digits", [(8750000, 3), (1000000, 1), (350000, 2), (Decimal("2.5"), 2), (2277000000, 4), (0, 0)]
)
def test_significant_digits(value, digits):
    assert st.significant_digits(value) == digits


def test_pair_score():
    gold = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}
    predicted = {"a": "x", "b": "x", "c": "c", "d": "x", "e": "e", "f": "x"}  # f is not in the gold
    score = st.pair_score(gold, predicted)
    # gold pairs ab ac bc; predicted ab ad bd: one right of three, one found of three
    assert (score.documents, score.gold_pairs, score.predicted_pairs, score.true_pairs) == (5, 3, 3, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 3)
    assert st.pair_score({"a": "1"}, {"a": "a"}).precision == 1.0


def test_gold_file_is_read_and_a_document_in_two_stories_is_an_error(tmp_path: Path):
    gold = st.load_gold(ROOT / "tests" / "gold" / "stories.jsonl")
    texts = {p.stem for p in (ROOT / "corpus" / "stories").glob("*.txt")}
    assert set(gold) == texts
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"story": "1", "doc_ids": ["a"]}\n{"story": "2", "doc_ids": ["a"]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="two stories"):
        st.load_gold(bad)


def test_our_story_set_pair_precision_and_recall(pipeline):
    """corpus/stories: five incidents told three ways, a reprinted warning, and look-alikes that are not
    the same story (same city and crime with other sums and people, the warning's template for another
    city and month, the same bribe in the same city months later)."""
    paths = sorted((ROOT / "corpus" / "stories").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    records = [pipeline(text, doc_id=p.stem) for p, text in zip(paths, texts, strict=True)]
    found = st.group(records, texts)
    predicted = {r.doc_id: story for r, story in zip(records, found.story, strict=True)}
    score = st.pair_score(st.load_gold(ROOT / "tests" / "gold" / "stories.jsonl"), predicted)
    assert score.documents == len(paths) and score.gold_pairs >= 15
    assert score.precision >= 0.95 and score.recall >= 0.90, score.to_dict()


def test_extract_assigns_stories_over_the_run_and_over_a_resume(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    source = ROOT / "corpus" / "stories"
    for name in (
        "s01_karaganda_call_center_news",
        "s01_karaganda_call_center_telegram",
        "l01_karaganda_call_center_other",
    ):
        (folder / f"{name}.txt").write_bytes((source / f"{name}.txt").read_bytes())
    out = tmp_path / "facts.jsonl"
    summary = run([folder], out, jobs=1)
    stories = {
        item["doc_id"]: item["story"]
        for item in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }
    assert stories == {
        "l01_karaganda_call_center_other": "l01_karaganda_call_center_other",
        "s01_karaganda_call_center_news": "s01_karaganda_call_center_news",
        "s01_karaganda_call_center_telegram": "s01_karaganda_call_center_news",
    }
    assert (summary.stories, summary.joined) == (1, 1)
    # The police release came out a day before the news: resumed, the whole run is one story under it.
    (folder / "s01_karaganda_call_center_police.txt").write_bytes(
        (source / "s01_karaganda_call_center_police.txt").read_bytes()
    )
    summary = run([folder], out, jobs=1, resume=True)
    assert summary.skipped == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    assert {
        item["doc_id"]: item["story"] for item in lines if item["doc_id"].startswith("s01")
    } == dict.fromkeys(
        [
            "s01_karaganda_call_center_news",
            "s01_karaganda_call_center_telegram",
            "s01_karaganda_call_center_police",
        ],
        "s01_karaganda_call_center_police",
    )
    assert not list(tmp_path.glob(".*part"))  # no temporary file left beside the output

    result = CliRunner().invoke(
        app, ["stories", str(out), "--gold", str(ROOT / "tests" / "gold" / "stories.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert "story s01_karaganda_call_center_police: 3 documents" in result.output
    assert "money 8 750 000 KZT" in result.output and "person Даурен Сейтказин" in result.output
    assert "precision 100.0% (3/3), recall 100.0% (3/3) over 4 documents" in result.output
    report = json.loads(CliRunner().invoke(app, ["stories", str(out), "--json"]).output)
    assert [len(group["documents"]) for group in report["stories"]] == [3]
