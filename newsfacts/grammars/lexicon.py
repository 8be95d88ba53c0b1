"""The vocabularies of the grammars, read from rules/ once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .. import resources


def _pairs(name: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in resources.table(name)]


@cache
def numerals() -> dict[str, Decimal]:
    return {word: Decimal(value) for word, value in _pairs("numerals.tsv")}


@cache
def collectives() -> dict[str, int]:
    return {word: int(value) for word, value in _pairs("collectives.tsv")}


@cache
def multipliers() -> dict[str, int]:
    return {word: int(value) for word, value in _pairs("multipliers.tsv")}


@cache
def currencies() -> dict[str, str]:
    """Written form or lemma -> ISO code."""
    return {form.rstrip("."): code for code, form in _pairs("currencies.tsv") if " " not in form}


@cache
def qualified_currencies() -> dict[tuple[str, str], str]:
    """(adjective lemma, noun lemma) -> ISO code: `шведская крона` is SEK, a `крона` alone is none."""
    from ..morph import lemmas

    found = {}
    for code, form in _pairs("currencies.tsv"):
        if " " in form:
            adjective, noun = form.split()
            for a in lemmas(adjective):
                for n in lemmas(noun):
                    found[(a, n)] = code
    return found


@cache
def currency_letters() -> dict[str, str]:
    """`Т` -> KZT: a letter typed for the sign, valid before a number only, as written (case matters)."""
    return {letter: code for code, letter in _pairs("currency_letters.tsv")}


@cache
def currency_abbreviations() -> set[str]:
    """`тг.`, `руб.`: written with a dot in rules/, so the dot after them belongs to the sum."""
    return {form.rstrip(".") for _code, form in _pairs("currencies.tsv") if form.endswith(".")}


@cache
def qualifiers() -> dict[tuple[str, ...], str]:
    """Words before a number (a tuple of lower-case words) -> qualifier."""
    return {tuple(words.split()): qualifier for qualifier, words in _pairs("qualifiers.tsv")}


@cache
def money_roles() -> dict[str, str]:
    """Lemma -> role, for the words that give a role wherever they stand near the sum."""
    return {row[1]: row[0] for row in resources.table("money_roles.tsv") if not row[2:] or row[2] == "own"}


@cache
def money_roles_own() -> frozenset[str]:
    """`own` words give their role only as the sum's nearest word: `добровольно` does not turn the damage
    of `добровольно вложила 4 млн` into a sum paid back."""
    return frozenset(row[1] for row in resources.table("money_roles.tsv") if row[2:] == ("own",))


@cache
def money_roles_ahead() -> dict[str, str]:
    """Lemma -> role, for a word that gives its role only before the sum: `договор на ремонт на сумму 750 млн`
    is a contract's sum; in `платили 500 тыс. за подписание договоров` the contract says nothing of it."""
    return {row[1]: row[0] for row in resources.table("money_roles.tsv") if row[2:] == ("before",)}


@cache
def money_roles_inside() -> dict[str, str]:
    """Lemma -> role, for a word that gives its role only inside the sum (`20 тыс. фальшивых долларов`)."""
    return {row[1]: row[0] for row in resources.table("money_roles.tsv") if row[2:] == ("in",)}


@cache
def money_roles_before() -> dict[tuple[str, str], str]:
    """(lemma, preposition) -> role, for a word that gives its role only right before `<preposition> <sum>`:
    `протокол на 7 тысяч сомов` is a fine, a bribe is `протокол ... за`."""
    return {
        (row[1], row[2][1:]): row[0]
        for row in resources.table("money_roles.tsv")
        if row[2:] and row[2].startswith("+")
    }


@cache
def count_nouns() -> dict[str, str]:
    return {lemma: kind for kind, lemma in _pairs("count_nouns.tsv")}


@cache
def person_nouns() -> frozenset[str]:
    """The nouns of count_nouns.tsv that count people (kind `persons`)."""
    return frozenset(lemma for lemma, kind in count_nouns().items() if kind == "persons")


@cache
def count_triggers() -> dict[str, str]:
    # lower case, as `lemmas` reads words: `ИВС`, `СИЗО` are written in capitals in rules/
    return {lemma.lower(): kind for kind, lemma in _pairs("count_triggers.tsv")}


@cache
def detention_words() -> frozenset[str]:
    """The lemmas of count_triggers.tsv that say people were detained (`задержать`, `стража`, `СИЗО`)."""
    return frozenset(lemma for lemma, kind in count_triggers().items() if kind == "detained")


@cache
def months() -> dict[str, int]:
    return {name: int(number) for number, name in _pairs("months.tsv")}


@cache
def relative_dates() -> dict[str, tuple[str, int]]:
    """Lemma -> (unit, how many back): `прошлый` -> ("year", 1), `вчера` -> ("day", 1)."""
    return {row[1]: (row[0], int(row[2])) for row in resources.table("relative_dates.tsv")}


@cache
def seasons() -> dict[str, tuple[int, int]]:
    """`весна` -> (3, 5); `зима` -> (12, 2): into the next year."""
    return {row[0]: (int(row[1]), int(row[2])) for row in resources.table("seasons.tsv")}


@cache
def periods() -> dict[str, int]:
    """`полугодие` -> 6 months, `квартал` -> 3."""
    return {word: int(months) for word, months in _pairs("periods.tsv")}


@cache
def ordinals() -> dict[str, int]:
    return {word: int(number) for word, number in _pairs("ordinals.tsv")}


@cache
def role_context() -> list[tuple[str, list[str]]]:
    """(role, word stems) in the order of rules/role_context.tsv."""
    return [
        (role, [s.strip() for s in stems.split(",") if s.strip()])
        for role, stems in _pairs("role_context.tsv")
    ]


@cache
def role_context_patterns() -> list[tuple[str, re.Pattern]]:
    """role_context() with each role's stems as one pattern: one of them at the start of a word."""
    return [
        (role, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")"))
        for role, stems in role_context()
        if stems
    ]


@cache
def goods() -> frozenset[str]:
    """Lemmas of goods whose worth follows them after `на` (`продуктов на 55 млн`)."""
    return frozenset(w.lower() for w in resources.words("goods_words.txt"))


@cache
def animals() -> frozenset[str]:
    """Animate nouns that are no people (rules/animal_words.txt)."""
    return frozenset(w.lower() for w in resources.words("animal_words.txt"))


@cache
def violation_cues() -> frozenset[str]:
    """rules/violation_cues.txt: words before a bare count of offences that make them administrative."""
    return frozenset(w.lower() for w in resources.words("violation_cues.txt"))


@cache
def violation_words() -> frozenset[str]:
    """Lemmas that make a count of `фактов`/`случаев` one of administrative violations."""
    return frozenset(w.lower() for w in resources.words("violation_words.txt"))


@cache
def lost_not_robbed() -> frozenset[str]:
    """What people lose without being robbed (`лишились прав`): no victims."""
    return frozenset(resources.words("lost_not_robbed.txt"))


@cache
def anaphora() -> frozenset[str]:
    """Words that point back at people already named (`Подозреваемый водворен в ИВС`)."""
    return frozenset(resources.words("anaphora.txt"))


@cache
def custody() -> frozenset[str]:
    """Lemmas of the custody that follows a detention (`водворен в ИВС`)."""
    return frozenset(resources.words("custody.txt"))


@cache
def refund_fraud() -> frozenset[str]:
    """Names of refunds that are the crime itself (`НДС`), upper case."""
    return frozenset(w.upper() for w in resources.words("refund_fraud.txt"))


@dataclass(frozen=True)
class SeizedItem:
    stem: str
    item: str
    cls: str
    weak: bool  # names only the class (`наркотиков`): a more specific word near it wins


SEIZED_CLASSES = ("drugs", "tobacco", "wildlife", "weapons", "goods")


@cache
def seized_items() -> tuple[SeizedItem, ...]:
    """rules/seized_items.tsv, longest stem first (`синтетическ` before `син...`); item `-`: no item."""
    found = []
    for row in resources.table("seized_items.tsv"):
        if (
            len(row) < 3
            or row[2] not in (*SEIZED_CLASSES, "-")
            or (len(row) > 3 and row[3] not in ("", "weak"))
        ):
            raise ValueError(f"rules/seized_items.tsv: bad row {row!r}")
        found.append(SeizedItem(row[0].lower(), row[1], row[2], len(row) > 3 and row[3] == "weak"))
    return tuple(sorted(found, key=lambda i: -len(i.stem)))


@cache
def seized_units() -> dict[str, tuple[str, Decimal]]:
    """Unit word (lemma, or abbreviation without its dot) -> (unit, how many of that unit it is)."""
    found = {}
    for row in resources.table("seized_units.tsv"):
        if (
            len(row) < 3
            or row[1] not in ("kg", "l", "pcs", "pack", "block")
            or (len(row) > 3 and row[3] not in ("", "container"))
        ):
            raise ValueError(f"rules/seized_units.tsv: bad row {row!r}")
        found[row[0].rstrip(".").lower()] = (row[1], Decimal(row[2]))
    return found


@cache
def seized_containers() -> frozenset[str]:
    """Unit words marked `container`: boxes that count goods (`13 000 коробок сигарет`); a box of drugs is
    a packet of unknown weight, no quantity of them."""
    return frozenset(
        row[0].rstrip(".").lower()
        for row in resources.table("seized_units.tsv")
        if len(row) > 3 and row[3] == "container"
    )


@cache
def seized_unit_abbreviations() -> frozenset[str]:
    return frozenset(
        row[0].rstrip(".").lower() for row in resources.table("seized_units.tsv") if row[0].endswith(".")
    )


@cache
def seized_trigger_starts() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The triggers by their first word: first lemma -> ((lemmas, kind), ...)."""
    found: dict[str, list] = {}
    for words, kind in seized_triggers().items():
        found.setdefault(words[0], []).append((words, kind))
    return {w: tuple(c) for w, c in found.items()}


@cache
def seized_measures() -> frozenset[str]:
    """Lemmas that give the weight of what an earlier sentence found (`весом`, `экспертиза`)."""
    return frozenset(w.lower() for w in resources.words("seized_measures.txt"))


@cache
def seizing_words() -> frozenset[str]:
    """The one-word triggers of rules/seized_triggers.tsv that say a thing was seized or found."""
    return frozenset(w[0] for w, kind in seized_triggers().items() if kind == "seized" and len(w) == 1)


@cache
def seized_triggers() -> dict[tuple[str, ...], str]:
    """Lemmas (one, or several in a row: `при себя`) -> `seized` or `none`."""
    found = {}
    for kind, lemmas in _pairs("seized_triggers.tsv"):
        if kind not in ("seized", "none"):
            raise ValueError(f"rules/seized_triggers.tsv: bad kind {kind!r}")
        found[tuple(lemmas.lower().split())] = kind
    return found
