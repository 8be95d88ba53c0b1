"""Amounts (newsfacts/grammars/number.py): every cardinal in every case and gender, collectives,
compounds, and digit shapes read to one exact value."""

from decimal import Decimal

import pytest
from yargy import Parser

from newsfacts.grammars.number import AMOUNT, amount_value
from newsfacts.grammars.tokenizer import NewsTokenizer
from newsfacts.morph import analyzer

CARDINALS = {
    1: "один", 2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять",
    10: "десять", 11: "одиннадцать", 12: "двенадцать", 13: "тринадцать", 14: "четырнадцать",
    15: "пятнадцать", 16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать", 19: "девятнадцать",
    20: "двадцать", 30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят",
    80: "восемьдесят", 90: "девяносто", 100: "сто", 200: "двести", 300: "триста", 400: "четыреста",
    500: "пятьсот", 600: "шестьсот", 700: "семьсот", 800: "восемьсот", 900: "девятьсот",
}  # fmt: skip

PHRASES = [
    ("полтора", Decimal("1.5")),
    ("полутора", Decimal("1.5")),
    ("полторы", Decimal("1.5")),
    ("двадцати пяти", 25),
    ("ста двадцати", 120),
    ("тремястами сорока двумя", 342),
    ("трех млрд", 3_000_000_000),
    ("полутора миллиардов", 1_500_000_000),
    ("2 млрд 277 млн", 2_277_000_000),
    ("1 млн 200 тыс.", 1_200_000),
    ("5 миллионов 300 тысяч", 5_300_000),
    ("4,2 млн", 4_200_000),
    ("1.5 млн", 1_500_000),
    ("1 700 000", 1_700_000),
    ("1.700.000", 1_700_000),
    ("12500", 12_500),
    ("3,5 тыс.", 3_500),
]


@pytest.fixture(scope="module")
def parser():
    return Parser(AMOUNT, tokenizer=NewsTokenizer(morph=analyzer()))


def read(parser, text):
    matches = list(parser.findall(text))
    assert len(matches) == 1, [m.tokens for m in matches]
    assert text[matches[0].span.start : matches[0].span.stop] == text  # the whole phrase is one amount
    return amount_value(matches[0].tokens)


@pytest.mark.parametrize(("value", "lemma"), CARDINALS.items())
def test_every_form_of_a_cardinal(parser, value, lemma):
    import pymorphy2

    forms = {form.word for form in pymorphy2.MorphAnalyzer().parse(lemma)[0].lexeme}
    assert lemma in forms
    for form in sorted(forms):
        assert read(parser, form) == value, form


@pytest.mark.parametrize(("text", "value"), PHRASES)
def test_amount(parser, text, value):
    assert read(parser, text) == value


@pytest.mark.parametrize("text", ["5 тыс. 3 млн", "1.500 млн"])
def test_not_one_amount(parser, text):
    """Parts that do not add up to one number give no value rather than a wrong one."""
    values = [amount_value(m.tokens) for m in parser.findall(text)]
    assert None in values or len(values) > 1


def test_words_first_in_the_tokenizer_change_no_token():
    # the word rules tried first (fewer tries per position): the tokens of the numbers-first order
    from pathlib import Path

    from yargy.tokenizer import MorphTokenizer

    from newsfacts.grammars import tokenizer as t

    numbers_first = MorphTokenizer(
        rules=[t.PHONE, t.DATE, t.GROUPED_DECIMAL, t.GROUPED, t.DECIMAL, t.INTEGER, t.SYMBOL, *t.STOCK_RULES]
    )
    ours = NewsTokenizer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("corpus/*.txt"))]
    texts.append("8 701 234 56 78, +7 (701) 234-56-78; 1 700 000 тенге, 4,2 млн $, 17.02.2025, ~5 € и 3/4")
    for text in texts:
        made = [(x.value, x.span.start, x.span.stop, x.type) for x in ours(text)]
        assert made == [(x.value, x.span.start, x.span.stop, x.type) for x in numbers_first(text)]
