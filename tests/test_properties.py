"""Properties that hold for ANY input: a valid record, no exception, every span a true slice of the input,
values finite and non-negative, the same record for the same text.

CI runs the "ci" profile (a bounded number of examples). By hand, a long run:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py -q
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts import Record, extract

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck), print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

WORDS = (
    "В Алматы Астане Шымкенте Караганде полицейские задержали задержан двоих трое жителей мошенник "
    "ущерб составил похитил возместил взятку штраф пострадавших потерпевших уголовных дел краж "
    "свыше более около до от порядка менее из них еще а затем против их было года году январе "
    "по данным ДП УКП Антикор ТОО компании Жандос Суюнбай житель уроженец г. города области "
    "сто двести тысяч миллион полтора трех четырех пять двадцать"
).split()
MONEY_WORDS = [
    "тенге",
    "тг",
    "тг.",
    "млн",
    "млн.",
    "млрд",
    "тыс.",
    "тыс",
    "руб.",
    "рублей",
    "долларов",
    "$",
    "₸",
    "€",
    "₽",
    "евро",
    "МРП",
    "сом",
    "сум",
    "USD",
    "США",
    "тенгe",
    "TEНГЕ",
]
PUNCT = [".", ",", ";", ":", "—", "-", "–", "(", ")", '"', "«", "»", "!", "?", "…", "/", "%", "№"]
ODD = ["\u200b", "\u00ad", "\ufeff", "\u00a0", "\u202f", "\u0301", "\u0308", "\r\n", "\r", "\u2028", "\t"]


def _digits():
    return st.one_of(
        st.integers(0, 10**12).map(str),
        st.integers(0, 999).map(lambda n: f"{n} 000"),
        st.integers(0, 999).map(lambda n: f"{n} 000 000"),
        st.from_regex(r"\d{1,3}([ .]\d{3}){0,4}", fullmatch=True),
        st.from_regex(r"\d{1,4}[,.]\d{1,3}", fullmatch=True),
        st.from_regex(r"\d{1,2}\.\d{1,2}\.\d{2,4}", fullmatch=True),
        st.from_regex(r"(\+7|8) ?\(?\d{3}\)? ?\d{3}[ -]?\d{2}[ -]?\d{2}", fullmatch=True),
        st.sampled_from(["2023", "2024-м", "2025 года", "1-го", "35-летний", "5-10", "0", "00", "007"]),
    )


TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MONEY_WORDS),
    _digits(),
    st.sampled_from(PUNCT),
    st.sampled_from(ODD),
    st.just("\n"),
    st.just("\n\n"),
    st.text(min_size=1, max_size=3),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "", "\n", "  "])


@st.composite
def russian_like(draw) -> str:
    tokens = draw(st.lists(TOKEN, max_size=60))
    return "".join(token + draw(SEPARATOR) for token in tokens)


ANY_TEXT = st.one_of(st.text(max_size=400), russian_like())


def check_record(text: str, record: Record) -> None:
    """Everything a record promises about its input."""
    Record.model_validate_json(record.model_dump_json())  # valid, and serialisable to JSON
    n = len(text)
    for fact in record.facts:
        start, end = fact.span
        assert 0 <= start < end <= n, fact
        assert text[start:end] == fact.text, fact
        assert fact.sentence >= 0
        value = Decimal(fact.value)
        assert value.is_finite() and value >= 0, fact
        assert (fact.kind == "money") == (fact.currency is not None), fact
        if fact.kind != "money":
            assert isinstance(fact.value, int) and fact.value > 0, fact
    for found in record.dates:
        start, end = found.span
        assert 0 <= start < end <= n, found
        assert text[start:end] == found.text, found
        assert found.start <= found.end, found
    for group in (record.persons, record.organisations, record.cities, record.regions, record.countries):
        for entity in group:
            assert entity.name.strip(), entity
            for start, end in entity.mentions:
                assert 0 <= start < end <= n, entity


@given(ANY_TEXT)
def test_any_text_gives_a_valid_record(pipeline, text):
    first = pipeline(text, doc_id="p")
    check_record(text, first)
    assert pipeline(text, doc_id="p").model_dump() == first.model_dump()  # deterministic


@given(russian_like())
def test_extract_is_the_pipeline(text):
    record = extract(text, doc_id="p")
    check_record(text, record)
    assert extract(text, doc_id="p").model_dump() == record.model_dump()
