"""Dates: `21 января 2026 года`, `21.01.2026`, `с 18 по 20 апреля 2023 года`, `в апреле 2023 года`,
`за 2022 год`, `за 9 месяцев 2025 года`; relative ones (`в прошлом году`, `с начала года`, `вчера`,
`за 9 месяцев`) are found here and resolved only against a reference date."""

from __future__ import annotations

from yargy import and_, or_, rule
from yargy.predicates import custom, dictionary, eq, gram, in_, in_caseless, length_eq, type

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
MONTHS_NUMBER = custom(lambda value: value.isdigit() and 1 <= int(value) <= 11, types="NUM")
# `за девять месяцев 2025 года`: the count in words too
MONTHS_WORD = dictionary(
    {word for word, value in lexicon.numerals().items() if 1 <= value <= 11 and value == int(value)}
)
MONTHS_COUNT = or_(rule(MONTHS_NUMBER), rule(MONTHS_WORD))

DAY_DATE = rule(DAY, MONTH, rule(eq(",").optional(), YEAR).optional())  # (`12 января, 2026`)
NUMERIC = rule(type("DATE"))
DAY_RANGE = or_(
    rule(
        in_caseless({"с"}), DAY, rule(MONTH, YEAR.optional()).optional(), in_caseless({"по", "до"}), DAY_DATE
    ),
    rule(DAY, in_({"-", "—"}), DAY_DATE),  # `на 14-16 марта 2026 года`
)
# `в начале марта (2025 года)`: the part of the month is not told apart, the whole month is the date
PART_OF_MONTH = dictionary({"начало", "конец", "середина"})
# (`в` is part of it, so that `в марте 2025 года` is one date, not `в марте` and a year)
MONTH_DATE = rule(in_caseless({"в"}).optional(), PART_OF_MONTH.optional(), MONTH, YEAR)
# `в марте`, `в начале января`: the month without a year, resolved against the publication date only
MONTH_ALONE = rule(in_caseless({"в"}), PART_OF_MONTH.optional(), MONTH)
# `весной 2024 года`, `летом 2026 года`
SEASON = dictionary(set(lexicon.seasons()))
SEASON_OF_YEAR = rule(SEASON, YEAR_NUMBER, YEAR_WORD.optional())
# `за 20 дней 2025 года`: the first days of that year
DAYS_COUNT = custom(lambda value: value.isdigit() and 1 <= int(value) <= 366, types="NUM")
DAYS_OF_YEAR = rule(in_caseless({"за"}), DAYS_COUNT, dictionary({"день"}), YEAR_NUMBER, YEAR_WORD.optional())
YEAR_DATE = or_(
    rule(in_caseless({"в", "за", "на", "по", "итогам"}).optional(), YEAR_NUMBER, YEAR_WORD),
    rule(in_caseless({"в", "за"}), YEAR_NUMBER, eq("-"), in_caseless({"м", "й"})),  # `в 2025-м — 1711`
)
# `за 9 месяцев 2025 года`: the first months of that year
MONTHS_OF_YEAR = rule(  # (`итоги 9 месяцев 2025 года`: no `за`)
    in_caseless({"за"}).optional(), MONTHS_COUNT, dictionary({"месяц"}), YEAR_NUMBER, YEAR_WORD.optional()
)

# Spans: `с 2021 по 2023 год`, `в 2022-2023 годах`, `с января по октябрь 2024 года`,
# `с марта 2022 по август 2023 года`; parts of a year: `за первое полугодие 2025 года`.
DASH = in_({"-", "—", "–"})
UNTIL = in_caseless({"по", "до"})
YEARS_WORD = or_(rule(dictionary({"год"})), rule(in_caseless({"гг", "г"}), eq(".").optional()))
YEAR_SPAN = or_(
    # (`с 2018-го по 2020 годы`: the first year with its ending)
    rule(in_caseless({"с"}), YEAR, UNTIL, YEAR_NUMBER, YEARS_WORD.optional()),
    rule(in_caseless({"в", "за"}).optional(), YEAR_NUMBER, DASH, YEAR_NUMBER, YEARS_WORD),
    rule(eq("("), YEAR_NUMBER, DASH, YEAR_NUMBER, eq(")")),  # `за три года (2017–2019)`
)
MONTH_SPAN = or_(
    rule(in_caseless({"с"}), MONTH, YEAR.optional(), UNTIL, MONTH, YEAR),
    rule(in_caseless({"с"}), YEAR, UNTIL, MONTH, YEAR),  # `с 2021 по октябрь 2024 года`
    # `за январь–сентябрь 2025 года` (with its `за`: one date, not `за январь–сентябрь` and a year)
    rule(in_caseless({"за", "в"}).optional(), MONTH, DASH, MONTH, YEAR),  # `в апреле-июне 2024 года`
    # `за март и апрель 2024 года`: two months in a row (dates.py reads two apart as the last alone)
    rule(in_caseless({"за", "в"}).optional(), MONTH, eq("и"), MONTH, YEAR),
)
PART_OF_YEAR = rule(
    in_caseless({"за", "в", "во"}).optional(),  # `итоги первого квартала 2025 года`
    # `в 1 полугодии 2022 года`: the ordinal in figures
    or_(
        rule(dictionary(set(lexicon.ordinals()))),
        rule(and_(type("NUM"), length_eq(1))),
        rule(and_(type("NUM"), length_eq(1)), eq("-"), type("RU")),
    ),
    dictionary(set(lexicon.periods())),
    YEAR_NUMBER,
    YEAR_WORD.optional(),
)

_RELATIVE = lexicon.relative_dates()
YEAR_BACK = dictionary({word for word, (unit, _) in _RELATIVE.items() if unit == "year"})
DAY_BACK = dictionary({word for word, (unit, _) in _RELATIVE.items() if unit == "day"})
THIS_YEAR = rule(YEAR_BACK, dictionary({"год"}))
# A preposition is required: `в прошлом году`, `за прошлый год`; `период прошлого года` is not that year.
# `(по сравнению) с прошлым годом` in the instrumental only: `с прошлого года` would be a start.
RELATIVE_YEAR = or_(
    rule(in_caseless({"в", "за"}), THIS_YEAR),
    rule(in_caseless({"с", "со"}), and_(YEAR_BACK, gram("ablt")), and_(dictionary({"год"}), gram("ablt"))),
)
# `в августе того же года`: the year of the date named before (dates.py)
SAME_YEAR = rule(dictionary({"тот", "этот"}), eq("же"), dictionary({"год"}))
SINCE_START = rule(
    in_caseless({"с"}),
    dictionary({"начало"}),
    or_(THIS_YEAR, rule(dictionary({"год"})), rule(YEAR_NUMBER, YEAR_WORD)),
)
MONTHS_RELATIVE = rule(in_caseless({"за"}), MONTHS_COUNT, dictionary({"месяц"}), THIS_YEAR.optional())
# `за январь–октябрь`, `с января по октябрь этого года`: months without a year, against the reference date
MONTHS_ALONE = or_(
    rule(in_caseless({"за"}), MONTH, DASH, MONTH),
    rule(in_caseless({"с"}), MONTH, UNTIL, MONTH, THIS_YEAR.optional()),
)
# `за минувшие выходные`: the last Saturday and Sunday before the reference date
WEEKEND = rule(
    in_caseless({"в", "во", "за", "на"}),
    dictionary({word for word, (unit, back) in _RELATIVE.items() if unit == "year" and back == 1}),
    dictionary({"выходной", "выходные"}),
)
RELATIVE = or_(RELATIVE_YEAR, SINCE_START, MONTHS_RELATIVE, WEEKEND, rule(DAY_BACK))
# `в апреле прошлого года`, `с апреля текущего года`, `12 августа того же года`: a month (or a day) of a
# year told in words
MONTH_OF_RELATIVE_YEAR = rule(
    in_caseless({"в", "с", "со"}).optional(),
    or_(rule(PART_OF_MONTH), rule(DAY)).optional(),
    MONTH,
    or_(THIS_YEAR, SAME_YEAR),
)
# `летом прошлого года`, `весной того же года`
SEASON_OF_RELATIVE_YEAR = rule(SEASON, or_(THIS_YEAR, SAME_YEAR))
# Parsed as a group of their own, with the month (or season) as anchor (dates.py): in DATE, every month of
# every `12 марта 2025 года` would widen the windows of the whole grammar.
MONTH_ONLY = or_(MONTHS_ALONE, MONTH_OF_RELATIVE_YEAR, SEASON_OF_RELATIVE_YEAR, MONTH_ALONE)
# `в аналогичном периоде 2024 года`, `за аналогичный период прошлого года`: the months of the period named
# before, in another year (dates.py resolves it against the previous date of the document)
# (`за тот же период 2024 года`, `за такой же период в 2024 году`)
SAME_PERIOD = rule(
    or_(rule(dictionary({"аналогичный"})), rule(dictionary({"тот", "такой"}), eq("же"))),
    dictionary({"период"}),
    or_(rule(in_caseless({"в"}), YEAR_NUMBER, YEAR_WORD), rule(YEAR_NUMBER, YEAR_WORD.optional()), THIS_YEAR),
)

DATE = or_(
    SAME_PERIOD,
    DAY_RANGE,
    DAY_DATE,
    NUMERIC,
    MONTHS_OF_YEAR,
    YEAR_SPAN,
    MONTH_SPAN,
    PART_OF_YEAR,
    MONTH_DATE,
    SEASON_OF_YEAR,
    DAYS_OF_YEAR,
    YEAR_DATE,
    RELATIVE,
)
