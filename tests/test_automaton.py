"""grammars/automaton.py: a grammar compiled to a DFA finds exactly the token ranges of its matches, and
the pipeline's records are the same with the automata as with the anchor windows (the differential test
of the fast path against the reference one, on every corpus text)."""

from pathlib import Path

import pytest
from yargy import Parser, or_, rule
from yargy.predicates import eq, in_

from newsfacts import Pipeline
from newsfacts.grammars.automaton import compile_automaton
from newsfacts.grammars.tokenizer import NewsTokenizer
from newsfacts.grammars.windows import VERDICTS, _keys
from newsfacts.morph import analyzer
from newsfacts.reader import read

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def tokenizer():
    return NewsTokenizer(morph=analyzer())


def _spans(grammar, tokenizer, text):
    automaton = compile_automaton(Parser(grammar, tokenizer=tokenizer).rule, VERDICTS)
    tokens = tokenizer.tokens(text)
    return automaton.spans(tokens, _keys(tokens))


DIGIT = in_({"1", "2"})
# (grammar, text, the ranges that hold its matches, merged where they overlap)
CASES = [
    (rule(eq("от").optional(), DIGIT, eq("до"), DIGIT), "a от 1 до 2 b 1 до c 2 до 1", [(1, 5), (9, 12)]),
    (rule(DIGIT, eq("тг").optional()), "1 тг x 2", [(0, 2), (3, 4)]),
    (rule(DIGIT, eq("до")), "1 1 до", [(1, 3)]),  # the first `1` starts nothing
    (or_(rule(DIGIT), rule(eq("тг"))), "a b тг", [(2, 3)]),  # no anchor needed: found anyway
    (rule(DIGIT.repeatable(max=2), eq("до")), "1 2 1 до", [(1, 4)]),  # at most two digits
    (rule(DIGIT, eq("до")), "до 1", []),
]


@pytest.mark.parametrize("grammar,text,expected", CASES)
def test_the_automaton_finds_the_ranges_of_the_matches(tokenizer, grammar, text, expected):
    assert _spans(grammar, tokenizer, text) == expected


def test_a_recursive_grammar_has_no_automaton(tokenizer):
    from yargy import forward

    inner = forward()
    inner.define(or_(rule(DIGIT), rule(eq("("), inner, eq(")"))))
    assert compile_automaton(Parser(inner, tokenizer=tokenizer).rule, VERDICTS) is None


def test_equal_predicates_share_their_answers():
    assert VERDICTS.canonical(in_({"до"})) is VERDICTS.canonical(in_({"до"}))


def test_the_automata_give_the_records_the_anchor_windows_give(pipeline):
    reference = Pipeline(automata=False)
    paths = sorted(CORPUS.rglob("*.txt"))
    assert len(paths) > 150
    for path in paths:
        text = read(path).text
        assert pipeline(text, doc_id=path.stem) == reference(text, doc_id=path.stem), path
