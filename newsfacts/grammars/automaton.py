"""A grammar compiled to a finite automaton: where in a sentence its matches can start and end.

Why: the Earley parser (windows.py) costs a hundred times more per token than a table lookup, and most
of the windows it was given held no match at all. Our grammars have no recursion and only bounded
repeats, so each is a regular language over its terminal predicates: inlined rule by rule, its BNF is
a finite automaton. Run as a lazily built DFA over word classes (the set of the grammar's predicates
a word satisfies, `windows._Verdicts.klass`; a few hundred in all), one dictionary lookup per token once
a class has been seen, and a word never seen before costs no new moves. It tells exactly which token
ranges can hold a match; Earley then parses only those, and builds the trees the extractor reads. The
language is the grammar's own, so the matches are the same ones.

A grammar that refers to itself (or would inline to more than MAX_STATES states) has no automaton:
`compile_automaton` returns None and the caller keeps its windows.
"""

from __future__ import annotations

from yargy.rule.bnf import is_rule

MAX_STATES = 20_000
MAX_MOVES = 100_000  # remembered (state, class) moves of one automaton before they are forgotten


class _Recursive(Exception):
    pass


class _NFA:
    """States are ints; `edges[s]` are (predicate, target) pairs, `empty[s]` the targets reached by no
    token. Every use of a rule gets its own copy of the rule's states (a shared copy would let a match
    leave the rule where another use of it continues)."""

    def __init__(self, verdicts):
        self.verdicts = verdicts
        self.edges: list[list] = []
        self.empty: list[list[int]] = []

    def state(self) -> int:
        if len(self.edges) >= MAX_STATES:
            raise _Recursive()  # too large to be worth it: treated like a recursive grammar
        self.edges.append([])
        self.empty.append([])
        return len(self.edges) - 1

    def inline(self, item, entry: int, stack: tuple = ()) -> int:
        """States for `item` from `entry`; returns the state where its matches end."""
        if id(item) in stack:
            raise _Recursive()
        stack = (*stack, id(item))
        exit_ = self.state()
        for production in item.productions:
            at = entry
            for term in production.terms:
                if is_rule(term):
                    at = self.inline(term, at, stack)
                else:
                    target = self.state()
                    self.edges[at].append((self.verdicts.canonical(term), target))
                    at = target
            self.empty[at].append(exit_)
        return exit_

    def closures(self, final: int) -> list[frozenset[int]]:
        """For each state, the states it reaches by no token that matter: those with a token to read,
        and the final one (the others only pass on; leaving them out keeps the DFA's sets small)."""
        found: list[frozenset[int]] = []
        for state in range(len(self.edges)):
            reached, todo = {state}, [state]
            while todo:
                for target in self.empty[todo.pop()]:
                    if target not in reached:
                        reached.add(target)
                        todo.append(target)
            found.append(frozenset(s for s in reached if self.edges[s] or s == final))
        return found


class _DState:
    """A set of NFA states: whether a match ends here, and the moves out of it learnt so far."""

    __slots__ = ("states", "accepting", "edges", "moves")

    def __init__(self, states: frozenset[int], final: int, state_edges):
        self.states = states
        self.accepting = final in states
        # the NFA states reached by a token, by the id of the predicate it must satisfy: the union of
        # its NFA states' (`state_edges`)
        edges: dict[int, frozenset[int]] = {}
        for state in states:
            for key, reached in state_edges(state).items():
                known = edges.get(key)
                edges[key] = reached if known is None or known is reached else known | reached
        self.edges = edges
        self.moves: dict[int, _DState | None] = {}


class Automaton:
    """`spans(tokens)`: the [start, stop) token ranges, merged where they overlap, that hold every match
    of the grammar in the sentence (and nothing else: each range starts where a match starts and ends
    where the longest match from its starts ends)."""

    def __init__(
        self, nfa: _NFA, start: int, final: int, verdicts, search: bool = False, closures=None, by_state=None
    ):
        self.nfa, self.final, self.verdicts = nfa, final, verdicts
        self.closures = closures or nfa.closures(final)
        self.known: dict[frozenset[int], _DState] = {}
        # an NFA state -> the NFA states a token takes it to, by the predicate the token must satisfy
        # (shared with the search automaton; each DState of a search holds all the initial states)
        self.by_state: dict[int, dict[int, frozenset[int]]] = {} if by_state is None else by_state
        self.initial = self.closures[start]
        self.start = self._dstate(self.initial)
        self.moves = 0
        # `search`: a match may start at any token (the initial states are added after every move);
        # its one pass over a sentence tells whether any match ends in it at all
        self.search = search
        self.searcher = (
            None if search else Automaton(nfa, start, final, verdicts, True, self.closures, self.by_state)
        )

    def _dstate(self, states: frozenset[int]) -> _DState:
        found = self.known.get(states)
        if found is None:
            found = self.known[states] = _DState(states, self.final, self._state_edges)
        return found

    def _state_edges(self, state: int) -> dict[int, frozenset[int]]:
        found = self.by_state.get(state)
        if found is None:
            reached: dict[int, set[int]] = {}
            for predicate, target in self.nfa.edges[state]:
                reached.setdefault(id(predicate), set()).update(self.closures[target])
            found = self.by_state[state] = {key: frozenset(states) for key, states in reached.items()}
        return found

    def _move(self, dstate: _DState, key: int) -> _DState | None:
        """The state after a token of word class `key`, learnt once per state and class."""
        targets: set[int] = set()
        edges = dstate.edges
        for predicate in self.verdicts.sets[key]:  # (most words satisfy no predicate at all)
            reached = edges.get(predicate)
            if reached is not None:
                targets |= reached
        if self.search:
            found = self._dstate(frozenset(targets) | self.initial)
        else:
            found = self._dstate(frozenset(targets)) if targets else None
        self.moves += 1
        if self.moves > MAX_MOVES:
            for known in self.known.values():
                known.moves.clear()
            self.moves = 0
        dstate.moves[key] = found
        return found

    def any_match(self, keys) -> bool:
        """Whether a match ends somewhere in the tokens of word classes `keys` (one move per token: the
        search automaton)."""
        dstate = self.start
        for key in keys:
            moves = dstate.moves
            dstate = moves[key] if key in moves else self._move(dstate, key)
            if dstate.accepting:
                return True
        return False

    def spans(self, tokens, keys) -> list[tuple[int, int]]:
        """`keys[i]` is the word class of `tokens[i]` (`windows._keys`)."""
        return [(low, high) for low, high, _ in self.regions(tokens, keys)]

    def regions(self, tokens, keys) -> list[tuple[int, int, list[int]]]:
        """The spans, each with the positions where its matches start (the parser need look for a match
        nowhere else)."""
        found: list[tuple[int, int, list[int]]] = []
        if not self.searcher.any_match(keys):
            return found
        first = self.start.moves
        count = len(tokens)
        for start in range(count):
            key = keys[start]
            dstate = first[key] if key in first else self._move(self.start, key)
            if dstate is None:
                continue  # the common case: no match starts with this word
            end = start + 1 if dstate.accepting else start
            for index in range(start + 1, count):
                key = keys[index]
                moves = dstate.moves
                dstate = moves[key] if key in moves else self._move(dstate, key)
                if dstate is None:
                    break
                if dstate.accepting:
                    end = index + 1
            if end == start:
                continue
            if found and start < found[-1][1]:
                low, high, starts = found[-1]
                starts.append(start)
                found[-1] = (low, max(high, end), starts)
            else:
                found.append((start, end, [start]))
        return found


def compile_automaton(start_rule, verdicts) -> Automaton | None:
    """The automaton of an activated BNF rule (`Parser(...).rule`); `verdicts` answers for a terminal
    (`canonical(predicate)`; `sets[klass]`: the ids of the canonical predicates a word class satisfies).
    None for a recursive grammar or one too large to inline."""
    nfa = _NFA(verdicts)
    entry = nfa.state()
    try:
        final = nfa.inline(start_rule, entry)
    except _Recursive:
        return None
    return Automaton(nfa, entry, final, verdicts)
