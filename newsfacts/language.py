"""Which language a text or sentence is in: Russian, Kazakh (its own Cyrillic letters), or other."""

from __future__ import annotations

import re

KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LETTERS = re.compile(r"[^\W\d_]")
# Kazakh words are full of its letters; a Russian text that quotes a Kazakh name has very few.
KAZAKH_SHARE = 0.03


def detect(text: str) -> str:
    letters = len(LETTERS.findall(text))
    if letters == 0:
        return "other"
    cyrillic = len(CYRILLIC.findall(text))
    if cyrillic / letters < 0.5:
        return "other"
    return "kk" if len(KAZAKH_LETTERS.findall(text)) / cyrillic >= KAZAKH_SHARE else "ru"
