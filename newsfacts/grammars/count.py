"""Counts of people and crimes: `группа из 24 граждан`, `20 потерпевших`, `более четырех тысяч
интернет-мошенничеств`, `задержаны трое`, `задержан 35-летний житель` (one person; the age is no count)."""

from __future__ import annotations

from yargy import and_, or_, rule
from yargy.predicates import dictionary, eq, gram, in_caseless, type

from . import lexicon
from .number import AMOUNT, COLLECTIVE, LONE_MULTIPLIER, QUALIFIER

_NOUNS = lexicon.count_nouns()
PERSON_NOUN = dictionary({lemma for lemma, kind in _NOUNS.items() if kind == "persons"})
COUNTED_NOUN = dictionary(set(_NOUNS))
# `интернет-мошенничеств`: a word and a hyphen glued before the noun.
PREFIX = rule(type("RU"), eq("-"))
ADJECTIVE = or_(rule(gram("ADJF")), rule(gram("PRTF")), PREFIX)
GROUP = rule(dictionary({"группа", "состав", "число"}), eq("из"))

NUMBER = or_(AMOUNT, LONE_MULTIPLIER)
COUNTED = rule(
    GROUP.optional(), QUALIFIER.optional(), NUMBER, ADJECTIVE.repeatable(max=3).optional(), COUNTED_NOUN
)
# `задержаны трое`, `двоих подозреваемых`
COLLECTIVE_COUNT = rule(COLLECTIVE, ADJECTIVE.repeatable(max=2).optional(), PERSON_NOUN.optional())

# One person: `задержан уроженец`, `задержана 40-летняя жительница`, `задержали подозреваемого`.
AGE = rule(type("NUM"), eq("-"), type("RU"))
DETAIN = dictionary({lemma for lemma, kind in lexicon.count_triggers().items() if kind == "detained"})
# `задержан`/`задержана` (singular participle) or an active verb (`задержали жителя`) with one person.
DETAIN_ONE = and_(DETAIN, or_(and_(gram("PRTS"), gram("sing")), gram("VERB")))
# `водворен в ИВС 28-летний житель`, `взят под стражу житель`: where to, between the verb and the person.
WHERE_TO = rule(in_caseless({"в", "под"}), type("RU"))
ONE_PERSON = rule(
    DETAIN_ONE,
    WHERE_TO.optional(),
    or_(AGE, ADJECTIVE).repeatable(max=3).optional(),
    and_(PERSON_NOUN, gram("sing")),
)
COUNT = or_(COUNTED, COLLECTIVE_COUNT, ONE_PERSON)
