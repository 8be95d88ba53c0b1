"""Amounts: `4,2 млн`, `1 700 000`, `трех млрд`, `сто двадцать тысяч`, `2 млрд 277 млн`, `полтора миллиона`.

The grammar finds where an amount is; `amount_value` reads its tokens into an exact Decimal.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from yargy import or_, rule
from yargy.predicates import custom, dictionary, eq, in_caseless
from yargy.predicates.bank import Predicate

from . import lexicon


def _valid_number(value: str) -> bool:
    digits = value.replace(" ", "").replace(".", "").replace(",", "")
    return not (len(digits) > 1 and digits[0] == "0" and value[1] not in ",.")


# a token's readings, by its list of forms (kept in the entry: a list's id is never reused while it is
# here): the rules ask for them again and again, and a match's token may carry fewer forms than the word
_LEMMAS: dict[int, tuple[list, frozenset[str]]] = {}


def lemmas(token) -> frozenset[str]:
    forms = getattr(token, "forms", None)
    if not forms:
        return frozenset({token.value.lower()})
    found = _LEMMAS.get(id(forms))
    if found is None or found[0] is not forms:
        if len(_LEMMAS) > 100_000:
            _LEMMAS.clear()
        found = _LEMMAS[id(forms)] = (forms, frozenset(form.normalized for form in forms))
    return found[1]


class LemmaIn(Predicate):
    """A word whose lemma (as `lemmas` reads it) is one of `words`. yargy's `dictionary` lemmatises the
    words it is given as well, and `сум` (the Uzbek currency) becomes `сума` there and never matches;
    used beside `dictionary`, which in turn knows that pymorphy reads `тенге` as `тенг`."""

    __attributes__ = ["words"]

    def __init__(self, words):
        self.words = frozenset(words)

    def __call__(self, token):
        return bool(lemmas(token) & self.words) or token.value.lower() in self.words

    def gate(self) -> list[tuple]:
        """What a token that satisfies it has (windows._gate): one of the lemmas, or the text."""
        return [(kind, word) for word in self.words for kind in ("n", "l")]


class FormWith(Predicate):
    """A word with one reading that has all these grammemes: `и` across readings is not enough, `того`
    is an animate pronoun in one reading and a noun (the country) in another."""

    __attributes__ = ["grams", "without"]

    def __init__(self, *grams: str, without: tuple[str, ...] = ()):
        self.grams, self.without = grams, without
        self._all, self._none = frozenset(grams), frozenset(without)  # (as sets: a word's class asks it)

    def __call__(self, token):
        needed, barred = self._all, self._none
        return any(
            needed <= form.grams.values and barred.isdisjoint(form.grams.values)
            for form in getattr(token, "forms", ())
        )

    def gate(self) -> list[tuple] | None:
        """What a token that satisfies it has (windows._gate): a grammeme of a form, the narrowest one
        (`anim` of `NOUN anim sing`: a third of all words are nouns, and a word's class asks the gated
        predicates of every word that passes the gate)."""
        if not self.grams:
            return None
        return [("g", next((g for g in self.grams if g not in _BROAD_GRAMS), self.grams[0]))]


# grammemes that most words have a form with: a poor gate when a narrower one is at hand
_BROAD_GRAMS = frozenset(
    {"NOUN", "ADJF", "VERB", "sing", "plur", "nomn", "accs", "gent", "masc", "femn", "neut"}
)


# `несколько млн тенге`, `сотни млрд`: a multiplier shortened is never one on its own (`миллион тенге` is)
ABBREVIATED = ("млн", "млрд", "трлн", "тыс")


class SingularMultiplier(Predicate):
    """`миллион`, `тысячу` standing alone mean one; `тысячи`, `миллионов` alone mean "many": skipped."""

    __attributes__ = []

    def __call__(self, token):
        return any(
            form.normalized in lexicon.multipliers()
            and "sing" in form.grams
            and ("nomn" in form.grams or "accs" in form.grams)
            for form in getattr(token, "forms", ())
        ) and token.value.lower() not in ("тысячи", "миллиона", "миллиарда", "триллиона", *ABBREVIATED)

    def gate(self) -> list[tuple]:
        return [("n", word) for word in lexicon.multipliers()]


NUM = rule(custom(_valid_number, types="NUM"))
NUM_WORD = dictionary(set(lexicon.numerals()))
MULT = rule(dictionary(set(lexicon.multipliers())), eq(".").optional())
COLLECTIVE = dictionary(set(lexicon.collectives()))

NUMBER_PART = or_(NUM, rule(NUM_WORD.repeatable(max=4)))
SCALED = rule(NUMBER_PART, MULT)
# `миллион двести тысяч тенге`: a lone `миллион` heads the parts after it; parsed as a group of its own
# (money.RARE_FORMS), not a part of AMOUNT, where it would widen every grammar's windows (and with its own
# rule objects: yargy loses matches when one bounded-repeat rule sits in two alternatives)
LEADING_ONE = rule(
    SingularMultiplier(),
    rule(or_(NUM, rule(NUM_WORD.repeatable(max=4))), MULT).repeatable(max=3),
)


class GenitiveMultiplier(Predicate):
    """`миллиарда`, `миллиона`: one multiplier in the genitive singular, as a qualifier governs it."""

    __attributes__ = []

    WORDS = ("тысячи", "миллиона", "миллиарда", "триллиона")

    def __call__(self, token):
        return token.value.lower() in self.WORDS

    def gate(self) -> list[tuple]:
        return [("l", word) for word in self.WORDS]


# `свыше миллиарда трёхсот миллионов тенге`: one (in the genitive, after a qualifier) and parts after it;
# parsed apart like LEADING_ONE (money.RARE_FORMS)
QUALIFIED_ONE = rule(
    GenitiveMultiplier(),
    rule(or_(NUM, rule(NUM_WORD.repeatable(max=4))), MULT).repeatable(max=3),
)
# `2 млрд 277 млн`, `5 миллионов 300 тысяч`: descending parts; checked in amount_value.
# `12 миллионов 450 тысяч 120 сомов`: the units after the last multiplier (checked in amount_value)
AMOUNT = or_(rule(SCALED.repeatable(max=4), NUM), rule(SCALED.repeatable(max=4)), NUMBER_PART)
SCALED_AMOUNT = rule(SCALED.repeatable(max=4))
QUALIFIER = or_(*[rule(*[in_caseless({word}) for word in words]) for words in lexicon.qualifiers()])
# `миллион тенге` alone is one million; `более тысячи` is more than one thousand; `тысячи` alone is "many".
LONE_MULTIPLIER = or_(rule(SingularMultiplier(), eq(".").optional()), rule(QUALIFIER, MULT))


def parse_number(value: str) -> Decimal | None:
    """`1 700 000`, `1.700.000`, `12500` -> int-valued; `4,2`, `1.5` -> decimal."""
    text = value.replace(" ", "")
    parts = text.split(".")
    if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
        text = text.replace(".", "")  # dots grouping thousands
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def amount_value(tokens) -> Decimal | None:
    """Exact value of the tokens of an AMOUNT; None when the parts do not add up to one number."""
    total = Decimal(0)
    group: Decimal | None = None
    last_multiplier = None
    grouped_by_dots = False
    for token in tokens:
        if token.type == "NUM":
            if group is not None:
                return None  # two numbers in a row: never glued
            group = parse_number(token.value)
            grouped_by_dots = "." in token.value and len(token.value.split(".")[-1]) == 3
            if group is None:
                return None
            continue
        if token.value == ".":
            continue
        words = lemmas(token)
        multiplier = next((lexicon.multipliers()[w] for w in words if w in lexicon.multipliers()), None)
        if multiplier is not None:
            if last_multiplier is not None and multiplier >= last_multiplier:
                return None  # `5 тыс. 3 млн` is not one amount
            if grouped_by_dots:
                return (
                    None  # `1.500 млн`: a thousands dot or a decimal one? Better no number than a wrong one.
                )
            total += (group if group is not None else Decimal(1)) * multiplier
            group, last_multiplier = None, multiplier
            continue
        numeral = next((lexicon.numerals()[w] for w in words if w in lexicon.numerals()), None)
        if numeral is None:
            numeral = next(
                (Decimal(lexicon.collectives()[w]) for w in words if w in lexicon.collectives()), None
            )
        if numeral is None:
            return None
        group = (group or Decimal(0)) + numeral
    if group is not None:
        if last_multiplier is not None and group >= last_multiplier:
            return None
        total += group
    return total
