"""Stage 5: which city each fact belongs to.

The incident's city in the same sentence (the nearest before the fact, else the first after it); else the
last one named earlier in the same paragraph; a city abroad only when neither names one in Kazakhstan.
A city of origin (`житель Тараза`) is never the incident's. A sentence about the whole country, or naming
only a region, stops the search: null, not a guess.
"""

from __future__ import annotations

from .document import Document, FactDraft, PlaceMention


def _incident(places: list[PlaceMention], sentence: int) -> list[PlaceMention]:
    return [
        p for p in places if p.sentence == sentence and not p.origin and p.place.kind in ("city", "region")
    ]


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


def attribute(doc: Document) -> None:
    """A city abroad is where money went or where people came from more often than the scene of a Kazakh
    press release: it is taken only when no city of Kazakhstan is named in the sentence or before it in
    the paragraph (`перевел 600 млн тенге в Дубай` stays in Алматы)."""
    paragraph_of = {s.index: s.paragraph for s in doc.sentences}
    for fact in doc.facts:
        here = _incident(doc.places, fact.sentence)
        city = _city_in_sentence([p for p in here if not _is_foreign(p.place)], fact)
        if city is False and fact.sentence not in doc.national:
            index = fact.sentence - 1
            while index >= 0 and paragraph_of.get(index) == paragraph_of[fact.sentence]:
                places = [p for p in _incident(doc.places, index) if not _is_foreign(p.place)]
                if places:
                    city = places[-1].place.name if places[-1].place.kind == "city" else None
                    break
                if index in doc.national:
                    break
                index -= 1
        if city is False:
            city = _city_in_sentence(here, fact)
        fact.city = city or None
