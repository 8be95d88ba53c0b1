"""Stage 5: which city each fact belongs to.

The incident's city in the same sentence (the nearest before the fact, else the first after it); else the
last one named earlier in the same paragraph. A city of origin (`житель Тараза`) is never the incident's.
A sentence about the whole country, or naming only a region, stops the search: null, not a guess.
"""

from __future__ import annotations

from .document import Document, FactDraft, PlaceMention


def _incident(places: list[PlaceMention], sentence: int) -> list[PlaceMention]:
    return [
        p for p in places if p.sentence == sentence and not p.origin and p.place.kind in ("city", "region")
    ]


def _city_in_sentence(candidates: list[PlaceMention], fact: FactDraft) -> str | None | bool:
    """A city name, None when the sentence names a region only, False when it names no place."""
    if not candidates:
        return False
    before = [p for p in candidates if p.start < fact.start]
    chosen = before[-1] if before else candidates[0]
    return chosen.place.name if chosen.place.kind == "city" else None


def attribute(doc: Document) -> None:
    paragraph_of = {s.index: s.paragraph for s in doc.sentences}
    for fact in doc.facts:
        city = _city_in_sentence(_incident(doc.places, fact.sentence), fact)
        if city is False and fact.sentence not in doc.national:
            index = fact.sentence - 1
            while index >= 0 and paragraph_of.get(index) == paragraph_of[fact.sentence]:
                places = _incident(doc.places, index)
                if places:
                    city = places[-1].place.name if places[-1].place.kind == "city" else None
                    break
                if index in doc.national:
                    break
                index -= 1
        fact.city = city or None
