"""Stage 1: clean the text for the models while keeping a map back to the original offsets.

Every later stage works on `Normalized.text`; `Normalized.span()` turns its spans back into spans of the
original, so that the evidence a user sees is exactly what the source said.
"""

from __future__ import annotations

import html
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
# `5&nbsp;000&nbsp;тенге`, `&laquo;`, `&#8470;`: scraped pages keep their entities (with the semicolon only).
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Markup of a scraped page: a tag is a space (a line break for a block: a paragraph or a heading ends its
# sentence), a script or a style block with its code is one space. Only real tag names: `x < 10 && y > 2`
# in prose stays as written.
BLOCK_TAGS = "p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|hr|title"
INLINE_TAGS = "a|b|i|u|em|strong|span|font|small|sup|sub|img|abbr|mark|time|label|nobr|wbr"
MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->"
    rf"|(</?(?:{BLOCK_TAGS})\b[^<>]*>)|</?(?:{INLINE_TAGS})\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
# `тенге".Жандос`: a quote closed, a full stop, and the speaker's name with no space between them.
GLUED_QUOTE = re.compile(r'(?:[.!?…]"|"[.!?…])(?=[A-ZА-ЯЁ])')


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in `original` of text[i]; one extra entry at the end
    # ends[i] = index in `original` just after what text[i] came from: past the whole `&nbsp;` or the
    # combining marks composed into text[i]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to the span of `original` that it came from."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.ends[end - 1]


def _homoglyph_tables() -> tuple[dict[str, str], dict[str, str]]:
    to_latin = dict(resources.table("homoglyphs.tsv"))
    return to_latin, {latin: cyrillic for cyrillic, latin in to_latin.items()}


class Normalizer:
    def __init__(self):
        self.to_latin, self.to_cyrillic = _homoglyph_tables()

    def __call__(self, original: str) -> Normalized:
        chars, offsets, ends = self._clean_chars(original)
        text = "".join(chars)
        text = self._fix_homoglyphs(text)
        text = self._split_glued_quotes(text, offsets, ends)
        return Normalized(original, text, tuple(offsets) + (len(original),), tuple(ends))

    @staticmethod
    def _clean_chars(original: str) -> tuple[list[str], list[int], list[int]]:
        chars: list[str] = []
        offsets: list[int] = []
        ends: list[int] = []
        markup = {m.start(): m for m in MARKUP.finditer(original)} if "<" in original else {}
        index = 0
        while index < len(original):
            tag = markup.get(index)
            if tag is not None:
                chars.append("\n" if tag.group(2) else " ")
                offsets.append(index)
                ends.append(tag.end())
                index = tag.end()
                continue
            entity = ENTITY.match(original, index) if original[index] == "&" else None
            if entity and html.unescape(entity.group()) != entity.group():
                end = entity.end()
                cluster = unicodedata.normalize("NFC", html.unescape(entity.group()))
            else:
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
                if char == "\r" and original[end : end + 1] == "\n":
                    continue  # CRLF: keep the LF only
                chars.append(REPLACE.get(char, char))
                offsets.append(index)
                ends.append(end)
            index = end
        return chars, offsets, ends

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
    def _split_glued_quotes(text: str, offsets: list[int], ends: list[int]) -> str:
        cuts = [match.end() for match in GLUED_QUOTE.finditer(text)]
        for cut in reversed(cuts):
            text = text[:cut] + "\n" + text[cut:]
            # the inserted break is empty, at the name that follows
            offsets.insert(cut, offsets[cut])
            ends.insert(cut, offsets[cut])
        return text
