"""Stage 6: what each fact is about: one event or a total, and which crime.

`scope`: `aggregate` for a total over a period and an area (police statistics: `с начала года
зарегистрировано 4 000 мошенничеств`), `incident` for one event (this man, this sum). A sentence is a total
when it names a period (a date range of a month or more, or the words of one: rules/scope_cues.tsv) or
speaks in the words of statistics, and says nothing of one person or one group; a sentence that says
nothing either way continues the total of the sentence before it in its paragraph. An aggregate carries
its `period` (the nearest one before the fact in its sentence, else carried) and its `area`; an incident
its `date` when a day is named in its sentence or before it in the paragraph.

`crime`: a category of rules/crime_types.tsv, from the articles of the Criminal Code named in the
fact's sentence (rules/criminal_code.tsv), else the stems of its sentence, else the document's main crime.
A fraud is `internet_fraud` when the sentence, its paragraph or the document tells of a fraud at a
distance (rules/remote_fraud.txt).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache, lru_cache

from . import resources
from .document import DateDraft, Document, FactDraft
from .facts import TABLE_ROW  # `Астана — 2 950 / 3,4 млрд`: a row of a table of totals per town
from .spans import Spans

# Crimes that take property: `похищено`, `обманул` in a story about one of them say nothing new.
TAKING = frozenset(
    {"internet_fraud", "fraud", "pyramid", "embezzlement", "theft", "livestock_theft", "robbery", "extortion"}
)
MIN_PERIOD_DAYS = 27  # a month or more is a period; a shorter range is when something happened
COUNTRY = "Казахстан"


def _stems_pattern(stems) -> re.Pattern:
    """One regex for stems matched at a word's start (lower-cased text, ё read as е); in a stem of several
    words each word is a word's start: `уклонен от уплат` finds `уклонении от уплаты`."""
    alternatives = _alternatives(stems)
    # (led by the stems' first characters: the regex engine tries the rest only where one can start)
    firsts = {a[1] if a.startswith("\\") else a[0] for a in alternatives}
    lead = "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])" if firsts else ""
    return re.compile(lead + r"(?<![\w-])(?:" + "|".join(alternatives) + r")")


def _alternatives(stems) -> list[str]:
    return sorted(
        {
            r"\w*\s+".join(re.escape(word) for word in s.lower().replace("ё", "е").split())
            for s in stems
            if s.strip()
        },
        key=len,
        reverse=True,
    )


# a sentence is read for its crime words several times (the document's crime, each fact's, the
# paragraph's remote fraud): the answers for the sentences of one document are kept (`classify`)
SENTENCES_KEPT = 4096


def _lower(text: str) -> str:
    return text.lower().replace("ё", "е").replace("\u2011", "-")


@cache
def crime_types() -> list[tuple[str, re.Pattern]]:
    """(category, stems) in order of precedence; a weak row's category ends in `?`."""
    return [(row[0], _stems_pattern(row[1].split(","))) for row in resources.table("crime_types.tsv")]


@cache
def crime_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.rstrip("?") for name, _ in crime_types()))


@cache
def criminal_code() -> dict[tuple[str, str], str]:
    codes = {(code, article): crime for code, article, crime in resources.table("criminal_code.tsv")}
    unknown = {crime for crime in codes.values() if crime not in crime_names()}
    if unknown:
        raise ValueError(f"rules/criminal_code.tsv: categories not in crime_types.tsv: {sorted(unknown)}")
    return codes


@cache
def remote_fraud() -> re.Pattern:
    return _stems_pattern(resources.words("remote_fraud.txt"))


@cache
def scope_cues() -> dict[str, re.Pattern]:
    return {row[0]: _stems_pattern(row[1].split(",")) for row in resources.table("scope_cues.tsv")}


# `ст. 190`, `статьи 366`, `ч. 2 ст. 159.6`, `статьям 190 и 217`: the numbers, then the code after them
ARTICLE = re.compile(
    r"(?<!\w)(?:ст\.|ст(?=\s*\d)|стать[яиеюй]|статьей|статьям|статьями|статей)\s*"
    r"((?:\d{2,3}(?:[.-]\d{1,2})?)(?:\s*(?:,|и)\s*\d{2,3}(?:[.-]\d{1,2})?)*)"
)
CODE_AFTER = re.compile(
    r"^[^.;]{0,60}?\bУК\s*(РФ|России|Российской|РК|Республики Казахстан|Казахстана)", re.I
)


def articles(text: str) -> list[str]:
    """The crime categories of the Criminal Code articles named in a text, in order."""
    return list(_articles(text))


@lru_cache(maxsize=SENTENCES_KEPT)
def _articles(text: str) -> tuple[str, ...]:
    found = []
    if "ст" not in text:
        return ()  # (every article ARTICLE reads starts so: most sentences name none)
    codes = criminal_code()
    for match in ARTICLE.finditer(text):
        after = CODE_AFTER.match(text[match.end() :])
        code = "RF" if after and after.group(1).lower().startswith(("рф", "росс")) else "RK"
        for number in re.findall(r"\d{2,3}(?:[.-]\d{1,2})?", match.group(1)):
            number = number.replace("-", ".")
            crime = codes.get((code, number)) or codes.get((code, number.split(".")[0]))
            if crime:
                found.append(crime)
    return tuple(found)


@cache
def _any_stem() -> re.Pattern:
    """All categories' stems in one pattern: most sentences hold none, and one search tells. The stems
    are grouped by their first character, so that at each position the regex engine tries a few dozen
    characters, not every stem (ten times faster; it only tells whether one matches, not which)."""
    groups: dict[str, list[str]] = {}
    for row in resources.table("crime_types.tsv"):
        alternatives = _alternatives(row[1].split(","))
        if not alternatives:  # (a category of no stems matches at every word's start)
            return re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in crime_types()))
        for alternative in alternatives:
            head = alternative[:2] if alternative.startswith("\\") else alternative[:1]  # (`\-`: one char)
            groups.setdefault(head, []).append(alternative[len(head) :])
    grouped = "|".join(head + "(?:" + "|".join(tails) + ")" for head, tails in groups.items())
    return re.compile(r"(?<![\w-])(?:" + grouped + ")")


def stem_crimes(text: str) -> Counter:
    """How often each category's stems occur in a text (weak ones under `category?`)."""
    return Counter(_stem_crimes(text))


@lru_cache(maxsize=SENTENCES_KEPT)
def _stem_crimes(text: str) -> Counter:
    low = _lower(text)
    if not _any_stem().search(low):
        return Counter()
    return Counter({name: n for name, pattern in crime_types() if (n := len(pattern.findall(low)))})


def _first(counts: Counter, weak: bool = False) -> str | None:
    """The category of highest precedence among those found (with `weak`: weak words too, after)."""
    if not counts:
        return None  # (most sentences name no crime)
    return next((bare for name, bare in _precedence(weak) if counts.get(name)), None)


@cache
def _precedence(weak: bool) -> tuple[tuple[str, str], ...]:
    """The categories (with `weak`: and the weak ones) in order of precedence, each with its bare name."""
    return tuple((name, name.rstrip("?")) for name, _ in crime_types() if weak or not name.endswith("?"))


@lru_cache(maxsize=SENTENCES_KEPT)
def _remote(text: str) -> bool:
    return bool(remote_fraud().search(_lower(text)))


def sentence_crime(text: str, weak: bool = False) -> str | None:
    """The crime a sentence names: its articles first, else its stems (with `weak`: weak words too)."""
    named = articles(text)
    if named:
        return named[0]
    return _first(stem_crimes(text), weak)


def document_crime(doc: Document) -> str | None:
    """The document's main crime: each sentence votes for the crime it names (an article three times, the
    headline twice; weak words and `other` half), ties to the category of higher precedence; a fraud with
    remote words is internet_fraud."""
    score: Counter = Counter()
    for sentence in doc.sentences:
        if sentence.index in doc.skipped:
            continue
        weight = 2 if sentence.index == 0 else 1
        for crime in articles(sentence.text):
            score[crime] += 3 * weight
        found = stem_crimes(sentence.text)
        strong = _first(found)
        crime = strong or _first(found, weak=True)
        if crime is not None:
            score[crime] += weight / (1 if strong else 2)
    if not score:
        return "other" if doc.facts else None  # a crime no category names (forgery, hooliganism...)
    best = max(score.values())
    crime = next(name for name in crime_names() if score.get(name) == best)
    if crime == "fraud" and any(_remote(s.text) for s in doc.sentences if s.index not in doc.skipped):
        crime = "internet_fraud"
    return crime


# -- scope ------------------------------------------------------------------------------------------------


def _is_period(d: DateDraft) -> bool:
    return (d.end_date - d.start_date).days >= MIN_PERIOD_DAYS


def _is_year_or_more(d: DateDraft) -> bool:
    return (d.end_date - d.start_date).days >= 80  # a quarter or more: `в октябре` is when, not a period


def _is_range(d: DateDraft) -> bool:
    return d.end_date > d.start_date


class _Sentence:
    """What one sentence says about scope."""

    def __init__(self, doc: Document, index: int, persons: Spans, units: Spans, dates: list, places: list):
        sentence = doc.sentences[index]
        self.start, self.text = sentence.start, _lower(sentence.text)
        cues = scope_cues()
        self.ranges = sorted((d for d in dates if _is_range(d)), key=lambda d: d.start)
        self.long = any(_is_period(d) for d in dates)
        self.days = [d for d in dates if not _is_range(d)]
        self.period_words = bool(cues["period"].search(self.text))
        self.statistics = bool(cues["statistics"].search(self.text))
        self.counted = bool(cues["counted"].search(self.text))
        self.summary = bool(cues["summary"].search(self.text))
        self.incident = bool(cues["incident"].search(self.text)) or persons.overlaps(
            sentence.start, sentence.end
        )
        self.national = index in doc.national
        self.region_words = bool(cues["region"].search(self.text))
        here = [p for p in places if not p.origin and not units.overlaps(p.start, p.end)]
        kinds = {p.place.kind for p in here}
        # a region named as the scene, no town: `в Карагандинской области зарегистрировано ...`
        self.regional = ("region" in kinds or self.region_words) and "city" not in kinds
        self.places = bool(kinds)
        self.table_row = TABLE_ROW.match(sentence.text) is not None

    @property
    def has_period(self) -> bool:
        return self.long or self.period_words or bool(self.ranges and (self.statistics or self.summary))

    @property
    def aggregate(self) -> bool:
        if self.incident:
            return False
        if self.table_row:
            return True  # `Астана — 2 950 / 3,4 млрд`: a town's row of a table of totals
        if self.summary or len({(d.start_date, d.end_date) for d in self.ranges if _is_period(d)}) > 1:
            return True  # `1 640 фактов в 2023 году, 1 415 в 2024-м`: figures of several periods compared
        if self.national and (
            self.statistics
            or self.counted
            or self.period_words
            or any(_is_year_or_more(d) for d in self.ranges)
        ):
            return True  # `За 2022 год мошенники обманули казахстанцев на 15 млрд`
        if self.statistics and self.places:  # `Количество краж в Уральске сократилось`
            return True
        return (self.statistics or self.counted) and (self.has_period or self.regional)

    @property
    def silent(self) -> bool:
        """Says nothing of scope: no person, no period, no day (a town may be named: `В Талдыкоргане — 14
        фактов, в Текели — 3`)."""
        return not (self.incident or self.ranges or self.period_words or self.days)


def _document_region(doc: Document) -> str | None:
    """The region a document is about: the first one it names, else the region of its first town."""
    places = sorted(doc.places, key=lambda p: p.start)
    region = next((p.place.name for p in places if p.place.kind == "region"), None)
    if region is None:
        region = next((p.place.region for p in places if p.place.kind == "city" and p.place.region), None)
    return region


def _area(doc: Document, fact: FactDraft, index: int, info: _Sentence, index_: _Index) -> str | None:
    """The place a total covers: the fact's city, a region named in its sentence (a region inside a police
    unit's name too: `ДП Жамбылской области`), the document's region for `в регионе`, the country for a
    national sentence."""
    if fact.city:
        return fact.city
    regions = [p for p in index_.places.get(index, []) if not p.origin and p.place.kind == "region"]
    if regions:
        before = [p for p in regions if p.start < fact.start]
        return (before[-1] if before else regions[0]).place.name
    if info.region_words:
        return index_.region
    if index in doc.national:
        return COUNTRY
    return None


def _nearest(items: list[DateDraft], position: int) -> DateDraft | None:
    before = [d for d in items if d.start < position]
    if before:
        return before[-1]
    return items[0] if items else None


def _shift(period: tuple[date, date]) -> tuple[date, date] | None:
    try:
        return period[0].replace(year=period[0].year - 1), period[1].replace(year=period[1].year - 1)
    except ValueError:  # 29 February
        return None


class _Index:
    """What the facts of one document look up, gathered in one pass over it: every lookup after is by
    sentence, so that a long document costs in proportion to its length."""

    def __init__(self, doc: Document):
        self.dates: dict[int, list[DateDraft]] = defaultdict(list)
        for d in doc.dates:
            self.dates[d.sentence].append(d)
        self.places: dict[int, list] = defaultdict(list)
        for p in doc.places:
            self.places[p.sentence].append(p)
        self.facts: dict[int, list[FactDraft]] = defaultdict(list)
        for f in doc.facts:
            self.facts[f.sentence].append(f)
        self.region = _document_region(doc)
        persons = Spans((p.start, p.end) for p in doc.persons)
        units = Spans((o.start, o.end) for o in doc.organisations)  # `ДП Жамбылской области` reports
        self.info = {
            s.index: _Sentence(doc, s.index, persons, units, self.dates[s.index], self.places[s.index])
            for s in doc.sentences
            if s.index not in doc.skipped
        }
        self.crime = {s.index: sentence_crime(s.text) for s in doc.sentences}
        # the crime named last up to each sentence in its paragraph, and the day named last before it
        self.paragraph_crime: dict[int, str | None] = {}
        self.day_before: dict[int, date | None] = {}
        remote: dict[int, bool] = defaultdict(bool)
        previous = None
        for sentence in doc.sentences:
            same = previous is not None and previous.paragraph == sentence.paragraph
            crime = self.crime[sentence.index]
            carried = self.paragraph_crime[previous.index] if same else None
            self.paragraph_crime[sentence.index] = crime if crime not in (None, "other") else carried
            day = None
            if same:
                before = self.info.get(previous.index)
                day = (
                    before.days[-1].start_date if before and before.days else self.day_before[previous.index]
                )
            self.day_before[sentence.index] = day
            remote[sentence.paragraph] |= _remote(sentence.text)
            previous = sentence
        self.remote_paragraph = remote
        # the period a total with none of its own reports on (`_inherited`), for each sentence
        self.inherited: dict[int, DateDraft | None] = {}
        reported_last: DateDraft | None = None
        lead = None
        first_three = sorted(self.info)[:3]
        for i in sorted(self.info):
            self.inherited[i] = reported_last or (lead if lead is not None else None)
            here = self.info[i]
            if here.aggregate:
                reported = [d for d in here.ranges if not _comparison(here, d)]
                if reported:
                    reported_last = reported[-1]
            if lead is None and i in first_three and here.long:
                lead = next((d for d in here.ranges if _is_period(d)), None)


def classify(doc: Document) -> None:
    """Fill each fact's scope, period, area, date and crime, and the document's main crime."""
    for kept in (_articles, _stem_crimes, _remote):
        kept.cache_clear()  # (answers are kept for one document's sentences: a run's texts differ)
    doc.crime = document_crime(doc)
    if not doc.facts:
        return
    index_ = _Index(doc)
    info = index_.info
    paragraph_of = {s.index: s.paragraph for s in doc.sentences}
    # a silent sentence right after a total goes on with it (`Ущерб превысил 3 млрд`)
    continues: dict[int, int] = {}
    last_total: int | None = None
    # `В Талдыкоргане — 14 фактов, в Текели — 3`, `Астана — 2 950 / 3,4 млрд`: a town's share of the total
    # before (its crimes, and the damage they did)
    counts_only = {
        i: any(f.kind == "crimes" for f in index_.facts.get(i, []))
        and all(f.kind in ("crimes", "money") for f in index_.facts.get(i, []))
        for i in info
    }
    for index in sorted(info):
        here = info[index]
        if here.aggregate:
            last_total = index
        elif (
            here.silent
            and (not here.places or counts_only[index] or here.counted or here.statistics)
            and last_total is not None
            and index - 1 in (last_total, continues.get(index - 1))
            and paragraph_of[last_total] == paragraph_of[index]
        ):
            continues[index] = last_total
        else:
            last_total = None
    previous: FactDraft | None = None  # the total before: its area and crime go on in a statistics text
    for fact in sorted(doc.facts, key=lambda f: f.start):
        here = info.get(fact.sentence)
        if here is None:
            continue
        source = fact.sentence if here.aggregate else continues.get(fact.sentence)
        if source is not None:
            fact.scope = "aggregate"
            fact.period = _period(fact, source, index_)
            fact.area = (
                _area(doc, fact, fact.sentence, here, index_)
                or (
                    _area(doc, FactDraft(fact.kind, 0, 10**12, 10**12, source), source, info[source], index_)
                    if source != fact.sentence
                    else None
                )
                or (previous.area if previous else None)
            )
            fact.crime = _fact_crime(doc, fact, source, index_, aggregate=True, previous=previous)
            previous = fact
        else:
            fact.scope = "incident"
            fact.date = _incident_date(fact, index_)
            fact.crime = _fact_crime(doc, fact, None, index_, aggregate=False)


GENERAL = re.compile(r"(?<!таких )(?<!этих )(?<!подобных )(?<!аналогичных )(?:преступлени|правонарушени)")
ALL_CRIMES = re.compile(r"зарегистрирован|в целом|всего")
COMPARED = re.compile(r"(?:чем|как|против(?:\s+[\d\s.,]+)?|с|до)\s+(?:в|за)?\s*$")


def _comparison(info: _Sentence, d: DateDraft) -> bool:
    """A period named to compare with (`больше, чем в первом квартале 2024 года`): not the one reported."""
    return bool(COMPARED.search(info.text[max(0, d.start - info.start - 25) : d.start - info.start]))


def _period(fact: FactDraft, source: int, index_: _Index) -> tuple[date, date] | None:
    """The period named right after the fact (`против 5 210 за первый квартал 2024 года`), else the nearest
    before it in its sentence, else the first of the sentence it continues, else the one inherited from the
    totals before it; a year back when the words around the fact say so (`против 502 за аналогичный период
    прошлого года`). None when the sentence names a period no date resolves (`с начала года` without a
    publication date)."""
    info = index_.info
    here = info[fact.sentence]
    offset = here.start
    own = None
    inherited = False
    if source == fact.sentence:
        right_after = [
            d
            for d in here.ranges
            if d.start >= fact.end
            and d.start - fact.end < 40
            and not re.search(r"[\d,;]", here.text[fact.end - offset : d.start - offset])
        ]
        before = [d for d in here.ranges if d.start < fact.start]
        own = right_after[0] if right_after else (before[-1] if before else None)
    elif info[source].ranges:
        own = info[source].ranges[0]
    if own is None:
        if (here.period_words and not here.ranges) or (source != fact.sentence and info[source].period_words):
            return None  # `с начала года` with no publication date: not guessed
        first = here.ranges[0] if source == fact.sentence and here.ranges else None
        own = index_.inherited.get(source) or first
        inherited = True
        if own is None:
            return None
    period = (own.start_date, own.end_date)
    if source == fact.sentence and (inherited or own.start < fact.start):
        after = here.text[fact.end - offset : fact.end - offset + 60]
        since = re.split(r"\d", here.text[: fact.start - offset][::-1], maxsplit=1)[0][::-1]
        compared = re.search(r"против\s*$", since) or (
            re.search(r"(?:^|\s)с\s*$", since) and re.match(r"\s*до\s+\d", after)
        )  # `против 502`; `сократилось с 1 126 до 948`: the first is the year before
        if _shift_words(after) or scope_cues()["shift"].search(since) or compared:
            return _shift(period)
    return period


def _shift_words(after: str) -> bool:
    """`502 за аналогичный период прошлого года`: the words right after the figure, up to the next figure
    or the clause's end."""
    head = re.split(r"[\d,;—–]", after, maxsplit=1)[0]
    return bool(scope_cues()["shift"].search(head))


def _incident_date(fact: FactDraft, index_: _Index) -> date | None:
    """A day named in the fact's sentence (the nearest before it), else the last one named before it in
    its paragraph."""
    here = index_.info.get(fact.sentence)
    if here is not None and here.days:
        return _nearest(here.days, fact.start).start_date
    return index_.day_before.get(fact.sentence)


def _fact_crime(
    doc: Document,
    fact: FactDraft,
    source: int | None,
    index_: _Index,
    aggregate: bool,
    previous: FactDraft | None = None,
) -> str | None:
    """The crime its sentence names (for a total: the sentence it continues too), else its paragraph's, else
    the document's (for a total: the crime of the total before it). A fraud is internet_fraud when its
    sentence or paragraph tells of remote fraud, and, for an incident, when the document is about remote
    fraud; a total of `мошенничества` stays fraud unless its words or the total before say otherwise."""
    sentence = doc.sentences[fact.sentence]
    weak = doc.crime not in TAKING
    crime = sentence_crime(sentence.text, weak=weak)
    if crime is None and source is not None and source != fact.sentence:
        crime = sentence_crime(doc.sentences[source].text, weak=weak)
    if crime is None and not aggregate:
        # a digest's items are paragraphs or runs of sentences: `В Жаркенте задержаны двое курьеров` is
        # about the drugs named just before
        crime = index_.paragraph_crime.get(fact.sentence)
    if crime is None and aggregate and GENERAL.search(sentence.text.lower()):
        if previous is None or ALL_CRIMES.search(sentence.text.lower()):
            return "other"  # `зарегистрировано 2 840 преступлений`: all crimes, of no one category
    if crime is None and _remote(sentence.text):
        return "internet_fraud"  # `перевела 230 000 тенге «сотруднику банка», который позвонил ей`
    if crime is None and previous is not None:
        return previous.crime
    if crime is None or (crime == "other" and doc.crime is not None):
        return doc.crime
    if crime == "fraud":
        if _remote(sentence.text) or (source is not None and _remote(doc.sentences[source].text)):
            return "internet_fraud"
        if aggregate and previous is not None and previous.crime == "internet_fraud":
            return "internet_fraud"  # `Жители области перевели аферистам ...` after a total of internet fraud
        if not aggregate and (doc.crime == "internet_fraud" or index_.remote_paragraph[sentence.paragraph]):
            return "internet_fraud"
    return crime
