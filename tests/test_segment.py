"""Stage 2: paragraphs, sentences (razdel, per line) and tokens with offsets."""

import random
from pathlib import Path

import pytest
from razdel import tokenize

from newsfacts.segment import MAX_SENTENCE_CHARS, segment, tokens


def test_lines_and_paragraphs():
    text = "Заголовок новости\nПервое предложение. Второе предложение.\n\nНовый абзац."
    sentences = segment(text)
    assert [s.text for s in sentences] == [
        "Заголовок новости",
        "Первое предложение.",
        "Второе предложение.",
        "Новый абзац.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 0, 1]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for token in s.tokens:
            assert text[token.start : token.end] == token.text


def test_sum_and_its_currency_stay_together():
    """razdel ends a sentence after `тыс.` when a capital follows; `10 тыс. USD` is one sum."""
    texts = [s.text for s in segment("Похищено 10 тыс. USD. Было 5 тыс. Полиция пришла.")]
    assert texts == ["Похищено 10 тыс. USD.", "Было 5 тыс.", "Полиция пришла."]


def test_overlong_sentence_is_cut():
    text = " ".join(["слово"] * 2000)
    sentences = segment(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_blank_text():
    assert segment("") == [] and segment(" \n\n \n") == []


def _razdel(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in tokenize(text)]


def test_tokens_are_razdels_on_every_corpus_line():
    # `tokens` asks razdel's rules only where no space parts two atoms: the same tokens as razdel's own
    lines = [
        line
        for path in sorted(Path(__file__).parent.parent.glob("corpus/**/*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    assert len(lines) > 1000
    assert [tokens(line) for line in lines] == [_razdel(line) for line in lines]


@pytest.mark.parametrize(
    "text",
    [
        "кто-то -то то-",
        "1,5 1, 5 1/2 1 /2",
        "...?! -- ** :) :-)",
        "Yahoo! yahoo !",
        "ΔP mβж",
        "a_b _",
        "",
        "  ",
    ],
)
def test_tokens_are_razdels_where_its_rules_join(text):
    assert tokens(text) == _razdel(text)


def test_tokens_are_razdels_on_random_strings():
    alphabet = "аб Ая.,-–—/\\_!?…:;()«»\"'12 3\t%$₸xyZΔσ*"
    rnd = random.Random(14)
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    assert [tokens(t) for t in texts] == [_razdel(t) for t in texts]
