"""The yargy tokenizer, taught the shapes of numbers seen in the news.

A grouped number (`1 700 000`, `1.700.000`) or a decimal (`4,2`) is ONE token, so the grammars never
glue separate numbers together: `8 701 234 56 78` is a phone, `2 000 000 2023 года` stays apart.
"""

from __future__ import annotations

from collections import OrderedDict

from yargy.span import Span
from yargy.token import MorphToken, Token
from yargy.tokenizer import LATIN, RULES, RUSSIAN, MorphTokenizer, TokenRule

PHONE = TokenRule("PHONE", r"(?:\+7|(?<!\d)8)[ (-]*\d{3}[ )-]*\d{3}[ -]*\d{2}[ -]*\d{2}(?!\d)")
# `17.02.2025`, `17.02.25`; `06/11/2024` with slashes (a four-digit year only: `1/2/25` may be no date)
DATE = TokenRule(
    "DATE",
    r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.]\d)|(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])",
)
# Groups of exactly three digits with one and the same separator. A short group after it would make it
# ambiguous (a phone, a list): then it is not joined. A year after it (`2 000 000 2023 года`) is left apart.
GROUPED = TokenRule(
    "NUM", r"(?<![\d.,])\d{1,3}(?:(?P<sep> |\.)\d{3})(?:(?P=sep)\d{3})*(?![\d]|[.,]\d| \d{1,3}(?!\d))"
)
DECIMAL = TokenRule("NUM", r"(?<![\d.,])\d+[,.]\d+(?![\d]|[.,]\d)")
# `14 136 508,40 тенге`: grouped by spaces, with tiyn after the comma
GROUPED_DECIMAL = TokenRule("NUM", r"(?<![\d.,])\d{1,3}(?: \d{3})+,\d{1,2}(?![\d]|[.,]\d)")
INTEGER = TokenRule("NUM", r"\d+")

# `₸`, `$`, `€`, `₽` are single tokens of their own type: the stock rules would call them OTHER/PUNCT.
SYMBOL = TokenRule("SYMBOL", r"[₸$€₽~]")

STOCK_RULES = [rule for rule in RULES if rule.type != "INT"]
# Words first: at each position the pattern tries its alternatives in order, and a Russian or Latin
# word (most tokens) starts with a letter, which none of the number and symbol rules does (the same
# tokens, with fewer tries).
WORDS = [rule for rule in STOCK_RULES if rule.type in (RUSSIAN, LATIN)]
TOKEN_RULES = [
    *WORDS,
    PHONE,
    DATE,
    GROUPED_DECIMAL,
    GROUPED,
    DECIMAL,
    INTEGER,
    SYMBOL,
    *[rule for rule in STOCK_RULES if rule not in WORDS],
]


# Sentences whose tokens are kept: more than a long document has, so that the dates stage reuses the
# tokens the facts stage made of the same sentences.
KEPT_SENTENCES = 2048


def _morph_key(word: str) -> str:
    """The word as the analyser is asked it: in lower case, as the other stages ask it (`Павлодаре` and
    `павлодаре` then share one entry of its cache). pymorphy2 reads a word in lower case but for a
    capital single letter, an initial (`И.`): that one, or a hyphened word with one, is asked as written.
    (The forms of the 3 117 capitalised words of corpus/ and the real set: the same either way.)"""
    if len(word) > 1 and "-" not in word:
        return word.lower()
    return word if any(len(part) == 1 for part in word.split("-")) else word.lower()


class NewsTokenizer(MorphTokenizer):
    def __init__(self, morph=None):
        super().__init__(rules=TOKEN_RULES, morph=morph)
        self._kept: OrderedDict[str, tuple] = OrderedDict()

    def __call__(self, text: str):
        """yargy's MorphTokenizer, in one loop: a Russian word is made a MorphToken at once (yargy makes
        a Token, then its MorphToken), and the pattern is not looked up again for every sentence."""
        mapping, morph = self.mapping, self.morph
        for match in self.regexp.finditer(text):
            type = mapping[match.lastgroup]
            value = match.group(0)
            start, stop = match.span()
            if type == RUSSIAN:  # (`_morph_key`, its common case written out: a call per word less)
                key = value.lower() if len(value) > 1 and "-" not in value else _morph_key(value)
                yield MorphToken(value, Span(start, stop), type, morph(key))
            else:
                yield Token(value, Span(start, stop), type)

    def tokens(self, text: str) -> tuple:
        """The tokens of a sentence, made once for all the stages that read it (never changed by them)."""
        found = self._kept.get(text)
        if found is None:
            found = self._kept[text] = tuple(self(text))
            if len(self._kept) > KEPT_SENTENCES:
                self._kept.popitem(last=False)
        return found
