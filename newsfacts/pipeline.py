"""The pipeline: a list of named stages over a Document, and the conversion to the public Record."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from functools import cache
from pathlib import Path

from . import frontmatter, language
from .attribution import attribute
from .dates import DateExtractor
from .document import Document
from .entities import EntityFinder
from .facts import FactExtractor
from .grammars.tokenizer import NewsTokenizer
from .morph import analyzer
from .ner import NER
from .normalize import Normalizer
from .places import PlaceFinder, gazetteer
from .record import DateRange, Entity, Fact, Period, PlaceEntity, Record
from .scope import classify
from .segment import segment

MIXED_SHARE = 0.25


class Pipeline:
    """Loads the models and compiles the grammars once; call it on as many texts as you like.

    >>> pipeline = Pipeline()
    >>> record = pipeline("В Павлодаре задержаны трое.", doc_id="a")
    """

    def __init__(self, automata: bool = True):
        """`automata=False`: the grammars' windows found around anchors instead of by their automata
        (grammars/automaton.py), the slower reference path the differential test compares with."""
        tokenizer = NewsTokenizer(morph=analyzer())
        self.normalizer = Normalizer()
        self.ner = NER()
        self.stages = [
            ("normalize", self._normalize),
            ("segment", self._segment),
            ("ner", self._ner),
            ("places", PlaceFinder()),
            ("entities", EntityFinder()),
            ("tokens done", _drop_tokens),
            ("facts", FactExtractor(tokenizer, automata)),
            ("dates", DateExtractor(tokenizer, automata)),
            ("attribution", attribute),
            ("scope", classify),
        ]

    def __call__(
        self,
        text: str,
        doc_id: str = "doc",
        source: str | None = None,
        date: date | None = None,
        sha256: str | None = None,
        warnings: list[str] | None = None,
    ) -> Record:
        _check_text(text)
        sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
        # The text's own date line wins over the caller's `date`, which is the default for texts without one.
        published = frontmatter.published(text) or date
        sections = _sections(text)
        if len(sections) == 1:
            return to_record(self._read(text, doc_id, source, published, warnings), sha256)
        # A text far longer than any article (a dump, a digest of a year): read a section at a time, so that
        # its memory and its time per MB stay those of an article's
        parts = []
        for start, end in sections:
            doc = self._read(text[start:end], doc_id, source, published, warnings)
            parts.append((start, len(doc.sentences), to_record(doc, sha256)))
        note = f"a long text: read in {len(sections)} sections cut at blank lines, not attributed across"
        return _joined(parts, note)

    def _read(self, text: str, doc_id, source, published, warnings) -> Document:
        doc = Document(doc_id=doc_id, text=text, source=source, warnings=list(warnings or []))
        doc.published = published
        doc.reference_date = published  # relative dates ("в прошлом году") resolve against it
        for _name, stage in self.stages:
            stage(doc)
        return doc

    def _normalize(self, doc: Document) -> None:
        doc.normalized = self.normalizer(doc.text)

    def _segment(self, doc: Document) -> None:
        doc.sentences = segment(doc.normalized.text)
        # Each sentence in its language; a text is Russian when a quarter of it is (a mixed text keeps
        # its Russian facts), and only Russian sentences are read.
        langs = {s.index: language.detect(s.text) for s in doc.sentences}
        russian = sum(len(s.text) for s in doc.sentences if langs[s.index] == "ru")
        doc.lang = language.detect(doc.normalized.text)
        # (also a page whose markup, scripts or data blobs outweigh its Russian prose)
        if doc.lang in ("kk", "other") and russian >= MIXED_SHARE * sum(len(s.text) for s in doc.sentences):
            doc.lang = "ru"
        if doc.lang == "kk":
            doc.warnings.append("kazakh text: facts are not extracted from Kazakh")
        elif doc.lang == "other":
            doc.warnings.append("not a Russian text: no facts extracted")
        elif any(lang == "kk" for lang in langs.values()):
            doc.warnings.append("mixed text: Kazakh sentences were skipped")
        for sentence in doc.sentences:
            if doc.lang != "ru" or langs[sentence.index] != "ru":
                doc.skipped.add(sentence.index)

    def _ner(self, doc: Document) -> None:
        doc.mentions = self.ner([s for s in doc.sentences if s.index not in doc.skipped])


SECTION_CHARS = 1_000_000  # longer texts are read in sections of about this many characters


def _sections(text: str) -> list[tuple[int, int]]:
    """[start, end) sections of at most about SECTION_CHARS, each ending at a blank line (else a line
    break, else a space) after half of that; one section for any text of an article's size."""
    found, start = [], 0
    while len(text) - start > SECTION_CHARS:
        low, high = start + SECTION_CHARS // 2, start + SECTION_CHARS
        cut = high
        for separator in ("\n\n", "\n", " "):
            at = text.rfind(separator, low, high)
            if at >= 0:
                cut = at + len(separator)
                break
        found.append((start, cut))
        start = cut
    found.append((start, len(text)))
    return found


def _joined(parts: list[tuple[int, int, Record]], note: str) -> Record:
    """One record of the sections' records: spans moved by where each section starts, sentences counted
    on, entities of one name merged, the main crime the one of most facts."""
    first = parts[0][2]
    merged = first.model_copy(deep=True)
    merged.warnings = list(dict.fromkeys([w for _, _, r in parts for w in r.warnings] + [note]))
    if any(r.lang == "ru" for _, _, r in parts):
        merged.lang = "ru"
    for field in ("persons", "organisations", "cities", "regions", "countries"):
        grouped: dict[str, Entity] = {}
        for offset, _, record in parts:
            for entity in getattr(record, field):
                mentions = [(a + offset, b + offset) for a, b in entity.mentions]
                known = grouped.get(entity.name.casefold())
                if known is None:
                    grouped[entity.name.casefold()] = entity.model_copy(update={"mentions": mentions})
                else:
                    known.mentions.extend(mentions)
        setattr(merged, field, list(grouped.values()))
    merged.dates, merged.facts = [], []
    sentences = 0
    crimes: dict[str, int] = {}
    for offset, count, record in parts:
        for span in record.dates:
            merged.dates.append(
                span.model_copy(update={"span": (span.span[0] + offset, span.span[1] + offset)})
            )
        for fact in record.facts:
            moved = {
                "span": (fact.span[0] + offset, fact.span[1] + offset),
                "sentence": fact.sentence + sentences,
            }
            merged.facts.append(fact.model_copy(update=moved))
        if record.crime:
            crimes[record.crime] = crimes.get(record.crime, 0) + len(record.facts) + 1
        sentences += count
    merged.crime = max(crimes, key=crimes.get) if crimes else None
    return merged


def _drop_tokens(doc: Document) -> None:
    """razdel's tokens are read by the places and entities only: a long text's millions of them are not
    kept through the stages after (the grammars tokenise for themselves)."""
    for sentence in doc.sentences:
        sentence.tokens = []


def _entities(mentions, normalized) -> list[Entity]:
    grouped: dict[str, Entity] = {}
    for name, start, end in mentions:
        entity = grouped.setdefault(name.casefold(), Entity(name=name, mentions=[]))
        entity.mentions.append(normalized.span(start, end))
    return list(grouped.values())


def _merge_short_names(persons: list[Entity]) -> list[Entity]:
    """`Суюнбай` alone is the `Жандос Суюнбай` named before."""
    full = [p for p in persons if " " in p.name]
    kept = []
    for person in persons:
        owner = next((f for f in full if " " not in person.name and person.name in f.name.split()), None)
        if owner is None:
            kept.append(person)
        else:
            owner.mentions.extend(person.mentions)
    return kept


def to_record(doc: Document, sha256: str) -> Record:
    normalized = doc.normalized
    original = normalized.original

    regions = {p.place.name for p in doc.places if p.place.kind == "region"} | _kz_regions()

    def places(kind: str) -> list[PlaceEntity]:
        grouped: dict[str, PlaceEntity] = {}
        for p in doc.places:
            if p.place.kind != kind:
                continue
            place = p.place
            # a foreign city's row in rules/ names its country as its region: that is no region
            region = place.region if kind == "city" and place.region in regions else None
            entity = grouped.setdefault(
                place.name.casefold(),
                PlaceEntity(
                    name=place.name,
                    mentions=[],
                    country=place.country,
                    geonames=place.geonames,
                    region=region,
                ),
            )
            entity.mentions.append(normalized.span(p.start, p.end))
        return list(grouped.values())

    facts = []
    for draft in sorted(doc.facts, key=lambda f: (f.start, f.kind)):
        start, end = normalized.span(draft.start, draft.end)
        facts.append(
            Fact(
                kind=draft.kind,
                value=draft.value,
                currency=draft.currency,
                qualifier=draft.qualifier,
                role=draft.role,
                text=original[start:end],
                span=(start, end),
                sentence=draft.sentence,
                city=draft.city,
                scope=draft.scope,
                period=Period(start=draft.period[0], end=draft.period[1]) if draft.period else None,
                area=draft.area,
                date=draft.date,
                crime=draft.crime,
                unit=draft.unit,
                item=draft.item,
            )
        )
    dates = []
    seen = set()
    for draft in sorted(doc.dates, key=lambda d: d.start):
        start, end = normalized.span(draft.start, draft.end)
        if (draft.start_date, draft.end_date, start) not in seen:
            seen.add((draft.start_date, draft.end_date, start))
            dates.append(
                DateRange(
                    start=draft.start_date, end=draft.end_date, text=original[start:end], span=(start, end)
                )
            )
    return Record(
        doc_id=doc.doc_id,
        source=doc.source,
        sha256=sha256,
        lang=doc.lang,
        published=doc.published,
        warnings=doc.warnings,
        persons=_merge_short_names(_entities([(p.name, p.start, p.end) for p in doc.persons], normalized)),
        organisations=_entities([(o.name, o.start, o.end) for o in doc.organisations], normalized),
        cities=places("city"),
        regions=places("region"),
        countries=places("country"),
        dates=dates,
        crime=doc.crime,
        facts=facts,
    )


@cache
def _kz_regions() -> frozenset[str]:
    """The regions of rules/gazetteer.tsv, and the cities that are their own region (Астана)."""
    places = gazetteer().by_name.values()
    return frozenset(p.name for p in places if p.kind == "region") | {
        p.name for p in places if p.kind == "city" and p.region == p.name
    }


_default: Pipeline | None = None


def _check_text(text) -> None:
    if isinstance(text, bytes | bytearray):
        raise TypeError(
            "extract() takes the text as str, not bytes: decode it first (data.decode('utf-8')), or read a "
            "file of any encoding with newsfacts.reader.read(path).text"
        )
    if isinstance(text, os.PathLike):
        raise TypeError(
            "extract() takes the text as str, not a path: read it with newsfacts.reader.read(path).text"
        )
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the text as str, not {type(text).__name__}")


def extract(text: str, doc_id: str = "doc", source: str | None = None, date: date | None = None) -> Record:
    """Extract the record of one text with a pipeline loaded on first use and kept for the next calls."""
    global _default
    _check_text(text)  # before the models load: a wrong argument is told at once
    if _default is None:
        _default = Pipeline()
    return _default(text, doc_id=doc_id, source=source, date=date)


def doc_id_of(path: Path) -> str:
    return path.stem
