"""yargy's Earley parser run only where a match can be: on short token windows around anchor tokens.

Why: `Parser.findall` over a whole sentence predicts the whole grammar at every token, and nearly all of
that work dies a token later (88 % of the pipeline's time went there). Every match of our grammars holds
an anchor token (a number, a number word, `задержан`, ...), and the grammars have no unbounded repeats,
so a match lies within a fixed number of tokens of its anchors. Those bounds are computed from the
grammar itself (its BNF), not written by hand: a grammar edit can make the windows wider, never wrong.
A grammar that can match without an anchor is parsed over the whole sentence, as before.

The windows see the sentence's own token objects, so spans and tokens of the matches are the same as
those of `Parser.findall(sentence)`; the matches of all windows (and of all the rule groups of one
grammar) are sorted and resolved together, with yargy's own `resolve_spans`.
"""

from __future__ import annotations

from dataclasses import dataclass

from yargy import Parser, or_, rule
from yargy.parser import Chart, Match, prepare_match, prepare_resolved_matches, resolve_spans
from yargy.predicates.bank import (
    CustomPredicate,
    DictionaryPredicate,
    GramPredicate,
    TypePredicate,
    caseless,
    eq,
    in_,
    in_caseless,
    is_capitalized,
    length_eq,
)
from yargy.predicates.constructors import AndPredicate, NotPredicate, OrPredicate
from yargy.rule.bnf import is_rule
from yargy.token import get_tokens_span, is_morph_token
from yargy.tree.constructors import Leaf, Node, Tree, dfs_tree

from .automaton import compile_automaton


@dataclass(frozen=True)
class Reach:
    """What the token strings one rule derives look like, as upper bounds (None: no such string).
    free: the longest string without an anchor; before/after: the most tokens before the first anchor
    and after the last one; gap: the most tokens between two anchors in a row."""

    free: int | None
    before: int | None
    after: int | None
    gap: int | None

    @property
    def anchored(self) -> bool:
        return self.before is not None


EMPTY = Reach(0, None, None, None)
ANCHOR = Reach(None, 0, 0, 0)
OTHER = Reach(1, None, None, None)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _max(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _then(x: Reach, y: Reach) -> Reach:
    """x followed by y."""
    options = []
    if x.anchored and y.free is not None:
        options.append((x.before, x.after + y.free, x.gap))
    if x.free is not None and y.anchored:
        options.append((x.free + y.before, y.after, y.gap))
    if x.anchored and y.anchored:
        options.append((x.before, y.after, max(x.gap, y.gap, x.after + y.before)))
    return Reach(
        _add(x.free, y.free),
        _max(*(o[0] for o in options)),
        _max(*(o[1] for o in options)),
        _max(*(o[2] for o in options)),
    )


def _either(x: Reach, y: Reach) -> Reach:
    return Reach(_max(x.free, y.free), _max(x.before, y.before), _max(x.after, y.after), _max(x.gap, y.gap))


class Unbounded(Exception):
    """The grammar is recursive: no window bounds (its sentences are parsed whole)."""


def reach(start, is_anchor) -> Reach:
    """The Reach of an activated BNF rule; `is_anchor(predicate)` tells which terminals are anchors."""
    memo: dict[int, Reach] = {}
    visiting: set[int] = set()

    def of_rule(item) -> Reach:
        key = id(item)
        if key in memo:
            return memo[key]
        if key in visiting:
            raise Unbounded()
        visiting.add(key)
        result = None
        for production in item.productions:
            found = EMPTY
            for term in production.terms:
                found = _then(found, of_rule(term) if is_rule(term) else ANCHOR if is_anchor(term) else OTHER)
            result = found if result is None else _either(result, found)
        visiting.discard(key)
        memo[key] = result or Reach(None, None, None, None)
        return memo[key]

    return of_rule(start)


def needs(start, is_anchor) -> list | None:
    """Terminals of which every match of an activated BNF rule holds one token (the currency or the
    multiplier of a sum, the noun of a count), or None when no such list is known. A window whose tokens
    satisfy none of them holds no match and is not parsed."""
    memo: dict[int, tuple[bool, list | None]] = {}  # rule -> (nullable, needs)
    visiting: set[int] = set()

    def cost(found: list) -> tuple[int, int]:
        # a list with an anchor in it holds in every window (the anchor opened it): the last choice
        return sum(map(is_anchor, found)), len(found)

    def of_rule(item) -> tuple[bool, list | None]:
        key = id(item)
        if key in memo:
            return memo[key]
        if key in visiting:
            return True, None  # recursive: nothing known
        visiting.add(key)
        nullable, union = False, {}
        for production in item.productions:
            empty, best = True, None
            for term in production.terms:
                term_nullable, term_needs = of_rule(term) if is_rule(term) else (False, [term])
                if term_nullable:
                    continue
                empty = False
                if term_needs is not None and (best is None or cost(term_needs) < cost(best)):
                    best = term_needs  # any one required part will do
            nullable = nullable or empty
            if union is not None:
                union = None if best is None else {**union, **{id(p): p for p in best}}
        visiting.discard(key)
        memo[key] = (nullable, None if nullable or union is None else list(union.values()))
        return memo[key]

    return of_rule(start)[1]


class _Group:
    """One grammar (or part of one) with the anchors every one of its matches holds."""

    def __init__(self, grammar, anchors, tokenizer, automata: bool = True):
        self.parser = Parser(grammar, tokenizer=tokenizer)
        # where matches can be, exactly (automaton.py); the anchors' windows when there is no automaton
        self.automaton = compile_automaton(self.parser.rule, VERDICTS) if automata else None
        self.starts = _first_sets(self.parser.rule)
        self.viable: dict[tuple, tuple[int, ...]] = {}  # (rule, word class) -> productions
        # a region's word classes (and where its matches start) -> its matches' trees, parsed once
        self.parsed: dict[tuple, list[tuple[Node, int, int]]] = {}
        # a word's class as this grammar sees it: the grammar's own predicates among those that hold
        # (`5` and `2000` differ for the dates, not for the sums: one parse serves both)
        rules = list(self.parser.rule.walk(types=type(self.parser.rule)))
        self.own = frozenset(
            id(VERDICTS.canonical(term))
            for r in rules
            for p in r.productions
            for term in p.terms
            if not is_rule(term)
        )
        self.local: dict[int, int] = {}  # a class -> its number here
        self.local_sets: list[frozenset[int]] = []  # a number here -> the grammar's predicates that hold
        self.local_numbers: dict[frozenset[int], int] = {}
        # the anchors activated the way the grammar's own predicates are, so that they compare equal
        self.anchors = [
            term
            for production in Parser(or_(*[rule(a) for a in anchors]), tokenizer=tokenizer).rule.productions
            for term in production.terms
            if not is_rule(term)
        ]
        try:
            bounds = reach(self.parser.rule, self._is_anchor)
        except Unbounded:
            bounds = None
        # a match without an anchor is possible (or the grammar is recursive): whole sentences
        self.bounds = bounds if bounds is not None and bounds.free is None and bounds.anchored else None
        self.needs = needs(self.parser.rule, self._is_anchor)

    def _is_anchor(self, predicate) -> bool:
        """A terminal every token of which is an anchor token: an anchor, or `and_(anchor, ...)`."""
        if any(predicate == anchor for anchor in self.anchors):
            return True
        return isinstance(predicate, AndPredicate) and any(map(self._is_anchor, predicate.predicates))

    def windows(self, tokens) -> list[tuple[int, int]]:
        """[start, stop) token windows that hold every match: around each run of anchors that can sit in
        one match, as far as a match can reach; overlapping windows merged. (A grammar with an automaton
        has exact regions instead: `trees`.)"""
        if self.bounds is None:
            return [(0, len(tokens))] if tokens and self._holds_needs(tokens) else []
        b = self.bounds
        found: list[tuple[int, int]] = []
        last = None
        for index, token in enumerate(tokens):
            if not VERDICTS.any(self.anchors, token):
                continue
            start, stop = max(0, index - b.before), min(len(tokens), index + b.after + 1)
            if found and (start <= found[-1][1] or index - last - 1 <= b.gap):
                found[-1] = (found[-1][0], stop)
            else:
                found.append((start, stop))
            last = index
        return [(start, stop) for start, stop in found if self._holds_needs(tokens[start:stop])]

    def _holds_needs(self, tokens) -> bool:
        return self.needs is None or any(VERDICTS.any(self.needs, token) for token in tokens)

    def trees(self, tokens, keys=None) -> list[Tree]:
        """Every match's tree in every window, its range in the sentence's token positions, in yargy's
        order (`findall` sorts them so; of one range the first tree is taken, and it says which forms
        of a word the match kept)."""
        found = []
        keys = keys or _keys(tokens)
        if self.automaton is not None:
            regions = self.automaton.regions(tokens, keys)
        else:
            regions = [(start, stop, None) for start, stop in self.windows(tokens)]
        local = self.local
        for start, stop, starts in regions:
            starts = None if starts is None else tuple(s - start for s in starts)
            key = (tuple(local[k] if k in local else self._local(k) for k in keys[start:stop]), starts)
            parsed = self.parsed.get(key)
            if parsed is None:
                chart = self._chart(tokens[start:stop], key[0], None if starts is None else set(starts))
                parsed = [(state.node, *state.range) for state in chart.matches(self.parser.rule)]
                if len(self.parsed) > MAX_PARSED:
                    self.parsed.clear()
                self.parsed[key] = parsed
                trees = [Tree(node, (start + low, start + high)) for node, low, high in parsed]
            else:
                trees = [_Copied(node, (start + low, start + high), tokens) for node, low, high in parsed]
            found.extend(trees)
        return sorted(found)

    def _local(self, klass: int) -> int:
        own = VERDICTS.sets[klass] & self.own
        found = self.local_numbers.get(own)
        if found is None:
            found = self.local_numbers[own] = len(self.local_sets)
            self.local_sets.append(own)
        self.local[klass] = found
        return found

    def _chart(self, tokens, keys: list[int], starts: set[int] | None = None) -> Chart:
        """yargy's `Parser.chart` on given tokens (the sentence is tokenised once, by the caller), step
        for step, with shortcuts: a rule predicted again in the same column is skipped (all its states
        would be duplicates: yargy drops them by their hash); a state's hash is computed once; only the
        productions that can start with the next token (or match none) are predicted (lookahead: the
        others die at the next token); with `starts` (from the automaton), the grammar is predicted only
        where a match starts. `keys`: the tokens' word classes as this grammar sees them (`_local`)."""
        chart = Chart(tokens)
        sets = self.local_sets
        start = self.parser.rule
        if len(self.viable) > MAX_VIABLE:
            self.viable.clear()
        for column, next_column in chart:
            predicted: set[int] = set()
            if next_column:
                holding = sets[keys[column.index]]  # (the next column's token)
                viable = _Lookahead(self.starts, self.viable, keys[column.index], holding)
            else:
                viable = None
            if starts is None or column.index in starts:  # (the automaton knows where matches start)
                _predict(column, viable, start, predicted)
            for state in column:  # grows while it is read, as in yargy
                if state.completed:
                    _complete(column, state)
                else:
                    next_term = state.next_term
                    if is_rule(next_term):
                        _predict(column, viable, next_term, predicted)
                    elif next_column:
                        _scan(next_column, next_term, state, holding)
        return chart


MAX_PARSED = 1_000  # remembered regions, per grammar (their trees: ~5 KB each)


class _Copied(Tree):
    """A tree of a region parsed before, for another region of the same word classes: the parser's
    every step depends on the classes alone, and its trees on the tokens only through their leaves (the
    token, constrained by the leaf's predicate). Its nodes are the parsed tree's until it is read
    (`_real`): yargy orders the trees of one range by their nodes (the same objects by identity), which
    the parsed trees share as copies would, and most trees are dropped unread (`_resolved`)."""

    def __init__(self, root, range, tokens):
        super().__init__(root, range)
        self.tokens = tokens  # the sentence's


def _real(tree: Tree) -> Tree:
    """The tree with its own tokens in its leaves."""
    if not isinstance(tree, _Copied):
        return tree
    tokens = tree.tokens

    def copy(node, at: int) -> tuple[Node, int]:
        if type(node) is Leaf:
            return Leaf(node.predicate, node.predicate.constrain(tokens[at])), 1
        children, size = [], 0
        for child in node.children:
            child_copy, child_size = copy(child, at + size)
            children.append(child_copy)
            size += child_size
        return Node(node.rule, node.production, node.rank, children), size

    return Tree(copy(tree.root, tree.range[0])[0], tree.range)


def _keys(tokens) -> list[int]:
    """The classes of the tokens' words (`_Verdicts.klass`), as the automata and the parser read them.
    The grammars of a sentence read the same tuple of tokens one after another (the tokenizer keeps it):
    the classes of the last tuple are kept."""
    global _LAST_KEYS
    last = _LAST_KEYS
    if last[0] is tokens and last[2] == VERDICTS.generation:
        return last[1]
    klass = VERDICTS.klass
    found = [klass(token) for token in tokens]
    if isinstance(tokens, tuple):  # (a list could change)
        _LAST_KEYS = (tokens, found, VERDICTS.generation)
    return found


_LAST_KEYS: tuple = (None, [], 0)


def _gate(predicate) -> list[tuple] | None:
    """Keys of which a token must have one for `predicate` to hold (`_Verdicts.klass` asks the predicate
    only then), or None when no such list is known (it is asked of every word). A key is ("v", the
    token's text), ("l", its text in lower case), ("t", its type), ("n", a lemma of one of its forms;
    the text in lower case for a token without forms) or ("g", a grammeme of one of its forms). Each
    list must be a necessary condition only: the predicate itself decides."""
    kind = type(predicate)
    if kind is eq:
        return [("v", predicate.value)]
    if kind is in_:
        return [("v", value) for value in predicate.value]
    if kind in (in_caseless, caseless):
        values = predicate.value if kind is in_caseless else [predicate.value]
        return [("l", value) for value in values]
    if kind is TypePredicate:
        return [("t", predicate.value)]
    if kind is CustomPredicate:
        return [("t", value) for value in predicate.types] if predicate.types else None
    if kind is DictionaryPredicate:
        return [("n", value) for value in predicate.value]
    if kind is GramPredicate:
        return [("g", predicate.value)]
    if kind is AndPredicate:  # every part holds: the narrowest part's gate will do
        gates = [g for g in map(_gate, predicate.predicates) if g is not None]
        # (a word or lemma is narrower than any grammeme or type: `NOUN` is a third of all words)
        return min(gates, key=lambda g: (any(k[0] in "gt" for k in g), len(g))) if gates else None
    if kind is OrPredicate:  # one part holds: the gate of each part
        gates = list(map(_gate, predicate.predicates))
        return None if any(g is None for g in gates) else [key for g in gates for key in g]
    gate = getattr(predicate, "gate", None)  # our own predicates (number.py, quantity.py) tell theirs
    return gate() if gate is not None else None


def _features(token) -> tuple:
    """What the predicates read of a token, worked out once per word: (the token, its text, the text in
    lower case, its type, the lemmas of its forms, the grammemes of its forms). A token without forms has
    its text in lower case for lemma (yargy's `normalized`) and no grammemes."""
    value = token.value
    lower = value.lower()
    if not is_morph_token(token):
        return token, value, lower, token.type, {lower}, _NO_GRAMS
    forms = token.forms
    grams = set().union(*(form.grams.values for form in forms)) if forms else _NO_GRAMS
    return token, value, lower, token.type, {f.normalized for f in forms}, grams


_NO_GRAMS: frozenset[str] = frozenset()


WORD = "token, text, lower, type_, lemmas, grams"  # a word's `_features`, as `_compiled` reads them


def _compiled(predicate):
    """A function of a word's `_features` that says what `predicate(token)` says: yargy's predicates of
    the bank, and their `and_`, `or_`, `not_`, written out as one expression over the features read once
    (a word never seen asks a dozen predicates, and yargy's own calls go through generic wrappers and
    generators); any other predicate is called on the token itself."""
    constants: dict[str, object] = {}
    expression = _expression(predicate, constants)
    return eval(f"lambda {WORD}: {expression}", constants)  # (an expression of our own, constants by name)


def _expression(predicate, constants: dict[str, object]) -> str:
    def constant(value) -> str:
        name = f"c{len(constants)}"
        constants[name] = value
        return name

    kind = type(predicate)
    if kind is eq:
        return f"text == {constant(predicate.value)}"
    if kind is in_:
        return f"text in {constant(predicate.value)}"
    if kind is caseless:  # (its value is in lower case)
        return f"lower == {constant(predicate.value)}"
    if kind is in_caseless:
        return f"lower in {constant(predicate.value)}"
    if kind is TypePredicate:
        return f"type_ == {constant(predicate.value)}"
    if kind is GramPredicate:  # any form has it: a grammeme of one of the forms (none without forms)
        return f"{constant(predicate.value)} in grams"
    if kind is DictionaryPredicate:  # a form's lemma; the text in lower case for a token without forms
        return f"not lemmas.isdisjoint({constant(predicate.value)})"
    if kind is length_eq:
        return f"len(text) == {constant(predicate.value)}"
    if kind is is_capitalized:
        return "text[0].isupper()"
    if kind is CustomPredicate:
        call = f"{constant(predicate.function)}(text)"
        return f"(type_ in {constant(predicate.types)} and {call})" if predicate.types else call
    if kind is NotPredicate:
        return f"not ({_expression(predicate.predicate, constants)})"
    if kind in (AndPredicate, OrPredicate):
        parts = [f"({_expression(part, constants)})" for part in predicate.predicates]
        if not parts:
            return "True" if kind is AndPredicate else "False"
        return (" and " if kind is AndPredicate else " or ").join(parts)
    return f"{constant(predicate)}(token)"


class _Verdicts:
    """What each predicate says of each word, asked once per process: a token is its text, its type and
    the dictionary's readings of its text, and no predicate looks at anything else, so the same word
    gets the same answer in every sentence. Equal predicates of different grammars (`dictionary` of the
    multipliers in each) are one predicate here.

    A word's answers are its class (`klass`): the set of the predicates that hold for it, one small int
    for every word with the same set. The automata and the parser learn their moves by class, not by
    word, so a word never seen before moves through what other words of its class taught them (nearly
    every word holds none of the predicates). A word's class asks only the predicates it can satisfy
    (`_gate`: by its text, type and lemmas), and the others of which nothing is known."""

    MAX_WORDS = 100_000  # (a word's entry is its key and an int)

    def __init__(self):
        self.canon: dict[int, object] = {}  # a predicate's id -> the first equal predicate seen
        self.by_type: dict[type, list] = {}
        # the predicates asked about, kept alive so that their ids (the keys) are never reused
        self.asked: dict[int, object] = {}
        # a key's kind -> its value -> the predicates that may hold for a token with it (id, predicate)
        self.gates: dict[str, dict[str, list[tuple[int, object]]]] = {
            "v": {},
            "l": {},
            "t": {},
            "n": {},
            "g": {},
        }
        self.ungated: list[tuple[int, object]] = []  # the predicates asked of every word (id, `_compiled`)
        self.classes: dict[tuple, int] = {}  # a word -> its class
        self.sets: list[frozenset[int]] = []  # a class -> the ids of the (canonical) predicates that hold
        self.numbers: dict[frozenset[int], int] = {}  # and back
        self.generation = 0  # counts the times the words' classes were made anew

    def canonical(self, predicate):
        found = self.canon.get(id(predicate))
        if found is None:
            same_type = self.by_type.setdefault(type(predicate), [])
            found = next((known for known in same_type if known == predicate), None)
            if found is None:
                same_type.append(predicate)
                found = predicate
                self._index(found)
            self.canon[id(predicate)] = found
            self.asked[id(predicate)] = predicate
        return found

    def _index(self, predicate) -> None:
        gate = _gate(predicate)
        entry = (id(predicate), _compiled(predicate))
        if gate is None:
            self.ungated.append(entry)
        else:
            for key in set(gate):
                self.gates[key[0]].setdefault(key[1], []).append(entry)
        # the words' classes were made without it: made again (a class keeps its number and its set)
        self.classes.clear()
        self.generation += 1

    def klass(self, token) -> int:
        key = (token.value, token.type)
        found = self.classes.get(key)
        if found is None:
            if len(self.classes) > self.MAX_WORDS:
                self.classes.clear()
            found = self.classes[key] = self._number(self._holding(token))
        return found

    def _holding(self, token) -> frozenset[int]:
        word = _features(token)
        _, text, lower, type_, lemmas, grams = word
        gates = self.gates
        candidates = dict(self.ungated)
        for kind, values in (("v", (text,)), ("l", (lower,)), ("t", (type_,)), ("n", lemmas), ("g", grams)):
            by_value = gates[kind]
            for value in values:
                found = by_value.get(value)
                if found:
                    candidates.update(found)
        return frozenset(key for key, holds in candidates.items() if holds(*word))

    def _number(self, holding: frozenset[int]) -> int:
        found = self.numbers.get(holding)
        if found is None:
            found = self.numbers[holding] = len(self.sets)
            self.sets.append(holding)
        return found

    def holds(self, predicate, token) -> bool:
        return id(self.canonical(predicate)) in self.sets[self.klass(token)]

    def any(self, predicates: list, token) -> bool:
        holding = self.sets[self.klass(token)]
        return any(id(self.canonical(p)) in holding for p in predicates)


VERDICTS = _Verdicts()


class _State:
    """yargy's State, lean: its hash (the same value), whether it is completed and its next term are
    computed once (yargy's are properties, asked again and again), and slots instead of a dict."""

    __slots__ = (
        "rule",
        "production",
        "dot_index",
        "start_column",
        "stop_column",
        "node",
        "completed",
        "next_term",
        "_hash",
    )

    def __init__(self, rule, production, dot_index, start_column, stop_column, node):
        self.rule, self.production, self.dot_index = rule, production, dot_index
        self.start_column, self.stop_column, self.node = start_column, stop_column, node
        terms = production.terms
        self.completed = dot_index >= len(terms)
        self.next_term = None if self.completed else terms[dot_index]
        self._hash = hash(
            (
                id(rule),
                id(production),
                dot_index,
                start_column.index,
                stop_column.index,
                tuple(map(id, node.children)),
            )
        )

    def __hash__(self):
        return self._hash

    @property
    def parents(self):
        return self.start_column.states_index[id(self.rule)]

    @property
    def range(self):
        return self.start_column.index, self.stop_column.index


def _put(column, state: _State) -> None:
    """yargy's Column.append: a state once (by its hash), indexed by the rule it waits for."""
    if state._hash not in column.hashes:
        column.hashes.add(state._hash)
        column.states.append(state)
        if not state.completed and is_rule(state.next_term):
            column.states_index[id(state.next_term)].append(state)


def _first_sets(start) -> dict[int, list[tuple[bool, list]]]:
    """For each production of each rule (by the rule's id): whether it can match no token, and the
    predicates its first token must satisfy."""
    rules = list(start.walk(types=type(start)))
    nullable: set[int] = set()
    first: dict[int, dict[int, object]] = {id(r): {} for r in rules}
    changed = True
    while changed:  # to the fixed point: rules refer to each other
        changed = False
        for r in rules:
            for production in r.productions:
                for term in production.terms:
                    if is_rule(term):
                        new = first[id(term)].keys() - first[id(r)].keys()
                        first[id(r)].update((k, first[id(term)][k]) for k in new)
                        changed |= bool(new)
                        if id(term) in nullable:
                            continue
                    elif id(term) not in first[id(r)]:
                        first[id(r)][id(term)] = term
                        changed = True
                    break
                else:
                    if id(r) not in nullable:
                        nullable.add(id(r))
                        changed = True
    found = {}
    for r in rules:
        found[id(r)] = []
        for production in r.productions:
            preds: dict[int, object] = {}
            empty = True
            for term in production.terms:
                if is_rule(term):
                    preds.update(first[id(term)])
                    if id(term) in nullable:
                        continue
                else:
                    preds[id(term)] = term
                empty = False
                break
            found[id(r)].append((empty, list(preds.values())))
    return found


MAX_VIABLE = 200_000  # remembered (rule, word class) lookaheads, per grammar


class _Lookahead:
    """Which productions of a rule can start at a column: those that can be empty, or whose first token
    can be the next one. Remembered by the next word's class (`_Verdicts.klass`): no predicate looks at
    anything else."""

    def __init__(self, starts, remembered, klass: int, holding: frozenset[int]):
        self.starts, self.remembered, self.klass, self.holding = starts, remembered, klass, holding

    def __call__(self, rule) -> tuple[int, ...]:
        key = (id(rule), self.klass)
        found = self.remembered.get(key)
        if found is None:
            holding, canonical = self.holding, VERDICTS.canonical
            found = self.remembered[key] = tuple(
                index
                for index, (empty, preds) in enumerate(self.starts[id(rule)])
                if empty or any(id(canonical(p)) in holding for p in preds)
            )
        return found


def _predict(column, viable, rule, predicted: set[int]) -> None:
    if id(rule) in predicted:
        return
    predicted.add(id(rule))
    productions = rule.productions
    for index in viable(rule) if viable is not None else range(len(productions)):
        production = productions[index]
        node = Node(rule, production, rank=index, children=[])
        _put(column, _State(rule, production, 0, column, column, node))


def _scan(column, predicate, state, holding: frozenset[int]) -> None:
    """`holding`: the predicates that hold for the column's token (its class's)."""
    token = column.token
    if id(VERDICTS.canonical(predicate)) in holding:
        leaf = Leaf(predicate, predicate.constrain(token))
        node = state.node.attached(leaf)
        _put(
            column,
            _State(state.rule, state.production, state.dot_index + 1, state.start_column, column, node),
        )


def _complete(column, completed) -> None:
    for state in completed.parents:
        node = state.node.attached(completed.node)
        _put(
            column,
            _State(state.rule, state.production, state.dot_index + 1, state.start_column, column, node),
        )


class WindowParser:
    """`findall(tokens)`: the matches of `Parser(or_(*grammars)).findall(sentence)`, from windows.

    `groups` are (grammar, anchors) pairs: the alternatives of one grammar may have anchors of their own
    (`задержан` for one detained person, numbers for counts), so that each gets windows of its own size.
    """

    def __init__(self, groups, tokenizer, automata: bool = True):
        self.groups = [_Group(grammar, anchors, tokenizer, automata) for grammar, anchors in groups]
        # a grammar with no relation (agreement between words) has a match for every tree, which is the
        # tree with its empty nodes dropped: yargy's checks of relations are skipped
        self.related = any(
            r.relation for group in self.groups for r in group.parser.rule.walk(types=type(group.parser.rule))
        )

    def findall(self, tokens) -> list:
        # yargy orders the trees of one range by the grammar's alternatives: the groups keep that order
        # (a stable sort by range alone; trees of different groups do not compare)
        keys = _keys(tokens)
        trees = [tree for group in self.groups for tree in group.trees(tokens, keys)]
        trees.sort(key=lambda tree: (tree.range[0], -tree.range[1]))
        return _resolved(trees, self.related)


def _resolved(trees, related: bool = True) -> list:
    """yargy's `prepare_resolved_matches`, which builds a match of every range and then keeps the ranges
    of most coverage, in the other order: ranges first, matches of the kept ones only (most ranges are
    dropped). Our grammars have no relations, so every range has its match; should one fail (a relation
    that does not hold), yargy's own way decides."""
    first: dict = {}
    for tree in trees:
        first.setdefault(tree.range, tree)
    spans = resolve_spans(list(first))
    if related:
        matches = [prepare_match(_real(first[span])) for span in spans]
    else:
        matches = [_match(first[span]) for span in spans]
    return matches if all(matches) else list(prepare_resolved_matches(map(_real, trees)))


def _match(tree) -> Match | None:
    """yargy's `prepare_match` of a tree with no relations in it (the graph of its relations is empty,
    valid, and leaves every token as it is): its tokens are its leaves' in order, which the normalised
    tree yargy's Match reads (empty nodes dropped) keeps; the tree itself is made only when asked."""
    if isinstance(tree, _Copied):  # (the leaves of the tree parsed before, on this tree's tokens)
        sentence, at = tree.tokens, tree.range[0]
        leaves = [node for node in dfs_tree(tree.root) if type(node) is Leaf]
        tokens = [leaf.predicate.constrain(sentence[at + n]) for n, leaf in enumerate(leaves)]
    else:
        tokens = [leaf.token for leaf in tree.walk(types=Leaf)]
    return _Lean(tree, tokens) if tokens else prepare_match(_real(tree))


class _Lean(Match):
    """yargy's Match (its tokens and span; they are what it compares by) of `_match`."""

    def __init__(self, tree, tokens):
        self.source = tree
        self.tokens = tokens
        self.span = get_tokens_span(tokens)

    @property
    def tree(self) -> Tree:
        return _real(self.source).normalized

    def __eq__(self, other) -> bool:  # (equal to yargy's Match of the same tokens: Record asks the type)
        return isinstance(other, Match) and (self.tokens, self.span) == (other.tokens, other.span)

    __hash__ = Match.__hash__
