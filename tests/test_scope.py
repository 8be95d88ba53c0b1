"""newsfacts/scope.py: incident or total, its period and area, and the crime of each fact."""

from __future__ import annotations

import typing
from datetime import date
from pathlib import Path

import pytest

from newsfacts import resources
from newsfacts.record import Crime
from newsfacts.scope import articles, crime_names, criminal_code, sentence_crime

SEED = Path(__file__).parent.parent / "corpus" / "000_4d24166cd8d118c4.txt"

# -- the lists in rules/ ------------------------------------------------------------------------------


def test_crime_categories_are_the_record_s():
    """rules/crime_types.tsv and the record's Crime literal name the same categories."""
    assert set(crime_names()) == set(typing.get_args(Crime))
    assert set(criminal_code().values()) <= set(crime_names())
    for row in resources.table("crime_types.tsv"):
        assert len(row) == 2 and row[0].rstrip("?") in crime_names(), row


ARTICLES = [
    ("возбуждено дело по ст. 190 УК РК", ["fraud"]),
    ("по статье 366 Уголовного кодекса", ["bribery"]),
    ("по ч. 2 ст. 367 УК РК", ["bribery"]),
    ("по ч. 3 ст. 296 УК РК", ["drugs"]),
    ("по статье 217 УК РК", ["pyramid"]),
    ("по ст. 189 УК РК", ["embezzlement"]),
    ("по ст. 188 УК РК", ["theft"]),
    ("по статьям 190 и 217 УК РК", ["fraud", "pyramid"]),
    ("по ч. 4 ст. 159 УК РФ", ["fraud"]),
    ("по ст. 159.6 УК РФ", ["internet_fraud"]),
    ("по статье 228.1 УК РФ", ["drugs"]),
    ("по ст. 158 УК России", ["theft"]),
    ("по ст. 160 УК РФ", ["embezzlement"]),
    ("по ст. 290 УК РФ", ["bribery"]),
    ("по ст. 291 УК РФ", ["bribery"]),
    ("в 2024 году задержаны 190 человек", []),  # a number without `ст.` is no article
]


@pytest.mark.parametrize("text, expected", ARTICLES, ids=[t for t, _ in ARTICLES])
def test_articles(text, expected):
    assert articles(text) == expected


SENTENCES = [
    ("Задержан участник колл-центра", "internet_fraud"),
    ("Обещал доход до 40% в месяц: финансовая пирамида", "pyramid"),
    ("Чиновник вымогал взятку у подрядчика", "bribery"),  # precedence: bribery before extortion
    ("Ночью со двора увели 7 лошадей", "livestock_theft"),
    ("Задержаны курьеры с гашишем", "drugs"),
    ("Он уклонялся от уплаты налогов через фирмы-однодневки", "tax_evasion"),
    ("Водитель вез контрабанду сигарет", "smuggling"),
    ("Подросток вырвал у пенсионерки сумку", "robbery"),
    ("Кассир присвоила выручку", "embezzlement"),
    ("Серия краж из дачных домов", "theft"),
    ("Мошенник продавал несуществующие путевки", "fraud"),
    ("Организовал незаконную миграцию", "other"),
    ("Ущерб превысил 3 млн тенге", None),
]


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[t for t, _ in SENTENCES])
def test_sentence_crime(text, expected):
    assert sentence_crime(text) == expected


def test_weak_words_only_when_asked():
    """`похитил` says something was taken, not how: it names the crime only when nothing better does."""
    assert sentence_crime("Он похитил 2 млн тенге") is None
    assert sentence_crime("Он похитил 2 млн тенге", weak=True) == "theft"


# -- the pipeline: what each fact is about ------------------------------------------------------------

Y = date.fromisoformat

# (text, publication date, [(kind, value, scope, period, area, crime), ...] in text order)
FACTS = [
    (
        "В Павлодарской области с начала года зарегистрировано 812 фактов интернет-мошенничества.",
        Y("2025-05-20"),
        [
            (
                "crimes",
                812,
                "aggregate",
                ("2025-01-01", "2025-05-20"),
                "Павлодарская область",
                "internet_fraud",
            )
        ],
    ),
    (
        "За 9 месяцев 2025 года по стране зарегистрировано 1 500 краж скота против 1 700 за аналогичный "
        "период прошлого года.",
        None,
        [
            ("crimes", 1500, "aggregate", ("2025-01-01", "2025-09-30"), "Казахстан", "livestock_theft"),
            ("crimes", 1700, "aggregate", ("2024-01-01", "2024-09-30"), "Казахстан", "livestock_theft"),
        ],
    ),
    (
        "В 2024 году в Карагандинской области выявлено 40 фактов получения взяток. "
        "Общая сумма взяток составила 90 млн тенге.",
        None,
        [
            ("crimes", 40, "aggregate", ("2024-01-01", "2024-12-31"), "Карагандинская область", "bribery"),
            (
                "money",
                90_000_000,
                "aggregate",
                ("2024-01-01", "2024-12-31"),
                "Карагандинская область",
                "bribery",
            ),
        ],
    ),
    (
        "В Костанае задержан 30-летний мужчина, который продавал через Instagram несуществующие телефоны. "
        "Ущерб составил 1,2 млн тенге.",
        None,
        [
            ("detained", 1, "incident", None, None, "internet_fraud"),
            ("money", 1_200_000, "incident", None, None, "internet_fraud"),
        ],
    ),
    (
        # one scheme's time is no statistic
        "По данным следствия, с марта 2023 по май 2024 года организаторы пирамиды собрали 300 млн тенге.",
        None,
        [("money", 300_000_000, "incident", None, None, "pyramid")],
    ),
    (
        "Суд Тараза приговорил инспектора по ст. 366 УК РК: он получил 500 тыс. тенге.",
        None,
        [("money", 500_000, "incident", None, None, "bribery")],
    ),
]


@pytest.mark.parametrize("text, published, expected", FACTS, ids=[t[:50] for t, _, _ in FACTS])
def test_what_each_fact_is_about(pipeline, text, published, expected):
    record = pipeline(text, date=published)
    got = [
        (
            f.kind,
            f.value,
            f.scope,
            (f.period.start.isoformat(), f.period.end.isoformat()) if f.period else None,
            f.area,
            f.crime,
        )
        for f in record.facts
    ]
    assert got == expected


def test_incident_date(pipeline):
    record = pipeline("12 марта 2025 года в Семее задержаны двое курьеров с гашишем.")
    assert [(f.scope, f.date, f.crime) for f in record.facts] == [("incident", date(2025, 3, 12), "drugs")]


def test_seed_scope_with_a_publication_date(pipeline):
    """Issue 13's acceptance: the seed read with --date 2023-04-21."""
    text = SEED.read_text(encoding="utf-8")
    record = pipeline(text, doc_id=SEED.stem, date=date(2023, 4, 21))
    facts = {(f.kind, f.value): f for f in record.facts}
    for key in (("crimes", 4000), ("money", 3_000_000_000)):
        assert facts[key].scope == "aggregate"
        assert facts[key].period is not None and facts[key].period.start == date(2023, 1, 1)
        assert facts[key].period.end == date(2023, 4, 21)
    assert facts[("detained", 24)].scope == "incident" and facts[("detained", 24)].city == "Алматы"
    assert facts[("money", 15_000_000_000)].scope == "aggregate"
    assert facts[("money", 15_000_000_000)].area == "Казахстан"
    assert {f.crime for f in record.facts} == {"internet_fraud"} and record.crime == "internet_fraud"


def test_the_grouped_stems_find_what_the_stems_find():
    """_any_stem groups the stems by their first character: it finds a stem where one of them does."""
    import re
    from pathlib import Path

    from newsfacts import scope

    union = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in scope.crime_types()))
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = [scope._lower(p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt"))]
    lines = [line for text in texts for line in text.split(".")]
    assert sum(bool(union.search(line)) for line in lines) > 500
    for line in lines:
        assert bool(scope._any_stem().search(line)) == bool(union.search(line)), line
