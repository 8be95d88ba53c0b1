"""Stage 1: clean the text for the models while keeping a map back to the original offsets.

Every later stage works on `Normalized.text`; `Normalized.span()` turns its spans back into spans of the
original, so that the evidence a user sees is exactly what the source said.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from collections.abc import Sequence
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
# a WORD with a Latin letter in it: the only words `_fix_homoglyphs` may change (most have none)
WORD_WITH_LATIN = re.compile(r"(?<![^\W\d_])[^\W\d_]*[A-Za-z][^\W\d_]*")
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
# Where the one-to-one copy stops: markup, entities, CR, invisible characters, and a character that combining
# marks follow (REPLACE's other characters are replaced one for one, by ONE_TO_ONE).
_COMBINING = "".join(chr(c) for c in range(0x110000) if unicodedata.combining(chr(c)))
SLOW = re.compile(f"[<&\r{re.escape(INVISIBLE)}]|.(?=[{re.escape(_COMBINING)}])", re.DOTALL)
ONE_TO_ONE = str.maketrans({c: r for c, r in REPLACE.items() if c != "\r"})

# `3-х`, `5-ти`, `7-ми`, `2-ух`: a cardinal's case ending after its figure (not `2-м квартале`, `1-го`)
NUMERAL_ENDING = re.compile(r"(?<=\d)-(?:ти|х|ух|ёх|ех|ми|и)(?![А-Яа-яЁё])")
# `тенге".Жандос`: a quote closed, a full stop, and the speaker's name with no space between them.
GLUED_QUOTE = re.compile(r'(?:[.!?…]"|"[.!?…])(?=[A-ZА-ЯЁ])')


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    # (arrays of 8-byte ints, not tuples: a tuple costs 36 bytes a character)
    offsets: Sequence[int]  # offsets[i] = index in `original` of text[i]; one extra entry at the end
    # ends[i] = index in `original` just after what text[i] came from: past the whole `&nbsp;` or the
    # combining marks composed into text[i]
    ends: Sequence[int]

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
        pieces, offsets, ends = self._clean_chars(original)
        text = "".join(pieces)
        text = self._fix_homoglyphs(text)
        # `более 3-х млн`, `80-ти килограммов`: a case ending typed after a figure is blanked (same length:
        # the offsets do not move), or the figure would be no number to the grammars
        text = NUMERAL_ENDING.sub(lambda m: " " * len(m.group()), text)
        text, offsets, ends = self._split_glued_quotes(text, offsets, ends)
        offsets.append(len(original))
        return Normalized(original, text, offsets, ends)

    @staticmethod
    def _clean_chars(original: str) -> tuple[list[str], array, array]:
        """The cleaned text in pieces, and for each of its characters where in `original` it came from.
        Runs of characters that map one to one are copied whole (a long text must not cost a Python
        object per character: a 20 MB page did); the rest goes a cluster at a time."""
        pieces: list[str] = []
        offsets, ends = array("q"), array("q")
        markup = {m.start(): m for m in MARKUP.finditer(original)} if "<" in original else {}
        index = 0
        while index < len(original):
            found = SLOW.search(original, index)
            stop = found.start() if found else len(original)
            if stop > index:
                pieces.append(original[index:stop].translate(ONE_TO_ONE))
                offsets.extend(range(index, stop))
                ends.extend(range(index + 1, stop + 1))
                index = stop
                continue
            tag = markup.get(index)
            if tag is not None:
                pieces.append("\n" if tag.group(2) else " ")
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
                pieces.append(REPLACE.get(char, char))
                offsets.append(index)
                ends.append(end)
            index = end
        return pieces, offsets, ends

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

        return WORD_WITH_LATIN.sub(fix, text)  # same length: the offsets do not move

    @staticmethod
    def _split_glued_quotes(text: str, offsets: array, ends: array) -> tuple[str, array, array]:
        """A line break at each cut, made in one pass (one insertion at a time copies a long text as
        often as it has cuts). The inserted break is empty, at the name that follows."""
        cuts = [match.end() for match in GLUED_QUOTE.finditer(text)]
        if not cuts:
            return text, offsets, ends
        pieces, new_offsets, new_ends = [], array("q"), array("q")
        last = 0
        for cut in cuts:
            pieces += [text[last:cut], "\n"]
            new_offsets += offsets[last:cut]
            new_offsets.append(offsets[cut])
            new_ends += ends[last:cut]
            new_ends.append(offsets[cut])
            last = cut
        pieces.append(text[last:])
        new_offsets += offsets[last:]
        new_ends += ends[last:]
        return "".join(pieces), new_offsets, new_ends
