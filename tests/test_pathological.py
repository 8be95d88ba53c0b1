"""Hostile and strange documents: none may crash, each finishes in bounded time, and no fact is made of
pieces that do not belong together (numbers glued across spaces, the tail of a cut number)."""

from __future__ import annotations

import pytest
from test_properties import check_record

from newsfacts.segment import MAX_SENTENCE_CHARS, segment

M, D, C = "money", "detained", "crimes"

# phrase -> the exact facts (kind, value, currency): numbers are never glued across spaces, and a number
# right after another one (an account, a phone, a list) is no sum of its own.
NEVER_GLUED = [
    ("Звоните по номеру 8 701 234 56 78.", []),
    ("8 701 234 56 78 тенге", []),
    ("87012345678 тенге", []),
    ("Номер +7 (701) 234-56-78 тенге", []),
    ("Телефон доверия: 8 701 234 56 78, ущерб 5 млн тенге.", [(M, 5_000_000, "KZT")]),
    ("Ущерб составил 2 000 000 2023 года.", []),
    ("Похищено 2 000 000 тенге 2023 года.", [(M, 2_000_000, "KZT")]),
    ("2023 5 000 000 тенге", []),
    ("В 2023 году похищено 5 000 тенге.", [(M, 5000, "KZT")]),
    ("Ущерб 1 700 000 тенге, 12 500 тенге.", [(M, 1_700_000, "KZT"), (M, 12_500, "KZT")]),
    ("ИИН 900101300123, ущерб 300 тыс. тенге.", [(M, 300_000, "KZT")]),
    ("Счёт KZ12 3456 7890 1234 5678 тенге", []),
    ("Похищено 5 10 тенге.", []),
    ("Ущерб 1 2 3 тенге", []),
    ("Задержаны 3 5 человек.", []),
    ("Ущерб 5 000 00 тенге", []),
    ("Ущерб 12.05.2023 500 тенге", [(M, 500, "KZT")]),
    ("Ущерб 2 млн 2023 года, 300 тенге", [(M, 300, "KZT")]),
    ("в 2023 году 2024 мошенничества", [(C, 2024, None)]),
    ("Ущерб 1" + "\u200b000\u200b000 тенге.", [(M, 1_000_000, "KZT")]),  # zero-width inside a number
    ("Ущерб " + "7" * 50_000 + " тенге. Ущерб 5 млн тенге.", [(M, 5_000_000, "KZT")]),  # a cut number's tail
    # all caps, homoglyphs
    ("УЩЕРБ СОСТАВИЛ 5 МЛН ТЕНГЕ.", [(M, 5_000_000, "KZT")]),
    ("ПОХИЩЕНО 500 ТЫС. ТЕНГЕ И 3 ТЫС. ДОЛЛАРОВ США", [(M, 500_000, "KZT"), (M, 3000, "USD")]),
    ("Ущерб составил 500 тыс. тенгe.", [(M, 500_000, "KZT")]),  # a Latin e
]


@pytest.mark.parametrize(("text", "expected"), NEVER_GLUED)
def test_never_glued(pipeline, text, expected):
    record = pipeline(text)
    check_record(text, record)
    assert [(f.kind, f.value, f.currency) for f in record.facts] == expected


def test_a_cut_is_never_inside_a_word_or_number():
    text = "Сумма " + "1 000 000 тенге и " * 100 + "x" * 3000 + " " + "y," * 2000
    sentences = segment(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    for s in sentences:
        for edge in (s.start, s.end):
            assert not (text[edge - 1 : edge].isalnum() and text[edge : edge + 1].isalnum()), s
        assert not (text[s.start - 1 : s.start].isdigit() and text[s.start + 1 : s.start + 2].isdigit())
