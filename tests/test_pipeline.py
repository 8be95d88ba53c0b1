"""The whole pipeline on the seed text, the library API and the public schema."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts import Record, extract

ROOT = Path(__file__).parent.parent
SEED = ROOT / "corpus" / "000_4d24166cd8d118c4.txt"


def test_seed_facts(pipeline):
    text = SEED.read_text(encoding="utf-8")
    record = pipeline(text, doc_id=SEED.stem, source=str(SEED))
    facts = sorted((f.kind, f.value, f.currency, f.qualifier, f.role, f.city) for f in record.facts)
    assert facts == sorted(
        [
            ("money", 3_000_000_000, "KZT", "more_than", "damage", None),
            ("money", 4_200_000, "KZT", "exact", "damage", "Астана"),
            ("money", 15_000_000_000, "KZT", "exact", "damage", None),
            ("detained", 24, None, "exact", None, "Алматы"),
            ("detained", 1, None, "exact", None, "Астана"),
            ("victims", 20, None, "exact", None, "Шымкент"),
            ("crimes", 4000, None, "more_than", None, None),
            ("crimes", 26, None, "exact", None, "Астана"),
        ]
    )
    for fact in record.facts:  # the evidence indexes the original text
        assert text[fact.span[0] : fact.span[1]] == fact.text
    assert [c.name for c in record.cities] == ["Алматы", "Астана", "Экибастуз", "Шымкент", "Тараз"]
    assert [c.name for c in record.countries] == ["Грузия"]
    assert [p.name for p in record.persons] == ["Жандос Суюнбай"]
    organisations = {o.name for o in record.organisations}
    assert {"Health Time", "1Х бет", "Instagram"} <= organisations
    assert {"УКП ДП г. Алматы", "УКП ДП г. Астаны", "УКП ДП Шымкента"} <= organisations
    assert [(d.start.isoformat(), d.end.isoformat()) for d in record.dates] == [
        ("2023-04-18", "2023-04-20"),
        ("2022-01-01", "2022-12-31"),
    ]
    for entity in record.cities + record.persons + record.organisations:
        for start, end in entity.mentions:
            assert text[start:end].strip() == text[start:end] and end > start
    assert record.lang == "ru" and record.doc_id == SEED.stem


def test_money_values_are_exact_in_json(pipeline):
    line = pipeline("Ущерб составил 4,2 млн тенге, штраф 1,35 тыс. тенге.").model_dump_json()
    values = [f["value"] for f in json.loads(line)["facts"]]
    assert values == [4200000, 1350]
    assert "4200000," in line and "4200000.0" not in line


def test_decimal_value_stays_decimal(pipeline):
    record = pipeline("Штраф составил 2,5 МРП.")
    assert str(record.facts[0].value) == "2.5"
    assert '"value":2.5' in record.model_dump_json()


def test_library_extract_reuses_one_pipeline():
    first = extract("В Павлодаре задержаны трое.", doc_id="a")
    second = extract("В Павлодаре задержаны трое.", doc_id="b")
    assert first.doc_id == "a" and second.doc_id == "b"
    assert [(f.kind, f.value, f.city) for f in first.facts] == [("detained", 3, "Павлодар")]
    assert first.sha256 == second.sha256


def test_schema_file_is_the_record_schema():
    """schema/record.schema.json is the public contract: regenerate it (newsfacts schema) on purpose."""
    committed = json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert committed == Record.model_json_schema()


def test_cli_schema():
    schema = subprocess.run(
        [sys.executable, "-m", "newsfacts", "schema"], capture_output=True, text=True, check=True
    )
    assert json.loads(schema.stdout)["title"] == "Record"


def test_extract_given_bytes_says_it_wants_str(pipeline):
    """Issue 15, item 6: the message names what to do, and no model is loaded for it."""
    data = "В Таразе задержаны трое.".encode()
    for call in (extract, pipeline):
        with pytest.raises(TypeError, match=r"takes the text as str, not bytes: decode it first"):
            call(data)
    with pytest.raises(TypeError, match="takes the text as str, not a path"):
        extract(Path("news.txt"))


def test_a_long_text_is_read_in_sections_and_joined(pipeline, monkeypatch):
    """A text far longer than an article is read a section at a time (memory and time per MB stay an
    article's); the record is one, its spans in the whole text, its sentences counted on."""
    from newsfacts import pipeline as module

    # (twelve stories, not one told twelve times: a line repeated word for word is one news)
    text = "".join(
        f"В Таразе задержан {20 + i}-летний мужчина. Он похитил {i + 1} млн тенге у пенсионерки.\n\n"
        for i in range(12)
    )
    whole = pipeline(text)
    monkeypatch.setattr(module, "SECTION_CHARS", 400)
    assert len(module._sections(text)) > 2
    cut = pipeline(text)
    assert [(f.kind, f.value, f.span, f.sentence) for f in cut.facts] == [
        (f.kind, f.value, f.span, f.sentence) for f in whole.facts
    ]
    for fact in cut.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text
    assert [c.name for c in cut.cities] == ["Тараз"] and len(cut.cities[0].mentions) == 12
    assert cut.crime == whole.crime
    assert any("sections" in w for w in cut.warnings)


def test_sections_end_at_blank_lines():
    from newsfacts.pipeline import SECTION_CHARS, _sections

    text = ("слово " * 30 + "\n\n") * (SECTION_CHARS // 100)
    sections = _sections(text)
    assert sections[0][0] == 0 and sections[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(sections, sections[1:], strict=False))
    assert all(text[end - 2 : end] == "\n\n" for _, end in sections[:-1])
    assert _sections("короткий текст") == [(0, len("короткий текст"))]
