"""Sums of money: `свыше трех млрд тенге`, `$50 тыс.`, `от 5 до 10 млн тенге`, `200 МРП`, `еще 13 млн`."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import dictionary, eq, gram, in_, in_caseless

from . import lexicon
from .number import (
    AMOUNT,
    LEADING_ONE,
    LONE_MULTIPLIER,
    MULT,
    NUM,
    NUM_WORD,
    QUALIFIED_ONE,
    QUALIFIER,
    SCALED_AMOUNT,
    GenitiveMultiplier,
    LemmaIn,
    SingularMultiplier,
)

_WORDS = {form for form in lexicon.currencies() if form.isalpha() and not form.isupper()}
_SIGNS = {form for form in lexicon.currencies() if form not in _WORDS}
_CODES = {form for form in _SIGNS if form.isalpha()}  # USD, KZT: written `usd` too

_ABBREVIATIONS = lexicon.currency_abbreviations()
_QUALIFIED = {noun for _adjective, noun in lexicon.qualified_currencies()}  # крона: its adjective says whose
CURRENCY_WORD = rule(
    gram("ADJF").optional(),  # российских рублей, американских долларов
    or_(
        rule(or_(dictionary(_WORDS - _ABBREVIATIONS), LemmaIn((_WORDS - _ABBREVIATIONS) | _QUALIFIED))),
        rule(in_caseless(_ABBREVIATIONS), eq(".").optional()),
    ),
    in_caseless({"США", "сша"}).optional(),
)
CURRENCY_SIGN = rule(or_(in_(_SIGNS - _CODES), in_caseless(_CODES)))
CURRENCY = or_(CURRENCY_WORD, CURRENCY_SIGN)
DASH = in_({"-", "—"})
UNIT_AMOUNT = or_(AMOUNT, LONE_MULTIPLIER)

# `оценивается примерно в 9 млн`, `продавал примерно по 450 тыс.`: a preposition may follow the qualifier
QUALIFIED = rule(QUALIFIER, in_caseless({"в", "по", "на"}).optional())
# `500 000 (пятьсот тысяч) тенге`: the amount spelled out again, as contracts and verdicts write it
# (number words only, its own repeat: yargy loses matches when one bounded-repeat rule sits in two places)
SPELLED_OUT = rule(eq("("), or_(NUM_WORD, dictionary(set(lexicon.multipliers()))).repeatable(max=8), eq(")"))
PLAIN = rule(QUALIFIED.optional(), UNIT_AMOUNT, CURRENCY)
# (an alternative of its own: an optional part inside PLAIN makes yargy lose `2 млрд 277 млн тенге`)
SPELLED = rule(QUALIFIED.optional(), NUM, MULT.optional(), SPELLED_OUT, CURRENCY)
SIGN_FIRST = or_(
    rule(QUALIFIER.optional(), CURRENCY_SIGN, AMOUNT),  # $50 тыс.
    rule(QUALIFIER.optional(), in_(set(lexicon.currency_letters())), SCALED_AMOUNT),  # Т 120 млн
)
RANGE = or_(
    rule(in_caseless({"от", "с"}), AMOUNT, in_caseless({"до"}), AMOUNT, CURRENCY),  # `с` a change
    rule(
        in_caseless({"от"}), AMOUNT, CURRENCY, in_caseless({"до"}), AMOUNT, CURRENCY
    ),  # `от 500 рублей до 20 тысяч рублей`
    rule(AMOUNT, DASH, AMOUNT, CURRENCY),
)
# `перевела 4 млн тенге, а затем еще 13 млн`: kept only where a sum with a currency came before it.
ELIDED = or_(
    rule(QUALIFIER.optional(), SCALED_AMOUNT),
    rule(AMOUNT, DASH, SCALED_AMOUNT),  # `по мелким делам ущерб составлял 2-5 миллионов`
)
LEADING = rule(QUALIFIED.optional(), LEADING_ONE, CURRENCY)  # `миллион двести тысяч тенге`
LEADING_AFTER_QUALIFIER = rule(
    QUALIFIER, QUALIFIED_ONE, CURRENCY
)  # `свыше миллиарда трёхсот миллионов тенге`
# `за 4 миллиона (!) тенге`: the writer's exclamation between the amount and its currency
EXCLAIMED = rule(QUALIFIED.optional(), UNIT_AMOUNT, eq("("), eq("!"), eq(")"), CURRENCY)
MONEY = or_(RANGE, PLAIN, SIGN_FIRST, ELIDED, EXCLAIMED)
# SPELLED and LEADING reach far: parsed apart, only around a bracket or a lone `миллион` (see facts.py),
# so that they do not widen the windows of every sum
RARE_FORMS = [
    (SPELLED, [eq("(")]),
    (LEADING, [SingularMultiplier()]),
    (LEADING_AFTER_QUALIFIER, [GenitiveMultiplier()]),
]
