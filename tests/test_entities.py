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


ORGS = [
    # text, organisations expected among the record's, persons expected (exactly)
    ("Сотрудники Антикора задержали чиновника.", {"Антикор"}, []),
    ("Об этом сообщили в ДГД по Атырауской области.", {"ДГД по Атырауской области"}, []),
    ("Мошенники представлялись сотрудниками Нацбанка.", {"Нацбанк"}, []),
    ("Наркотики продавали через Telegram-бот.", {"Telegram"}, []),
    ("Задержанный водворен в ИВС, его БИН проверяют.", set(), []),
    ("Полицейские Риддера задержали мужчину.", set(), []),
    ("ТОО «Агро Дала Трейд» похитило 5 млн тенге.", {"Агро Дала Трейд"}, []),
    ("Трек-номер посылки продавец так и не прислал.", set(), []),  # a common noun after the hyphen
    ("Абдул-Азиз Каримов задержан.", set(), ["Абдул-Азиз Каримов"]),
    ("Сотрудники ОП Медеуского района задержали троих.", {"ОП Медеуского района"}, []),
    ("Как сообщили в ДП на транспорте, задержан проводник.", {"ДП на транспорте"}, []),
]


@pytest.mark.parametrize(("text", "orgs", "persons"), ORGS)
def test_organisations(pipeline, text, orgs, persons):
    record = pipeline(text)
    names = {o.name for o in record.organisations}
    assert orgs <= names and not names & {"ИВС", "БИН", "Риддера", "Риддер"}
    assert [p.name for p in record.persons] == persons


def test_an_all_caps_headline_is_no_organisation(pipeline):
    record = pipeline("В ТАРАЗЕ И КАРАТАУ ЗАДЕРЖАНЫ ЧИНОВНИКИ АКИМАТОВ\n\nСотрудники КНБ задержали двоих.")
    assert [o.name for o in record.organisations] == ["КНБ"]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # after a word that takes the genitive, the name is read in the genitive
        ("По словам представителя ДЭР по СКО Ерлана Мукашева, задержан директор.", ["Ерлан Мукашев"]),
        ("По словам начальника полиции Айгерим Нурлановой, задержаны трое.", ["Айгерим Нурланова"]),
        ("Ерлана Мукашева рассказала о мошенниках.", ["Ерлана Мукашева"]),  # a woman, as written
        (
            "Как сообщил представитель ДП Руслан Калиев, задержаны трое.",
            ["Руслан Калиев"],
        ),  # the head is nominative
        (
            "Прокурор Актобе Канат Избасаров сообщил о деле.",
            ["Канат Избасаров"],
        ),  # no plural reading of a name
    ],
)
def test_person_after_a_genitive_head(pipeline, text, persons):
    assert [p.name for p in pipeline(text).persons] == persons


@pytest.mark.parametrize(
    "text",
    [
        "Кокшетау суд оштрафовал водителя.",
        "Пресс-служба областного суда сообщила о приговоре.",
        "Бухгалтер компании (ИИН 850101300123) задержана.",
    ],
)
def test_generic_bodies_and_id_numbers_are_no_organisations(pipeline, text):
    names = [o.name for o in pipeline(text).organisations]
    assert not any("суд" in n.lower() or "ИИН" in n or "Бухгалтер" in n for n in names), names
