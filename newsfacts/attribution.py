"""Stage 5: which city each fact belongs to.

The incident's city in the same sentence (the nearest before the fact, else the first after it); else the
last one named earlier in the same paragraph; a city abroad only when neither names one in Kazakhstan;
else, in a text that names one town as a scene and no region, that town (real news name it once, in the
dateline or the headline).
A city of origin (`житель Тараза`) or of destination (`везли в Ушарал`) is never the incident's. A
sentence about the whole country, or naming only a region, stops the search: null, not a guess.
"""

from __future__ import annotations

from collections import defaultdict

from .document import Document, FactDraft, PlaceMention
from .spans import Spans


def _incident(doc: Document) -> dict[int, list[PlaceMention]]:
    """The places each sentence names as a scene (in text order), by sentence index. A region inside an
    organisation's name (`В Аксу сотрудники ДП Павлодарской области`, `Нарушение выявили сотрудники ДП
    Атырауской области`) is who reports, not where: it is left out, and the town named before still holds.
    A sentence about the whole region says so in words (`в регионе`, rules/national_scope.txt)."""
    units = Spans((o.start, o.end) for o in doc.organisations)
    here: dict[int, list[PlaceMention]] = defaultdict(list)
    for p in sorted(doc.places, key=lambda p: p.start):  # unknown towns are found last
        if p.origin or p.place.kind not in ("city", "region"):
            continue
        if p.place.kind == "city" or not units.overlaps(p.start, p.end):
            here[p.sentence].append(p)
    return here


def _is_foreign(place) -> bool:
    """A city abroad (its region is a country) or a town the gazetteer does not know: all of Kazakhstan's
    towns are in it."""
    return place.kind == "city" and (place.region is None or place.region in _countries())


_COUNTRIES: set[str] | None = None


def _countries() -> set[str]:
    global _COUNTRIES
    if _COUNTRIES is None:
        from .places import gazetteer

        _COUNTRIES = {p.name for p in gazetteer().by_name.values() if p.kind == "country"}
    return _COUNTRIES


def _city_in_sentence(candidates: list[PlaceMention], fact: FactDraft) -> str | None | bool:
    """A city name, None when the sentence names a region only, False when it names no place."""
    if not candidates:
        return False
    before = [p for p in candidates if p.start < fact.start]
    chosen = before[-1] if before else candidates[0]
    return chosen.place.name if chosen.place.kind == "city" else None


def _earlier_in_paragraph(
    doc: Document, incident: dict[int, list[PlaceMention]]
) -> dict[int, str | None | bool]:
    """For each sentence, the city named last before it in its paragraph (None for a region, False for
    nothing, or when a sentence about the whole country comes between): one pass, not a walk back per fact."""
    found: dict[int, str | None | bool] = {}
    previous = None
    for sentence in doc.sentences:
        carried: str | None | bool = False
        if previous is not None and previous.paragraph == sentence.paragraph:
            places = [p for p in incident.get(previous.index, []) if not _is_foreign(p.place)]
            if places:
                carried = places[-1].place.name if places[-1].place.kind == "city" else None
            elif previous.index not in doc.national:
                carried = found[previous.index]
        found[sentence.index] = carried
        previous = sentence
    return found


def attribute(doc: Document) -> None:
    """A city abroad is where money went or where people came from more often than the scene of a Kazakh
    press release: it is taken only when no city of Kazakhstan is named in the sentence or before it in
    the paragraph (`перевел 600 млн тенге в Дубай` stays in Алматы)."""
    incident = _incident(doc)
    earlier = _earlier_in_paragraph(doc, incident)
    only = _only_city(incident)
    for fact in doc.facts:
        here = incident.get(fact.sentence, [])
        city = _city_in_sentence([p for p in here if not _is_foreign(p.place)], fact)
        if city is False and fact.sentence not in doc.national:
            city = earlier.get(fact.sentence, False)
        if city is False:
            city = _city_in_sentence(here, fact)
        if city is False and fact.sentence not in doc.national:
            city = only  # a story told of one town: its later paragraphs need not name it again
        fact.city = city or None


def _only_city(incident: dict[int, list[PlaceMention]]) -> str | None:
    """The town where a text's incidents happen when it names exactly one as a scene (a dateline, the
    headline, the police of a town) and no region: else None (a region named makes a fact with no town
    near it possibly regional: null, not a guess)."""
    places = {p.place.name: p.place for found in incident.values() for p in found}
    cities = [name for name, place in places.items() if place.kind == "city"]
    return cities[0] if len(cities) == 1 and len(places) == 1 else None
