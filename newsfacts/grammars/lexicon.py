"""The vocabularies of the grammars, read from rules/ once per process."""

from __future__ import annotations

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
def currency_abbreviations() -> set[str]:
    """`тг.`, `руб.`: written with a dot in rules/, so the dot after them belongs to the sum."""
    return {form.rstrip(".") for _code, form in _pairs("currencies.tsv") if form.endswith(".")}


@cache
def qualifiers() -> dict[tuple[str, ...], str]:
    """Words before a number (a tuple of lower-case words) -> qualifier."""
    return {tuple(words.split()): qualifier for qualifier, words in _pairs("qualifiers.tsv")}


@cache
def money_roles() -> dict[str, str]:
    return {lemma: role for role, lemma in _pairs("money_roles.tsv")}


@cache
def count_nouns() -> dict[str, str]:
    return {lemma: kind for kind, lemma in _pairs("count_nouns.tsv")}


@cache
def count_triggers() -> dict[str, str]:
    return {lemma: kind for kind, lemma in _pairs("count_triggers.tsv")}


@cache
def months() -> dict[str, int]:
    return {name: int(number) for number, name in _pairs("months.tsv")}


@cache
def relative_dates() -> dict[str, tuple[str, int]]:
    """Lemma -> (unit, how many back): `прошлый` -> ("year", 1), `вчера` -> ("day", 1)."""
    return {row[1]: (row[0], int(row[2])) for row in resources.table("relative_dates.tsv")}


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
