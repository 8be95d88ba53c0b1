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


def test_counting_by_runs_is_counting_letters():
    """detect counts letters by their runs: the verdicts of counting them one by one."""
    import re
    from pathlib import Path

    from newsfacts import language

    def one_by_one(text: str) -> str:
        letters = len(re.findall(r"[^\W\d_]", text))
        if letters == 0 or len(re.findall(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]", text)) / letters < 0.5:
            return "other"
        words = language.CYRILLIC_WORD.findall(text)
        kazakh = sum(1 for w in words if language.KAZAKH_LETTERS.search(w)) / len(words)
        russian = sum(1 for w in words if w.lower() in language._russian_words()) / len(words)
        kk = kazakh >= language.ALL_KAZAKH or (
            kazakh >= language.KAZAKH_WORDS and russian < language.RUSSIAN_WORDS
        )
        return "kk" if kk else "ru"

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    lines = [
        line for p in sorted(corpus.rglob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
    ]
    lines += ["", "123 456", "Hello мир", "Қазақстан Республикасы", "x² ½ мир", "ӘӘӘ abc", "_ _ мир"]
    for line in lines:
        assert language.detect(line) == one_by_one(line), line
