"""Which language a text or sentence is in: Russian, Kazakh (its own Cyrillic letters), or other.

Counted in words, not letters: a Russian sentence that names `Әсел Нұрланқызы` has two Kazakh words and
many Russian function words (`в`, `по`, `что`: rules/russian_words.txt) that Kazakh does not use.
"""

from __future__ import annotations

import re

from . import resources

KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]+")
LETTER_RUN = re.compile(r"[^\W\d_]+")
KAZAKH_WORDS = 0.2  # share of words with a Kazakh letter: Kazakh prose has ~30-40 %
RUSSIAN_WORDS = 0.1  # share of Russian function words: Russian prose has ~25 %, Kazakh none
ALL_KAZAKH = 0.4


def detect(text: str) -> str:
    # (letters and Cyrillic letters counted by their runs: the same counts, far fewer matches)
    letters = sum(map(len, LETTER_RUN.findall(text)))
    words = CYRILLIC_WORD.findall(text)
    if letters == 0 or sum(map(len, words)) / letters < 0.5:
        return "other"
    kazakh = 0.0
    if KAZAKH_LETTERS.search(text):  # (most texts have no Kazakh letter at all)
        kazakh = sum(1 for w in words if KAZAKH_LETTERS.search(w)) / len(words)
    if kazakh >= ALL_KAZAKH:
        return "kk"
    if kazakh < KAZAKH_WORDS:
        return "ru"  # (the Russian words are counted only where they decide)
    russian = sum(1 for w in words if w.lower() in _russian_words()) / len(words)
    return "kk" if russian < RUSSIAN_WORDS else "ru"


_RUSSIAN: frozenset[str] | None = None


def _russian_words() -> frozenset[str]:
    global _RUSSIAN
    if _RUSSIAN is None:
        _RUSSIAN = frozenset(resources.words("russian_words.txt"))
    return _RUSSIAN
