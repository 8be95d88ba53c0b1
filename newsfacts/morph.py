"""One pymorphy analyser per process, shared by the grammars and the stages (yargy applies the fix that
pymorphy2 needs on Python 3.11 when it is imported)."""

from __future__ import annotations

from functools import cache, lru_cache

from yargy.morph import CachedMorphAnalyzer


@cache
def analyzer() -> CachedMorphAnalyzer:
    return CachedMorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    return frozenset(form.normalized for form in analyzer()(word.lower()))
