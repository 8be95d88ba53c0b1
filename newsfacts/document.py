"""The document that flows through the pipeline: each stage reads some fields and fills others."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .ner import Mention
from .normalize import Normalized
from .segment import Sentence


@dataclass
class Place:
    name: str  # today's name, nominative
    kind: str  # city | region | country
    region: str | None = (
        None  # a city's region (rules/gazetteer.tsv: its oblast, or a foreign city's country)
    )
    country: str | None = None  # ISO 3166-1 alpha-2
    geonames: int | None = None  # the GeoNames id; None for a place from rules/ only or a settlement word


@dataclass
class PlaceMention:
    place: Place
    start: int  # offsets in the normalised text
    end: int
    sentence: int
    # `житель Тараза`, `уроженец Экибастуза`, `везли в Ушарал`: where one is from or headed, not the scene
    origin: bool = False


@dataclass
class NamedMention:
    name: str
    start: int
    end: int


@dataclass
class FactDraft:
    kind: str
    value: Decimal | int
    start: int
    end: int
    sentence: int
    qualifier: str = "exact"
    currency: str | None = None
    role: str | None = None
    city: str | None = None
    scope: str = "incident"  # incident | aggregate (scope.py)
    period: tuple[date, date] | None = None  # an aggregate's period
    area: str | None = None  # an aggregate's city, region or country
    date: date | None = None  # an incident's day, when the text names it
    crime: str | None = None
    unit: str | None = None  # seized only: kg, l, pcs, pack, block
    item: str | None = None  # seized only: the normalised name of what was seized


@dataclass
class DateDraft:
    start_date: date
    end_date: date
    start: int
    end: int
    sentence: int


@dataclass
class Document:
    doc_id: str
    text: str
    source: str | None = None
    reference_date: date | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)
    normalized: Normalized | None = None
    lang: str = "ru"
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    national: set[int] = field(default_factory=set)  # sentences that speak of the whole country
    persons: list[NamedMention] = field(default_factory=list)
    organisations: list[NamedMention] = field(default_factory=list)
    facts: list[FactDraft] = field(default_factory=list)
    dates: list[DateDraft] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # sentences not in Russian: no facts are read from them
    crime: str | None = None  # the document's main crime (scope.py)
