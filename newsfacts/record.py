"""The public record: one per document. Its JSON Schema (`newsfacts schema`) is a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator

Kind = Literal["money", "detained", "victims", "crimes", "seized"]
Unit = Literal["kg", "l", "pcs", "pack", "block"]
Qualifier = Literal["exact", "more_than", "less_than", "about", "range_low", "range_high"]
Role = Literal["damage", "returned", "bribe", "fine", "price", "other"]
Lang = Literal["ru", "kk", "other"]
Scope = Literal["incident", "aggregate"]
# The categories of rules/crime_types.tsv (a test keeps the two equal).
Crime = Literal[
    "internet_fraud",
    "pyramid",
    "bribery",
    "livestock_theft",
    "tax_evasion",
    "smuggling",
    "drugs",
    "extortion",
    "robbery",
    "fraud",
    "embezzlement",
    "theft",
    "other",
]


def _exact_number(value: int | Decimal) -> int | float:
    # JSON has one number type: whole values go out as ints; the rest as the shortest float that reads
    # back to the same decimal (4.2, never 4.2000000001).
    if isinstance(value, int) or value == value.to_integral_value():
        return int(value)
    return float(value)


Value = Annotated[
    int | Decimal,
    PlainSerializer(_exact_number, return_type=int | float, when_used="json"),
    Field(ge=0),
    # Written out, not generated: what pydantic derives for `int | Decimal` changes between its releases
    # (a string pattern in 2.13, none in 2.14), and the file is a contract. In JSON the value is a number.
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "title": "Value",
            "description": "Exact value: an integer, or a decimal (never rounded); seized: in its unit",
        }
    ),
]
Span = tuple[int, int]
Day = date  # a Fact has a field called `date`


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="Normalised name (nominative, today's name for places)")
    mentions: list[Span] = Field(description="Character spans [start, end) in the original text")


class PlaceEntity(Entity):
    """A city, region or country, and where it is: to join the record to a map."""

    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code of the place's country, if known")
    geonames: int | None = Field(
        None, description="GeoNames id; null for a place from rules/ only or found by a settlement word"
    )
    region: str | None = Field(
        None, description="A city's region (a Kazakh oblast, or the city itself for Astana, Almaty, Shymkent)"
    )


class DateRange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: date
    end: date
    text: str
    span: Span


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: date
    end: date


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind
    value: Value
    currency: str | None = Field(None, description="ISO code (KZT, RUB, USD...) or MRP; money only")
    qualifier: Qualifier = "exact"
    role: Role | None = Field(None, description="What the sum is; money only")
    text: str = Field(description="Evidence: the original text of the span")
    span: Span = Field(description="Character span [start, end) in the original text")
    sentence: int = Field(description="Index of the sentence in the document, from 0")
    city: str | None = Field(None, description="City the fact is attributed to, or null when unknown")
    scope: Scope = Field(
        "incident", description="incident: one event; aggregate: a total over a period and an area"
    )
    period: Period | None = Field(None, description="An aggregate's period, when the text gives it")
    area: str | None = Field(
        None, description="The city, region or country an aggregate covers, when the text gives it"
    )
    date: Day | None = Field(None, description="The day an incident happened, when the text names it")
    crime: Crime | None = Field(None, description="The crime the fact is about (rules/crime_types.tsv)")
    unit: Unit | None = Field(
        None, description="What a seized quantity is counted in: kg, l, pcs, pack, block; seized only"
    )
    item: str | None = Field(None, description="What was seized, normalised (гашиш, сигареты); seized only")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    story: str = Field(
        "",
        description="The doc_id of the earliest document of the run that tells the same incident "
        "(a reprint, a rewrite, a follow-up); the record's own doc_id when none does",
    )
    source: str | None = None
    sha256: str
    lang: Lang
    published: date | None = Field(None, description="Publication date given with the input, if any")
    warnings: list[str] = []
    persons: list[Entity] = []
    organisations: list[Entity] = []
    cities: list[PlaceEntity] = []
    regions: list[PlaceEntity] = []
    countries: list[PlaceEntity] = []
    dates: list[DateRange] = []
    crime: Crime | None = Field(None, description="The document's main crime (rules/crime_types.tsv)")
    facts: list[Fact] = []

    @model_validator(mode="after")
    def _alone(self) -> Record:
        # A record on its own (one document, or read from a file written before stories) is its own story.
        if not self.story:
            self.story = self.doc_id
        return self


class ErrorRecord(BaseModel):
    """What a batch writes for an input that could not be turned into a Record."""

    model_config = ConfigDict(extra="forbid")
    source: str
    error: str = Field(
        description="Short machine-readable reason: empty, binary, decode, unreadable, timeout..."
    )
    message: str
    sha256: str | None = Field(None, description="SHA-256 of the input's bytes, when they could be read")
