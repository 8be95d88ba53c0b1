"""Persons normalised to the nominative, reading the words of a name together (case and gender agree)."""

import pytest

from newsfacts.entities import person_name

NAMES = [
    ("Ерлан Касымов", "Ерлан Касымов"),  # already nominative: not the genitive plural of `Ерлана`
    ("Кайрата Нурпеисова", "Кайрат Нурпеисов"),
    ("Ивану Петрову", "Иван Петров"),
    ("Айгерим Нурлановой", "Айгерим Нурланова"),  # a woman's surname stays feminine
    ("Динары Ибраевой", "Динара Ибраева"),
    ("Марию Иванову", "Мария Иванова"),
    ("Жандос Суюнбай", "Жандос Суюнбай"),
    ("Суюнбай", "Суюнбай"),
]


@pytest.mark.parametrize(("written", "expected"), NAMES)
def test_person_name(written, expected):
    assert person_name(written) == expected


def test_person_in_text(pipeline):
    record = pipeline("Подозреваемый Ерлан Касымов возместил ущерб. Показания Ерлана Касымова проверяют.")
    assert [p.name for p in record.persons] == ["Ерлан Касымов"]
