"""Which language a text is in."""

import pytest

from newsfacts.language import detect

CASES = [
    ("В Алматы задержаны мошенники, похитившие 5 млн тенге.", "ru"),
    ("Алматыда алаяқтар ұсталды, олар 5 млн теңге ұрлаған.", "kk"),
    ("Police detained three people in Almaty.", "other"),
    ("12345 67 89", "other"),
    ("Жительница Шымкента Әсел Нұрланқызы обратилась в полицию, сообщив о краже.", "ru"),
]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_detect(text, lang):
    assert detect(text) == lang


def test_kazakh_text_has_no_facts(pipeline):
    record = pipeline("Алматыда алаяқтар ұсталды. Олар 5 млн теңге ұрлаған, 20 адам зардап шекті.")
    assert record.lang == "kk" and record.facts == [] and record.warnings


def test_mixed_text_keeps_its_russian_facts(pipeline):
    text = "Шымкентте алаяқтар ұсталды, олар 5 млн теңге ұрлаған.\n\nВ Шымкенте задержаны трое мошенников."
    record = pipeline(text)
    assert record.lang == "ru"
    assert [(f.kind, f.value, f.city) for f in record.facts] == [("detained", 3, "Шымкент")]
    assert [c.mentions for c in record.cities] == [
        [(text.index("В Шымкенте") + 2, text.index("В Шымкенте") + 10)]
    ]
