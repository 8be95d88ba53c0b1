"""grammars/windows.py: the grammars run on token windows around anchors find exactly what yargy's
`Parser.findall` finds over the whole sentence (same spans, same tokens, same word forms kept)."""

from pathlib import Path

import pytest
from yargy import Parser, and_, not_, or_, rule
from yargy.predicates import (
    caseless,
    custom,
    dictionary,
    eq,
    gram,
    in_,
    in_caseless,
    is_capitalized,
    length_eq,
)
from yargy.predicates import type as token_type

from newsfacts import dates, facts
from newsfacts.grammars.count import COUNT, LikelyPredicate
from newsfacts.grammars.date import DATE
from newsfacts.grammars.money import MONEY
from newsfacts.grammars.quantity import QUANTITY
from newsfacts.grammars.tokenizer import NewsTokenizer
from newsfacts.grammars.windows import WindowParser, _compiled, _features, _Group
from newsfacts.morph import analyzer
from newsfacts.normalize import Normalizer
from newsfacts.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def tokenizer():
    return NewsTokenizer(morph=analyzer())


def _signature(matches):
    return [
        (
            m.span.start,
            m.span.stop,
            [
                (t.value, sorted((f.normalized, str(f.grams.values)) for f in getattr(t, "forms", [])))
                for t in m.tokens
            ],
        )
        for m in matches
    ]


def _corpus_sentences() -> list[str]:
    normalizer = Normalizer()
    found = set()
    for path in sorted(CORPUS.glob("*.txt")):
        found.update(s.text for s in segment(normalizer(path.read_text(encoding="utf-8")).text))
    return sorted(
        s for s in found if facts.CAN_HOLD_COUNT_OR_MONEY.search(s) or dates.CAN_HOLD_DATE.search(s)
    )


EXTRA = [
    "Задержан 35-летний житель Тараза, у него изъято 5 млн тенге и $50 тыс.",
    "Подозреваемый, 38-летний житель Риддера, уроженец города Экибастуза, задержан.",
    "С 18 по 20 апреля 2023 года и за 9 месяцев текущего года ущерб составил от 5 до 10 млн тенге.",
    "Задержаны трое, двоих подозреваемых водворили в ИВС; в 2025-м — 1711, против 1470 в прошлом году.",
    "Похищено 5 10 тенге, 2 млрд 277 млн тенге, полтора миллиона рублей, около тысячи долларов США",
]


@pytest.mark.parametrize("automata", [True, False], ids=["automata", "anchor-windows"])
@pytest.mark.parametrize(
    "name,grammar,groups",
    [
        ("money", MONEY, lambda: [(MONEY, facts.NUMBER_ANCHORS)]),
        ("count", COUNT, facts._count_groups),
        ("date", DATE, lambda: [(DATE, dates.ANCHORS)]),
        ("quantity", QUANTITY, lambda: [(QUANTITY, facts.NUMBER_ANCHORS)]),
    ],
)
def test_windows_find_what_the_whole_sentence_parser_finds(tokenizer, name, grammar, groups, automata):
    full = Parser(grammar, tokenizer=tokenizer)
    windowed = WindowParser(groups(), tokenizer, automata=automata)
    for sentence in _corpus_sentences() + EXTRA:
        expected = _signature(full.findall(sentence))
        assert _signature(windowed.findall(tokenizer.tokens(sentence))) == expected, (name, sentence)


def test_the_count_grammar_is_split_in_its_own_order():
    assert len(facts._count_groups()) == 3  # numbers; one person after the verb; one person before it


def test_window_bounds_come_from_the_grammar(tokenizer):
    digit = in_({"1", "2"})
    grammar = rule(eq("от").optional(), digit, eq("до"), digit, eq("тг").optional())
    group = _Group(grammar, [digit], tokenizer, automata=False)
    assert (group.bounds.before, group.bounds.after, group.bounds.gap) == (1, 1, 1)
    tokens = tokenizer.tokens("a b c от 1 до 2 тг d e f g h 1 до")
    assert group.windows(tokens) == [(3, 8), (12, 15)]


def test_a_window_without_a_needed_token_is_not_parsed(tokenizer):
    """Every match holds `до` (or `по`): the window around the lone `1` cannot hold one."""
    digit = in_({"1", "2"})
    group = _Group(
        rule(digit, or_(rule(eq("до")), rule(eq("по"))), digit.optional()), [digit], tokenizer, automata=False
    )
    assert sorted(str(n) for n in group.needs) == [str(eq("до")), str(eq("по"))]
    tokens = tokenizer.tokens("1 до 2 a b c d e f g 1 h")
    assert group.windows(tokens) == [(0, 4)]  # `1 до 2 a`; `1 h` has no `до`


def test_needs_of_an_optional_part_are_no_needs(tokenizer):
    digit = in_({"1"})
    group = _Group(rule(digit, eq("до").optional()), [digit], tokenizer)
    assert [group._is_anchor(n) for n in group.needs] == [True]  # only the anchor is sure to be there


def test_a_grammar_that_can_match_without_an_anchor_reads_the_whole_sentence(tokenizer):
    digit = in_({"1"})
    group = _Group(or_(rule(digit), rule(eq("тг"))), [digit], tokenizer, automata=False)
    assert group.bounds is None
    assert group.windows(tokenizer.tokens("a b тг")) == [(0, 3)]


def test_tokens_are_made_once_per_sentence(tokenizer):
    assert tokenizer.tokens("Изъято 5 млн тенге.") is tokenizer.tokens("Изъято 5 млн тенге.")


def test_a_words_class_is_every_predicate_that_holds_for_it(tokenizer):
    """The gates (`_gate`) only spare asking: a word's class is what asking every predicate gives."""
    from newsfacts.grammars.windows import VERDICTS

    for groups in (facts._count_groups(), [(MONEY, facts.NUMBER_ANCHORS)], [(DATE, dates.ANCHORS)]):
        WindowParser(groups, tokenizer)
    WindowParser([(QUANTITY, facts.NUMBER_ANCHORS)], tokenizer)
    predicates = [p for same_type in VERDICTS.by_type.values() for p in same_type]
    assert len(VERDICTS.ungated) < len(predicates) / 4  # the gates do spare asking
    words = {(t.value, t.type): t for s in _corpus_sentences() + EXTRA for t in tokenizer.tokens(s)}
    assert len(words) > 2000
    for token in words.values():
        expected = frozenset(id(p) for p in predicates if p(token))
        assert VERDICTS.sets[VERDICTS.klass(token)] == expected, token.value


@pytest.mark.parametrize(
    "predicate",
    [
        eq("до"),
        in_({"-", "—"}),
        caseless("Тенге"),
        in_caseless({"МЛН", "тыс"}),
        token_type("NUM"),
        gram("NOUN"),
        dictionary({"задержать", "тенге"}),
        length_eq(1),
        is_capitalized(),
        custom(str.isdigit, types="NUM"),
        custom(lambda value: len(value) > 3),
        and_(gram("NOUN"), gram("gent"), not_(eq("и"))),
        or_(eq("до"), and_(token_type("RU"), is_capitalized()), dictionary({"тенге"})),
        and_(),
        or_(),
        LikelyPredicate(),
    ],
)
def test_a_predicate_compiled_says_what_it_says(tokenizer, predicate):
    """`_compiled`: a predicate written out over a word's features holds for exactly the tokens for which
    yargy's own holds (words, numbers, punctuation, capitals, a token without forms)."""
    from yargy.token import Token

    rule_ = Parser(rule(predicate), tokenizer=tokenizer).rule
    active = rule_.productions[0].terms[0] if rule_.productions[0].terms else predicate
    tokens = list(tokenizer("До 5 МЛН тенге, задержан И. Иванов — 1 700 000 $ тыс. Задержания 12,5"))
    tokens += [Token("тенге", tokens[0].span, "RU"), Token("Алматы", tokens[0].span, "RU")]
    compiled = _compiled(active)
    for token in tokens:
        assert bool(compiled(*_features(token))) == bool(active(token)), (predicate, token.value)


def test_a_words_item_is_its_longest_listed_stem():
    """quantity.item_of looks a word's stems up: the same item as trying every stem, longest first."""
    from newsfacts.grammars import lexicon, quantity

    def every_stem(word):
        word = word.lower().replace("ё", "е")
        for item in lexicon.seized_items():
            if word.startswith(item.stem) and len(word) - len(item.stem) <= quantity.MAX_ENDING:
                return None if item.item == "-" else item
        return None

    endings = ["", "а", "ов", "ами", "ского", "ыыыыы"]
    words = {item.stem + ending for item in lexicon.seized_items() for ending in endings}
    words |= {t for s in _corpus_sentences() for t in s.split()}
    for word in words:
        assert quantity.item_of(word) == every_stem(word), word


def test_a_match_is_yargys_match_of_its_tree(tokenizer):
    # the tokens and span read from the tree's leaves, the tree made when asked: yargy's Match of it
    from yargy.parser import Match

    parser = WindowParser([(MONEY, facts.NUMBER_ANCHORS)], tokenizer)
    sentences = ("Ущерб составил 5 млн тенге.", "Изъято 300 тыс. долларов и 2 млн тенге, затем 5 млн тенге.")
    for sentence in sentences:
        for _ in range(2):  # (the second time the regions' trees are the ones parsed before)
            matches = parser.findall(tokenizer.tokens(sentence))
            assert matches and all(Match(m.tree) == m for m in matches)
