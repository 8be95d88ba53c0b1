"""Stage 2: paragraphs, sentences and tokens (razdel), with offsets into the normalised text.

razdel does not break sentences at line ends, but a news text's lines are headlines, bylines and
paragraphs: every line is split on its own. Blank lines separate paragraphs, which bound attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from razdel import sentenize, tokenize
from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit

from .grammars import lexicon

BLANK_LINES = re.compile(r"\n[ ]*\n\s*")
# A sentence longer than this is cut into pieces: the Earley parser and the NER batch stay bounded.
MAX_SENTENCE_CHARS = 1000


@dataclass(slots=True)  # (slots: a long text has millions of them; a dict each would double its memory)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


def _paragraphs(text: str):
    start = 0
    for match in BLANK_LINES.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _lines(text: str, start: int, end: int):
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            yield start + match.start(), start + match.end()


WORD_RUN = re.compile(r"\w+")


def _cut(text: str, start: int) -> int:
    """Where to cut an overlong sentence: the last space of its second half that does not split digits
    (`1 700 000`), else any space, else any other non-word character. Never inside a word or a number:
    a piece that began in the middle of `777...777 тенге` would read its tail as a sum of money. -1: the
    window is one run of word characters."""
    low, high = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
    fallback = -1
    for cut in range(high - 1, low - 1, -1):
        if text[cut] == " ":
            if not (text[cut - 1].isdigit() and text[cut + 1].isdigit()):
                return cut
            fallback = max(fallback, cut)
    if fallback > 0:
        return fallback
    for cut in range(high, start, -1):
        if not (text[cut - 1].isalnum() or text[cut - 1] == "_"):
            return cut
    return -1


def _chunks(text: str, start: int, end: int):
    """Cut an overlong sentence into pieces of at most MAX_SENTENCE_CHARS. A run of more than that many
    word characters with no break (`7777...`, a base64 blob) holds no word and no number: it is left out."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start)
        if cut < 0:
            start = min(end, WORD_RUN.match(text, start).end())
            continue
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _continues_sum(before: str, after: str) -> bool:
    """razdel ends a sentence at `10 тыс.` when a capital follows: `10 тыс. USD`, `3 тыс. Долларов`."""
    # the tail only: on a whole piece, the search would retry at every letter of a long word (quadratic)
    last = re.search(r"(\w+)\.\s*$", before[-40:])
    first = re.match(r"\s*([^\W\d_]+|[₸$€₽])", after)
    if not last or not first or last.group(1).lower() not in lexicon.multipliers():
        return False
    word = first.group(1).lower()
    return any(
        word == form.lower() or (len(form) > 3 and word.startswith(form[:4].lower()))
        for form in lexicon.currencies()
    )


def _sentences(text: str, start: int, end: int):
    """razdel's sentences of one line, re-joined where it cut a sum from its currency."""
    pieces: list[list[int]] = []
    for piece in sentenize(text[start:end]):
        s_start, s_end = start + piece.start, start + piece.stop
        if pieces and _continues_sum(text[pieces[-1][0] : pieces[-1][1]], text[s_start:s_end]):
            pieces[-1][1] = s_end
        else:
            pieces.append([s_start, s_end])
    return pieces


MAX_JOINS = 100_000  # razdel's answers kept (pairs of atoms with what its rules read of them)
_JOINS: dict[tuple, bool] = {}


def _join_key(matches: list, index: int, buffer: str) -> tuple:
    """All that razdel's token rules read of the pair of atoms before `index` and at it: the types of
    the two and the texts of punctuation and Latin ones (a rule asks whether a mark is a dash, a dot, a
    slash; `yahoo` before `!`: no rule reads a Russian word's, a number's or another sign's), the types of
    the atoms before and after them (`Rule2112`: the word around a dash, a dot, a slash), and the token so
    far when both are punctuation (`punct`: a smiley)."""
    left, right = matches[index - 1], matches[index]
    left_type, right_type = left.lastgroup, right.lastgroup
    return (
        left.group() if left_type in _READ else None,
        left_type,
        matches[index - 2].lastgroup if index > 1 else None,
        right.group() if right_type in _READ else None,
        right_type,
        matches[index + 1].lastgroup if index + 1 < len(matches) else None,
        buffer if left_type == right_type == "PUNCT" else None,
    )


_READ = ("PUNCT", "LAT")  # the atoms whose text razdel's rules read


def tokens(text: str) -> list[tuple[int, int, str]]:
    """razdel's `tokenize(text)` as (start, stop, text), the same tokens made with less work. razdel cuts
    the text into atoms (a run of letters, of digits, one other character) and asks its rules whether to
    join two atoms in a row only when no space is between them (`TokenSegmenter.segment`): atoms apart are
    tokens apart. It builds the rules' view of every pair, apart or not, and then finds each token in the
    text again; here only the pairs with nothing between them are asked, with razdel's own view of them
    (its three atoms to each side, across spaces as its rules read them), and their answer is kept by what
    they read of it (`_join_key`). A token then starts where its first atom does (only spaces lie between
    two). tests/test_segment.py compares the two."""
    found: list[tuple[int, int, str]] = []
    matches = list(ATOM.finditer(text))
    if not matches:
        return found
    atoms: list[Atom] | None = None  # (made when a pair asked about is new)
    start, stop = matches[0].span()
    buffer = matches[0].group()
    for index in range(1, len(matches)):
        match = matches[index]
        if match.start() == stop:
            key = _join_key(matches, index, buffer)
            joined = _JOINS.get(key)
            if joined is None:
                if atoms is None:
                    atoms = [Atom(m.start(), m.end(), m.lastgroup, m.group()) for m in matches]
                split = TokenSplit(atoms[max(0, index - 3) : index], "", atoms[index : index + 3])
                split.buffer = buffer
                if len(_JOINS) > MAX_JOINS:
                    _JOINS.clear()
                joined = _JOINS[key] = bool(tokenize.join(split))
            if joined:
                buffer += match.group()
                stop = match.end()
                continue
        found.append((start, start + len(buffer), buffer))
        start, stop = match.span()
        buffer = match.group()
    found.append((start, start + len(buffer), buffer))
    return found


def segment(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraphs(text)):
        for l_start, l_end in _lines(text, p_start, p_end):
            for piece_start, piece_end in _sentences(text, l_start, l_end):
                for s_start, s_end in _chunks(text, piece_start, piece_end):
                    body = text[s_start:s_end]
                    if not body.strip():
                        continue
                    found = [Token(s_start + a, s_start + b, word) for a, b, word in tokens(body)]
                    sentences.append(Sentence(len(sentences), paragraph, s_start, s_end, body, found))
    return sentences
