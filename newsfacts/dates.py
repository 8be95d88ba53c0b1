"""Stage 4b: dates and periods from the date grammar, as [start, end] ranges of calendar days."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from yargy.predicates import dictionary

from . import resources
from .document import DateDraft, Document
from .grammars import date as grammar
from .grammars import lexicon
from .grammars.date import DATE
from .grammars.number import lemmas
from .grammars.tokenizer import NewsTokenizer
from .grammars.windows import WindowParser
from .morph import analyzer

# A digit, or a word that a relative date starts from.
_DATE_WORDS = (
    "прошл|минувш|прошедш|позапрошл|текущ|этом|этот|нынешн|начала|сегодня|вчера|позавчера|месяц|же год|"
    "январ|феврал|март|апрел|мае|июн|июл|август|сентябр|октябр|ноябр|декабр"
)
# (led by the words' first letters: the regex engine tries the words only where one can start)
CAN_HOLD_DATE = re.compile(
    rf"(?=[\d{''.join(sorted({word[0] for word in _DATE_WORDS.split('|')}))}])(?:\d|{_DATE_WORDS})",
    re.IGNORECASE,
)
# A line of figures only (`14.06.2024`, `07:30 02.02.2024 12+`): no language, but a dateline or a signature.
LETTER = re.compile(r"[^\W\d_]")
# `на 2024–2028 годы`, `до 2035 года` within this many tokens after a programme's name word
PROGRAMME_REACH = 6
# `3 и 5 мая 2024 года`: the days listed before a day's date share its month and year.
LISTED_DAYS = re.compile(r"(?<![\d.,:/-])((?:\d{1,2}\s*,\s*)*\d{1,2})\s*(?:,|и)\s*$")

# Every date holds a day, a year or a month count, `21.01.2026`, or a word a relative date starts from:
# the date grammar runs only on the few tokens around them (grammars/windows.py).
ANCHORS = [
    grammar.DAY,
    grammar.YEAR_NUMBER,
    grammar.MONTHS_NUMBER,
    dictionary({"месяц"}),  # `за семь месяцев`: the word, rarer than the numeral words
    grammar.NUMERIC,
    grammar.YEAR_BACK,
    grammar.DAY_BACK,
    dictionary({"начало"}),
]


@cache
def _programmes() -> frozenset[str]:
    return frozenset(resources.words("programme_words.txt"))


@cache
def _thing_year() -> re.Pattern:
    """`2021 года выпуска`, `1990 г.р.`: the words after a year that make it a thing's year."""
    found = "|".join(re.escape(w) for w in resources.words("thing_years.txt"))
    return re.compile(rf"\s*(?:{found})(?![а-яё])", re.IGNORECASE)


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
    if number is None:  # `в 1 полугодии`, `во 2-м квартале`
        number = next((int(w) for w in words if w.isdigit() and len(w) == 1), None)
    if size is None or number is None or size * number > 12:
        return None
    return size * (number - 1) + 1, size * number


def _weekend(reference: date) -> tuple[date, date]:
    """`за минувшие выходные`: the last Saturday and Sunday before the reference date."""
    sunday = reference - timedelta(days=(reference.weekday() - 6) % 7 or 7)
    return sunday - timedelta(days=1), sunday


def read_dates(tokens, reference: date | None, year_before: int | None = None) -> tuple[date, date] | None:
    """The range a DATE match stands for; None when it needs a year (or a reference date) nobody gave.
    year_before: the year of the date named before it in the text (`в августе того же года`)."""
    if tokens[0].type == "DATE":
        day, month, year = (int(part) for part in re.split(r"[./]", tokens[0].value))
        year = year + 2000 if year < 100 else year
        return date(year, month, day), date(year, month, day)
    numbers = [t for t in tokens if t.type == "NUM"]
    years = [int(t.value) for t in numbers if len(t.value) == 4]
    months = [m for m in map(_month_of, tokens) if m]
    if len(months) == 2 and months[1] - months[0] != 1 and any(t.value.lower() == "и" for t in tokens):
        months = months[
            1:
        ]  # `в январе и марте 2025 года`: not one span (the first month is left out, as before)
    words = set().union(*(lemmas(t) for t in tokens))
    season = next((lexicon.seasons()[w] for w in words if w in lexicon.seasons()), None)
    if "же" in words:  # `того же года`
        if year_before is None:
            return None
        years = [year_before]
    elif (months or season) and not years and reference and _back(tokens, "year") is not None:
        # `в апреле прошлого года`, `12 мая этого года`, `летом прошлого года`: as if the year were written
        years = [reference.year - _back(tokens, "year")]
    if "выходной" in words:
        return _weekend(reference) if reference else None
    if months and not years and reference and not any(len(t.value) <= 2 for t in numbers):
        # `в марте`, `за январь–октябрь`: the latest such months not after the reference date
        year = reference.year
        if months[0] > reference.month:
            year -= 1
        return date(year, months[0], 1), _month_end(year, months[-1])
    relative = "начало" in words or (_back(tokens, "year") is not None or _back(tokens, "day") is not None)
    if not months and not season and (relative or ("месяц" in words and not years)):
        return _relative(tokens, years, reference) if reference else None
    year = years[-1] if years else (reference.year if reference else None)
    if year is None:
        return None
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
        # (`с 2021 по октябрь 2024 года`: a first year with no month starts in January)
        first_month = months[0] if len(months) > 1 or len(years) < 2 or _month_of(tokens[1]) else 1
        return date(first_year, first_month, 1), _month_end(year, months[-1])
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
    start, end = last.start_date, last.end_date
    if reference is not None and start <= reference < end:
        end = reference  # `за 2026-й` said on 29 January: the period so far, 1..29 January
    shift = year - start.year
    return _in_year(start, year), _in_year(end, end.year + shift)


def _in_year(day: date, year: int) -> date:
    """The same day of another year (29 February becomes the 28th)."""
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


class DateExtractor:
    def __init__(self, tokenizer: NewsTokenizer | None = None, automata: bool = True):
        self.tokenizer = tokenizer or NewsTokenizer()
        # `в марте`, `за январь–октябрь`, `летом прошлого года`: months (seasons) without a year's number
        self.parser = WindowParser(
            [(DATE, ANCHORS), (grammar.MONTH_ONLY, [grammar.MONTH, grammar.SEASON])], self.tokenizer, automata
        )

    def __call__(self, doc: Document) -> None:
        for sentence in doc.sentences:
            # only the Russian sentences of a Russian text (a Kazakh text's dates are still read):
            # scripts, data blobs and foreign sentences are left out; a line of figures has no language
            if sentence.index in doc.skipped and doc.lang != "kk":
                if doc.lang != "ru" or LETTER.search(sentence.text):
                    continue
            if not CAN_HOLD_DATE.search(sentence.text):
                continue
            tokens = self.tokenizer.tokens(sentence.text)
            for match in self.parser.findall(tokens):
                words = set().union(*(lemmas(t) for t in match.tokens))
                try:
                    if "период" in words:  # `в аналогичном периоде 2024 года`, `за тот же период`
                        found = _same_period(match.tokens, doc.dates, doc.reference_date)
                    else:
                        year_before = doc.dates[-1].start_date.year if doc.dates else None
                        found = read_dates(match.tokens, doc.reference_date, year_before)
                except ValueError:  # 31 февраля, month 13
                    continue
                if found is None or found[0] > found[1] or not _of_the_story(sentence.text, tokens, match):
                    continue
                if found[0] == found[1] and match.tokens[0].type == "NUM":
                    self._listed_days(doc, sentence, match.span.start, found[0])
                start, end = sentence.start + match.span.start, sentence.start + match.span.stop
                if match.tokens[0].value.lower() in ("с", "со") and match.tokens[-1].value.lower() == "годом":
                    # `(по сравнению) с прошлым годом`: the `с` is the comparison's, as in `с 2024 годом`
                    start = sentence.start + match.tokens[1].span.start
                doc.dates.append(DateDraft(found[0], found[1], start, end, sentence.index))

    @staticmethod
    def _listed_days(doc: Document, sentence, stop: int, day: date) -> None:
        """`3 и 5 мая 2024 года`: 3 May is a date of its own."""
        listed = LISTED_DAYS.search(sentence.text[:stop])
        if not listed:
            return
        for number in re.finditer(r"\d+", listed.group(1)):
            try:
                found = day.replace(day=int(number.group()))
            except ValueError:
                continue
            start = sentence.start + listed.start(1) + number.start()
            end = start + len(number.group())
            doc.dates.append(DateDraft(found, found, start, end, sentence.index))


def _of_the_story(text: str, tokens, match) -> bool:
    """False for a match that is no date of the story: a thing's year (`2021 года выпуска`, `1990 года
    рождения`), a programme's (`Стратегия развития на 2024–2028 годы`, `программа «... до 2035 года»`),
    a weight in grams (`1920 г гашиша`) or `на сегодняшний день` (by now)."""
    after = text[match.span.stop :]
    if _thing_year().match(after):
        return False
    before = [t for t in tokens if t.span.stop <= match.span.start]
    first = match.tokens[0].value.lower()
    if (first == "на" or (before and before[-1].value.lower() in ("на", "до"))) and any(
        lemmas(t) & _programmes() for t in before[-PROGRAMME_REACH:]
    ):
        return False
    following = [t for t in tokens if t.span.start >= match.span.stop][:1]
    if "сегодняшний" in lemmas(match.tokens[-1]) and following and "день" in lemmas(following[0]):
        return False  # `на сегодняшний день`: by now, not the day of the text
    last = match.tokens[-1]
    if last.value == "г" and match.tokens[0].type == "NUM":  # `г` with no dot and no preposition
        word = re.match(r"\s*([а-яё]+)", after)
        if word and any({"NOUN", "gent"} <= form.grams.values for form in analyzer()(word.group(1))):
            return False
    return True
