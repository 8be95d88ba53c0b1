"""Stage 4b: dates and periods from the date grammar, as [start, end] ranges of calendar days."""

from __future__ import annotations

import calendar
import re
from datetime import date

from yargy import Parser

from .document import DateDraft, Document
from .grammars import lexicon
from .grammars.date import DATE
from .grammars.number import lemmas
from .grammars.tokenizer import NewsTokenizer

CAN_HOLD_DATE = re.compile(r"\d")


def _month_of(token) -> int | None:
    return next((lexicon.months()[w] for w in lemmas(token) if w in lexicon.months()), None)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def read_dates(tokens, reference: date | None) -> tuple[date, date] | None:
    """The range a DATE match stands for; None when it needs a year that nobody gave."""
    if tokens[0].type == "DATE":
        day, month, year = (int(part) for part in tokens[0].value.split("."))
        year = year + 2000 if year < 100 else year
        return date(year, month, day), date(year, month, day)
    numbers = [t for t in tokens if t.type == "NUM"]
    years = [int(t.value) for t in numbers if len(t.value) == 4]
    months = [m for m in map(_month_of, tokens) if m]
    year = years[-1] if years else (reference.year if reference else None)
    if year is None:
        return None
    if any("месяц" in lemmas(t) for t in tokens):  # за 9 месяцев 2025 года
        count = int(numbers[0].value)
        return date(year, 1, 1), _month_end(year, count)
    days = [int(t.value) for t in numbers if len(t.value) <= 2]
    if not months:
        return (date(year, 1, 1), date(year, 12, 31)) if years else None
    if not days:
        return date(year, months[-1], 1), _month_end(year, months[-1])
    first_month = months[0] if len(months) > 1 else months[-1]
    return date(year, first_month, days[0]), date(year, months[-1], days[-1])


class DateExtractor:
    def __init__(self, tokenizer: NewsTokenizer | None = None):
        self.parser = Parser(DATE, tokenizer=tokenizer or NewsTokenizer())

    def __call__(self, doc: Document) -> None:
        for sentence in doc.sentences:
            if not CAN_HOLD_DATE.search(sentence.text):
                continue
            for match in self.parser.findall(sentence.text):
                try:
                    found = read_dates(match.tokens, doc.reference_date)
                except ValueError:  # 31 февраля, month 13
                    continue
                if found is None or found[0] > found[1]:
                    continue
                start, end = sentence.start + match.span.start, sentence.start + match.span.stop
                doc.dates.append(DateDraft(found[0], found[1], start, end, sentence.index))
