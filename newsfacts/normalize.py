"""Stage 1: clean the text for the models while keeping a map back to the original offsets.

Every later stage works on `Normalized.text`; `Normalized.span()` turns its spans back into spans of the
original, so that the evidence a user sees is exactly what the source said.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import resources

SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u205f\u3000\t\x0b\x0c"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width and soft hyphen: dropped
REPLACE = {
    **{c: " " for c in SPACES},
    **{c: '"' for c in "«»„“”‟″"},
    **{c: "'" for c in "‘’‚‛′"},
    **{c: "-" for c in "‐‑‒–−"},  # dashes inside numbers and ranges; the em dash stays
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
}

LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
WORD = re.compile(r"[^\W\d_]+")
# `тенге".Жандос`: a quote closed, a full stop, and the speaker's name with no space between them.
GLUED_QUOTE = re.compile(r'(?:[.!?…]"|"[.!?…])(?=[A-ZА-ЯЁ])')


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in `original` of text[i]; one extra entry at the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of `original` that it came from."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def _homoglyph_tables() -> tuple[dict[str, str], dict[str, str]]:
    to_latin = dict(resources.table("homoglyphs.tsv"))
    return to_latin, {latin: cyrillic for cyrillic, latin in to_latin.items()}


class Normalizer:
    def __init__(self):
        self.to_latin, self.to_cyrillic = _homoglyph_tables()

    def __call__(self, original: str) -> Normalized:
        chars, offsets = self._clean_chars(original)
        text = "".join(chars)
        text = self._fix_homoglyphs(text)
        text, offsets = self._split_glued_quotes(text, offsets)
        return Normalized(original, text, tuple(offsets) + (len(original),))

    @staticmethod
    def _clean_chars(original: str) -> tuple[list[str], list[int]]:
        chars: list[str] = []
        offsets: list[int] = []
        index = 0
        while index < len(original):
            # A base character and the combining marks after it are composed together (NFC).
            end = index + 1
            while end < len(original) and unicodedata.combining(original[end]):
                end += 1
            cluster = original[index:end]
            if len(cluster) > 1:
                cluster = unicodedata.normalize("NFC", cluster)
            for char in cluster:
                if char in INVISIBLE:
                    continue
                if char == "\r" and original[index + 1 : index + 2] == "\n":
                    continue  # CRLF: keep the LF only
                char = REPLACE.get(char, char)
                chars.append(char)
                offsets.append(index)
            index = end
        return chars, offsets

    def _fix_homoglyphs(self, text: str) -> str:
        # Only words that mix scripts: `Instаgram` (Cyrillic а) -> Instagram, `тенгe` (Latin e) -> тенге.
        def fix(match: re.Match) -> str:
            word = match.group()
            latin, cyrillic = len(LATIN.findall(word)), len(CYRILLIC.findall(word))
            if not latin or not cyrillic or latin == cyrillic:
                return word
            table = self.to_latin if latin > cyrillic else self.to_cyrillic
            fixed = "".join(table.get(char, char) for char in word)
            return fixed if not (LATIN.search(fixed) and CYRILLIC.search(fixed)) else word

        return WORD.sub(fix, text)  # same length: the offsets do not move

    @staticmethod
    def _split_glued_quotes(text: str, offsets: list[int]) -> tuple[str, list[int]]:
        ends = [match.end() for match in GLUED_QUOTE.finditer(text)]
        for end in reversed(ends):
            text = text[:end] + "\n" + text[end:]
            offsets.insert(end, offsets[end])  # the inserted break points at the name that follows
        return text, offsets
