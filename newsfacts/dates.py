"""Stage 4b: dates and periods from the date grammar, as [start, end] ranges of calendar days."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from yargy.predicates import dictionary

from .document import DateDraft, Document
from .grammars import date as grammar
from .grammars import lexicon
from .grammars.date import DATE
from .grammars.number import lemmas
from .grammars.tokenizer import NewsTokenizer
from .grammars.windows import WindowParser

# A digit, or a word that a relative date starts from.
CAN_HOLD_DATE = re.compile(
    r"\d|прошл|минувш|прошедш|позапрошл|текущ|этом|этот|нынешн|начала|сегодня|вчера|позавчера|"
    r"январ|феврал|март|апрел|мае|июн|июл|август|сентябр|октябр|ноябр|декабр",
    re.IGNORECASE,
)

# Every date holds a day, a year or a month count, `21.01.2026`, or a word a relative date starts from:
# the date grammar runs only on the few tokens around them (grammars/windows.py).
ANCHORS = [
    grammar.DAY,
    grammar.YEAR_NUMBER,
    grammar.MONTHS_NUMBER,  # (`за девять месяцев 2025 года` is found from its year)
    grammar.NUMERIC,
    grammar.YEAR_BACK,
    grammar.DAY_BACK,
    dictionary({"начало"}),
]


def _month_of(token) -> int | None:
    return next((lexicon.months()[w] for w in lemmas(token) if w in lexicon.months()), None)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _back(tokens, unit: str) -> int | None:
    """How many years (or days) back a relative word puts the date: `прошлом` 1, `текущем` 0."""
    for token in tokens:
        for word in lemmas(token):
            found = lexicon.relative_dates().get(word)
            if found and found[0] == unit:
                return found[1]
    return None


def _relative(tokens, years: list[int], reference: date) -> tuple[date, date] | None:
    """`вчера`, `в прошлом году`, `с начала года`, `за 9 месяцев`: counted from the reference date."""
    words = set().union(*(lemmas(t) for t in tokens))
    days_back = _back(tokens, "day")
    if days_back is not None:
        day = reference - timedelta(days=days_back)
        return day, day
    years_back = _back(tokens, "year") or 0
    year = years[-1] if years else reference.year - years_back
    if "месяц" in words:  # за 9 месяцев (текущего года)
        count = _months_count(tokens)
        if not years and _back(tokens, "year") is None and _month_end(year, count) > reference:
            year -= 1  # `за 9 месяцев` said in April: last year's nine months
        return date(year, 1, 1), _month_end(year, count)
    # `с начала (2022) года`, `в этом году`: up to the reference date; `в прошлом году`: the whole year
    end = reference if year == reference.year or "начало" in words else date(year, 12, 31)
    return (date(year, 1, 1), end) if year <= reference.year else None


def _months_count(tokens) -> int:
    """`за 9 месяцев`, `за девять месяцев`: the number before `месяц`."""
    for token in tokens:
        if token.type == "NUM":
            return int(token.value)
        value = next((lexicon.numerals()[w] for w in lemmas(token) if w in lexicon.numerals()), None)
        if value is not None:
            return int(value)
    raise ValueError("no count of months")


def _part_of_year(words: set[str]) -> tuple[int, int] | None:
    """`первое полугодие` -> (1, 6), `третий квартал` -> (7, 9)."""
    size = next((lexicon.periods()[w] for w in words if w in lexicon.periods()), None)
    number = next((lexicon.ordinals()[w] for w in words if w in lexicon.ordinals()), None)
    if size is None or number is None or size * number > 12:
        return None
    return size * (number - 1) + 1, size * number


def read_dates(tokens, reference: date | None) -> tuple[date, date] | None:
    """The range a DATE match stands for; None when it needs a year (or a reference date) nobody gave."""
    if tokens[0].type == "DATE":
        day, month, year = (int(part) for part in tokens[0].value.split("."))
        year = year + 2000 if year < 100 else year
        return date(year, month, day), date(year, month, day)
    numbers = [t for t in tokens if t.type == "NUM"]
    years = [int(t.value) for t in numbers if len(t.value) == 4]
    months = [m for m in map(_month_of, tokens) if m]
    words = set().union(*(lemmas(t) for t in tokens))
    if months and not years and reference and not any(len(t.value) <= 2 for t in numbers):
        # `в марте`, `за январь–октябрь`, `с января по октябрь этого (прошлого) года`: the latest such
        # months not after the reference date, or those of the year counted back
        back = _back(tokens, "year")
        year = reference.year - (back or 0)
        if back is None and months[0] > reference.month:
            year -= 1
        return date(year, months[0], 1), _month_end(year, months[-1])
    relative = "начало" in words or (_back(tokens, "year") is not None or _back(tokens, "day") is not None)
    if relative or ("месяц" in words and not years):
        return _relative(tokens, years, reference) if reference else None
    year = years[-1] if years else (reference.year if reference else None)
    if year is None:
        return None
    season = next((lexicon.seasons()[w] for w in words if w in lexicon.seasons()), None)
    if season and years:  # весной 2024 года; зимой 2024 года: December to February
        first, last = season
        return date(year, first, 1), _month_end(year + (last < first), last)
    if "день" in words and years:  # за 20 дней 2025 года
        count = int(numbers[0].value)
        return date(year, 1, 1), date(year, 1, 1) + timedelta(days=count - 1)
    if "месяц" in words:  # за 9 месяцев 2025 года, за девять месяцев 2025 года
        count = _months_count(tokens)
        return date(year, 1, 1), _month_end(year, count)
    part = _part_of_year(words)
    if part:  # за первое полугодие 2025 года
        first, last = part
        return date(year, first, 1), _month_end(year, last)
    first_year = years[0] if len(years) > 1 else year
    days = [int(t.value) for t in numbers if len(t.value) <= 2]
    if not months:  # в 2025 году; с 2021 по 2023 год
        return (date(first_year, 1, 1), date(year, 12, 31)) if years else None
    if not days:  # в апреле 2023 года; с марта 2022 по август 2023 года
        return date(first_year, months[0], 1), _month_end(year, months[-1])
    first_month = months[0] if len(months) > 1 else months[-1]
    found = date(year, first_month, days[0]), date(year, months[-1], days[-1])
    if not years and found[0] > reference:  # `12 февраля` said in January: last year's
        found = found[0].replace(year=year - 1), found[1].replace(year=year - 1)
    return found


def _same_period(tokens, before: list[DateDraft], reference: date | None) -> tuple[date, date] | None:
    """`за 9 месяцев 2025 года ... в аналогичном периоде 2024 года`: the previous period's days, in the
    year named, or counted back from the reference date (`прошлого года`)."""
    if not before:
        return None
    years = [int(t.value) for t in tokens if t.type == "NUM" and len(t.value) == 4]
    back = _back(tokens, "year")
    last = before[-1]
    if years:
        year = years[-1]
    elif back is not None and reference is not None:  # relative: only against the reference date
        year = reference.year - back
    else:
        return None
    shift = year - last.start_date.year
    return _in_year(last.start_date, year), _in_year(last.end_date, last.end_date.year + shift)


def _in_year(day: date, year: int) -> date:
    """The same day of another year (29 February becomes the 28th)."""
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


class DateExtractor:
    def __init__(self, tokenizer: NewsTokenizer | None = None, automata: bool = True):
        self.tokenizer = tokenizer or NewsTokenizer()
        # `в марте`, `за январь–октябрь`: months alone, resolved against the publication date
        self.parser = WindowParser(
            [(DATE, ANCHORS), (grammar.MONTH_ONLY, [grammar.MONTH])], self.tokenizer, automata
        )

    def __call__(self, doc: Document) -> None:
        for sentence in doc.sentences:
            # only the Russian sentences of a Russian text (a Kazakh text's dates are still read):
            # scripts, data blobs and foreign sentences are left out
            if sentence.index in doc.skipped and doc.lang != "kk":
                continue
            if not CAN_HOLD_DATE.search(sentence.text):
                continue
            for match in self.parser.findall(self.tokenizer.tokens(sentence.text)):
                try:
                    if "аналогичный" in lemmas(match.tokens[0]):
                        found = _same_period(match.tokens, doc.dates, doc.reference_date)
                    else:
                        found = read_dates(match.tokens, doc.reference_date)
                except ValueError:  # 31 февраля, month 13
                    continue
                if found is None or found[0] > found[1]:
                    continue
                if sentence.text[match.span.stop :].lstrip().lower().startswith("выпуска"):
                    continue  # `седан 2021 года выпуска`: a model year, not a date of the story
                start, end = sentence.start + match.span.start, sentence.start + match.span.stop
                doc.dates.append(DateDraft(found[0], found[1], start, end, sentence.index))
