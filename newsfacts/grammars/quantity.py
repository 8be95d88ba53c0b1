"""Quantities of what was seized: `более 42,5 кг гашиша`, `1,2 тонны марихуаны`, `120 г героина`,
`4 800 блоков сигарет`, `57 единиц незарегистрированного оружия`, `214 рогов сайгака`, `300 патронов`.

The grammar finds a quantity and the item right after it; whether it was seized (a trigger word near it),
which item it is (rules/seized_items.tsv) and the value in kg, l or pieces are read in facts.py."""

from __future__ import annotations

from functools import cache, lru_cache

from yargy import or_, rule
from yargy.predicates import eq, gram, in_, in_caseless
from yargy.predicates.bank import Predicate

from . import lexicon
from .number import AMOUNT, QUALIFIER, LemmaIn

MAX_ENDING = 4  # letters after a stem: `рог` is `рогов`, never `рогатого`


@lru_cache(maxsize=100_000)
def item_of(word: str) -> lexicon.SeizedItem | None:
    """The item a word names (rules/seized_items.tsv): the longest stem the word starts with, followed by
    an ending of at most MAX_ENDING letters."""
    word = word.lower().replace("ё", "е")
    stems = _by_stem()
    for length in range(len(word), max(0, len(word) - MAX_ENDING) - 1, -1):  # longest stem first
        item = stems.get(word[:length])
        if item is not None:
            return None if item.item == "-" else item  # (`товарищ` is no `товар`)
    return None


@cache
def _by_stem() -> dict[str, lexicon.SeizedItem]:
    """The items by stem (of one stem listed twice, the first)."""
    found: dict[str, lexicon.SeizedItem] = {}
    for item in lexicon.seized_items():
        found.setdefault(item.stem, item)
    return found


class ItemWord(Predicate):
    """A word that names a seized item; `noun`: only a noun (what is counted: `214 рогов`)."""

    __attributes__ = ["noun"]

    def __init__(self, noun: bool = False):
        self.noun = noun

    def __call__(self, token):
        if token.type != "RU" or item_of(token.value) is None:
            return False
        if not self.noun:
            return True
        # (not a word that may be an adjective of the next noun: `двух золотых слитков` are no two golds)
        forms = getattr(token, "forms", ())
        return any("NOUN" in f.grams for f in forms) and not any("ADJF" in f.grams for f in forms)

    def gate(self) -> list[tuple]:
        """What a token that satisfies it has (windows._gate): the type."""
        return [("t", "RU")]


_UNITS = lexicon.seized_units()
_ABBREVIATIONS = lexicon.seized_unit_abbreviations()
UNIT = or_(
    rule(LemmaIn({word for word in _UNITS if word not in _ABBREVIATIONS})),
    rule(in_caseless(_ABBREVIATIONS), eq(".").optional()),
)


def modifiers(most: int):
    """`огнестрельного`, `контрафактной`: a new rule object at each use (yargy loses matches when one
    bounded-repeat rule object sits in two alternatives)."""
    return or_(rule(gram("ADJF")), rule(gram("PRTF"))).repeatable(max=most).optional()


# `42,5 кг гашиша`, `1,2 тонны дизельного топлива`, `2 кг 300 граммов героина`, `от 2 до 3 кг`, `2-3 кг`;
# the item may come later (`2 кг наркотического средства «гашиш»`) or before (`героин массой 120 граммов`):
# looked for in facts.py. (The low end of a range is an optional part before the amount, not a rule of its
# own: the window parser then knows that every match holds a unit, and parses only windows with one.)
DASH = in_({"-", "—", "–"})
LOW_END = rule(AMOUNT, or_(rule(in_caseless({"до"})), rule(DASH)))
HALF = rule(eq("с"), in_caseless({"половиной"}))  # `двух с половиной килограммов`
MEASURED = rule(
    QUALIFIER.optional(),
    LOW_END.optional(),
    AMOUNT,
    HALF.optional(),
    UNIT,
    rule(AMOUNT, UNIT).optional(),
    modifiers(3),
    ItemWord().optional(),
)


class OneUnit(Predicate):
    """A unit word, written out, in the singular: `килограмма` in `свыше килограмма` is one kilogram."""

    __attributes__ = []

    def __call__(self, token):
        return any(
            form.normalized in _UNITS and form.normalized not in _ABBREVIATIONS and "sing" in form.grams
            for form in getattr(token, "forms", ())
        )

    def gate(self) -> list[tuple]:
        return [("n", word) for word in _UNITS]


# `свыше килограмма кокаина`, `более тонны 300 кг наркотиков`: one unit, said with a qualifier and no
# number (a bare `тонны наркотиков` is "tons of", no quantity); parsed apart, its unit is its anchor
ONE_UNIT = rule(
    QUALIFIER,
    OneUnit(),
    rule(AMOUNT, UNIT).optional(),
    modifiers(3),
    ItemWord().optional(),
)
# `214 рогов сайгака`, `300 патронов`, `два охотничьих ружья`: counted one by one
COUNTED = rule(QUALIFIER.optional(), AMOUNT, modifiers(2), ItemWord(noun=True))
QUANTITY = or_(MEASURED, COUNTED)
