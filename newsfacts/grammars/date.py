"""Dates: `21 января 2026 года`, `21.01.2026`, `с 18 по 20 апреля 2023 года`, `в апреле 2023 года`,
`за 2022 год`, `за 9 месяцев 2025 года`. A day or month without a year is left to the resolver."""

from __future__ import annotations

from yargy import or_, rule
from yargy.predicates import custom, dictionary, eq, in_caseless, type

from . import lexicon


def _day(value: str) -> bool:
    return value.isdigit() and 1 <= int(value) <= 31


def _year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100


DAY = custom(_day, types="NUM")
YEAR_NUMBER = custom(_year, types="NUM")
MONTH = dictionary(set(lexicon.months()))
YEAR_WORD = or_(rule(dictionary({"год"})), rule(in_caseless({"г"}), eq(".").optional()))
YEAR = rule(YEAR_NUMBER, or_(rule(eq("-"), in_caseless({"м", "го", "й"})), YEAR_WORD).optional())
MONTHS_COUNT = custom(lambda value: value.isdigit() and 1 <= int(value) <= 11, types="NUM")

DAY_DATE = rule(DAY, MONTH, YEAR.optional())
NUMERIC = rule(type("DATE"))
DAY_RANGE = rule(in_caseless({"с"}), DAY, rule(MONTH, YEAR.optional()).optional(), in_caseless({"по", "до"}), DAY_DATE)
MONTH_DATE = rule(MONTH, YEAR)
YEAR_DATE = rule(in_caseless({"в", "за", "на", "по", "итогам"}).optional(), YEAR_NUMBER, YEAR_WORD)
# `за 9 месяцев 2025 года`: the first months of that year
MONTHS_OF_YEAR = rule(in_caseless({"за"}), MONTHS_COUNT, dictionary({"месяц"}), YEAR_NUMBER, YEAR_WORD.optional())

DATE = or_(DAY_RANGE, DAY_DATE, NUMERIC, MONTHS_OF_YEAR, MONTH_DATE, YEAR_DATE)
