"""One story, counted once: the documents of a run that tell the same incident share a `story` id.

A reprint, another outlet's rewrite and a follow-up with the same sums and people are one story; its id is
the doc_id of its earliest document (by `published`, else the first date in its text; undated documents
after dated ones; ties by input order). Two ways lead to a pair, and neither compares all pairs:

- near-duplicate texts (reprints, light edits, a changed byline or number format): MinHash over word
  shingles (datasketch), candidates from the LSH buckets; a pair is kept when the estimated Jaccard
  similarity is at least TEXT_THRESHOLD (or the shorter text is CONTAINED in the longer: a reprint cut
  short) and the facts do not contradict each other (a template warning for another city or month reads
  alike but has other numbers);
- rewrites: the fact signature of each record (its cities, sums and counts, persons, the crime when the
  record carries one, and its date); candidates come from an inverted index on its telling keys (a sum
  with two significant digits or more, a person's surname), only among documents within WINDOW_DAYS; a
  pair is kept when what they share, weighed (a sum by its significant digits, a count, a full name, the
  city, days apart), scores SIGNATURE_SCORE or more with a telling sum or full name among it and one more
  fact or a few days apart, and outweighs what they disagree on.

The pairs are joined into stories (union-find); each kept pair is the evidence shown by `newsfacts
stories`.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from . import resources
from .evaluate import Score
from .record import Record
from .tables import document_date

SHINGLE = 4  # words per shingle: a reworded sentence breaks only the shingles that hold the changed words
NUM_PERM = 64  # MinHash size: the Jaccard estimate's error is about 0.06, enough for a 0.5 threshold
TEXT_THRESHOLD = 0.5  # estimated Jaccard of two texts that are one text edited
CONTAINED = 0.8  # or the share of the shorter text's shingles the longer one holds (a reprint cut short)
MIN_CONTAINED = 20  # shingles the shorter text needs for that: a headline is contained in many texts
LSH_THRESHOLD = 0.3  # the buckets' threshold, below the one checked: LSH finds a pair near 0.5 only by chance
WINDOW_DAYS = 60  # a rewrite or a follow-up comes within this many days of the first report
CLOSE_DAYS = 3  # a reprint or a rewrite the same week: a little more evidence
SIGNATURE_SCORE = 3.0  # shared evidence (below) that makes two records one story
MAX_SCAN = 200  # documents read back per index key: a common surname must not make the index quadratic
NEAR = Decimal("0.1")  # `более 8 млн` in one outlet and `8,5 млн` in another: a rounded sum, 10 % off
SEED = 1

# Words only, lower case: digits are left out, so that `8,5 млн` and `8 500 000` read alike.
_WORD = re.compile(r"[^\W\d_]+")
# A `date:` line (newsfacts/frontmatter.py) is no part of what a text says.
_DATE_LINE = re.compile(r"^(?:date|published|дата)\s*:.*$", re.IGNORECASE | re.MULTILINE)


def words(text: str) -> list[str]:
    return _WORD.findall(_DATE_LINE.sub("", text).lower().replace("ё", "е"))


# -- the text: shingles and MinHash ---------------------------------------------------------------------


class Shingler:
    """Word shingles as 32-bit hashes, and their MinHash. Word hashes are cached: news repeats its words."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = SEED):
        self._ids: dict[str, int] = {}
        self.num_perm = num_perm
        self.seed = seed
        # One MinHash made the usual way gives the permutations that every other one reuses (making them
        # is most of the cost of a new MinHash).
        template = MinHash(num_perm=num_perm, seed=seed)
        self.scheme = template.scheme
        self.permutations = template.permutations

    def _word_hashes(self, tokens: list[str]) -> np.ndarray:
        ids = self._ids
        for token in set(tokens):
            if token not in ids:
                ids[token] = zlib.crc32(token.encode("utf-8"))
        return np.array([ids[token] for token in tokens], dtype=np.uint64)

    def hashes(self, text: str) -> np.ndarray:
        """The distinct shingles of a text, as 32-bit hashes (a short text is one shingle)."""
        tokens = words(text)
        if not tokens:
            return np.empty(0, dtype=np.uint64)
        h = self._word_hashes(tokens)
        k = min(SHINGLE, len(h))
        n = len(h) - k + 1
        combined = h[:n].copy()
        for i in range(1, k):  # a polynomial hash of the k words, kept to 32 bits
            combined = (combined * np.uint64(1000003) + h[i : n + i]) & np.uint64(0xFFFFFFFF)
        return np.unique(combined)

    def sketch(self, text: str | None) -> Sketch | None:
        """The MinHash of a text's shingles and how many they are; None for no text (or no words)."""
        if not text:
            return None
        shingles = self.hashes(text)
        if len(shingles) == 0:
            return None
        return Sketch(self.minhash(shingles), len(shingles))

    def minhash(self, shingles: np.ndarray) -> LeanMinHash:
        m = MinHash(
            num_perm=self.num_perm,
            seed=self.seed,
            hashfunc=int,  # the shingles are hashed already
            permutations=self.permutations,
            scheme=self.scheme,
        )
        m.update_batch(shingles)
        return LeanMinHash(m)


@dataclass(slots=True)
class Sketch:
    minhash: LeanMinHash
    size: int  # distinct shingles

    def similarity(self, other: Sketch) -> tuple[float, float]:
        """Estimated Jaccard similarity, and the share of the shorter text's shingles in the other
        (|A & B| = J (|A| + |B|) / (1 + J))."""
        jaccard = float(np.mean(self.minhash.hashvalues == other.minhash.hashvalues))
        common = jaccard * (self.size + other.size) / (1 + jaccard)
        return jaccard, min(1.0, common / min(self.size, other.size))

    def near_duplicate(self, other: Sketch, threshold: float = TEXT_THRESHOLD) -> bool:
        jaccard, contained = self.similarity(other)
        return jaccard >= threshold or (
            contained >= CONTAINED and min(self.size, other.size) >= MIN_CONTAINED
        )


def shared_passages(text_a: str, text_b: str, limit: int = 3, length: int = 12) -> tuple[float, list[str]]:
    """The exact Jaccard similarity of two texts' shingles, and their longest shared passages (evidence,
    each cut to `length` words)."""
    a, b = words(text_a), words(text_b)
    k = SHINGLE

    def grams(tokens):
        return [tuple(tokens[i : i + k]) for i in range(max(1, len(tokens) - k + 1))] if tokens else []

    grams_a, grams_b = grams(a), set(grams(b))
    union = set(grams_a) | grams_b
    if not union:
        return 0.0, []
    jaccard = len(set(grams_a) & grams_b) / len(union)
    runs, start = [], None  # runs of consecutive shared shingles in text a: the passages both texts hold
    for i, gram in enumerate([*grams_a, None]):
        if gram is not None and gram in grams_b:
            start = i if start is None else start
        elif start is not None:
            runs.append(a[start : i - 1 + k])
            start = None
    runs.sort(key=lambda run: -len(run))
    return jaccard, [" ".join(run[:length]) + (" …" if len(run) > length else "") for run in runs[:limit]]


# -- the facts: a signature per record ------------------------------------------------------------------

ValueKey = tuple[str, str | None, int | Decimal]  # (kind, currency, value)


@lru_cache(maxsize=1 << 16)
def significant_digits(value: int | Decimal) -> int:
    digits = str(Decimal(value).normalize()).replace(".", "").lstrip("0")
    if "E" in digits:
        digits = digits.split("E")[0]
    return len(digits.rstrip("0"))


@dataclass
class Signature:
    """What a record says about its incident, in a form two records can be compared in."""

    doc_id: str
    index: int  # input order
    day: date | None
    cities: frozenset[str] = frozenset()
    values: dict[ValueKey, str] = field(default_factory=dict)  # -> the qualifier of its first fact
    persons: frozenset[tuple[str, str]] = frozenset()  # (first name or "", surname), lower case
    crime: str | None = None

    aggregates: frozenset[ValueKey] = frozenset()  # police totals: never telling, but they can disagree

    @classmethod
    def of(cls, record: Record, index: int) -> Signature:
        # Aggregates (police statistics over a period, when records carry `scope`) tell no incident apart.
        # (Read from the instance's fields: a model without the field has none, and pydantic's
        # __getattr__ for a missing one is slow.)
        facts = [f for f in record.facts if vars(f).get("scope") != "aggregate"]
        totals = frozenset(
            (f.kind, f.currency, f.value) for f in record.facts if vars(f).get("scope") == "aggregate"
        )
        cities = {f.city for f in facts if f.city} or {c.name for c in record.cities}
        values: dict[ValueKey, str] = {}
        for fact in facts:
            values.setdefault((fact.kind, fact.currency, fact.value), fact.qualifier)
        persons = set()
        for person in record.persons:
            parts = person.name.lower().replace("ё", "е").split()
            if parts and len(parts[-1]) >= 4:
                persons.add((parts[0] if len(parts) > 1 else "", parts[-1]))
        return cls(
            doc_id=record.doc_id,
            index=index,
            day=document_date(record)[0],
            cities=frozenset(cities),
            values=values,
            persons=frozenset(persons),
            aggregates=totals,
            crime=crime_family(vars(record).get("crime")),
        )

    def telling_keys(self) -> list[tuple]:
        """The index keys: what two unrelated incidents rarely share. Round sums and small counts are
        common; they add to a pair's score but never make one."""
        keys: list[tuple] = [("person", surname) for surname in sorted({p[1] for p in self.persons})]
        for kind, currency, value in self.values:
            if kind == "money" and significant_digits(value) >= 2:
                keys.append(("money", currency, value))
        return keys


def weight(key: ValueKey) -> float:
    """How much a shared value says: a sum with more significant digits is rarer (8 750 000 against
    1 000 000), a count of one or two people is in every other report."""
    kind, _, value = key
    if kind == "money":
        return min(2.0, 0.5 + 0.5 * significant_digits(value))
    return 1.0 if value >= 3 else 0.5


@cache
def _families() -> dict[str, str]:
    return {crime: family for crime, family in resources.table("crime_families.tsv")}


def crime_family(crime: str | None) -> str | None:
    """The family a story is compared on (rules/crime_families.tsv); `other` and none say nothing."""
    if crime is None or crime == "other":
        return None
    return _families().get(crime, crime)


def compatible(a: Signature, b: Signature, window: int = WINDOW_DAYS) -> bool:
    """Could the two be one incident at all: close in time, a city in common, the same crime."""
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) > window:
        return False
    if a.cities and b.cities and not a.cities & b.cities:
        return False
    return not (a.crime and b.crime and a.crime != b.crime)


@dataclass
class Agreement:
    score: float = 0.0  # what the two share, weighed
    strong: bool = False  # a telling sum (two significant digits or more) or a full name in common
    against: float = 0.0  # what they disagree on, weighed: a kind of value both give, with no value in common
    shared: list[str] = field(default_factory=list)  # the evidence, readable
    context: float = 0.0  # the part of the score that is no value (city, date): it outweighs no disagreement
    items: int = 0  # values, persons and closeness in time that agree (the city not counted)

    @property
    def same_story(self) -> bool:
        """Enough for two records with no text in common. One sum in one city is a story when told within
        days; further apart, one more fact must agree (sums of two or three digits recur)."""
        return self.strong and self.score >= SIGNATURE_SCORE and self.items >= 2 and not self.contradicts

    @property
    def contradicts(self) -> bool:
        # A template warning for another month shares its city and maybe a `1` somewhere; its sums differ.
        return self.against > self.score - self.context


def _number(value: int | Decimal) -> str:
    return f"{value:,}".replace(",", " ")


def _near(a: ValueKey, qualifier: str, b: ValueKey, other_qualifier: str) -> bool:
    """A rounded sum in one of them (`более 118 млн` against `118,5 млн`): within NEAR, one not exact."""
    if a[0] != "money" or b[0] != "money" or a[1] != b[1] or a == b:
        return False
    if qualifier == other_qualifier == "exact" or not a[2] or not b[2]:
        return False
    return abs(a[2] - b[2]) <= NEAR * max(a[2], b[2])


def agreement(a: Signature, b: Signature) -> Agreement:
    result = Agreement()
    shared = a.values.keys() & b.values.keys()
    agreeing: set[tuple[str, str | None]] = set()  # (kind, currency) with a value in common
    for key in sorted(shared, key=lambda k: (-weight(k), k[0], str(k[2]))):
        kind, currency, value = key
        result.score += weight(key)
        result.strong |= kind == "money" and significant_digits(value) >= 2
        result.shared.append(f"{kind} {_number(value)}" + (f" {currency}" if currency else ""))
        result.items += 1
        agreeing.add((kind, currency))
    for key, qualifier in a.values.items():
        if key in shared:
            continue
        for other, other_qualifier in b.values.items():
            if other not in shared and _near(key, qualifier, other, other_qualifier):
                result.score += 1.0
                result.items += 1
                result.shared.append(f"money {_number(key[2])} ~ {_number(other[2])} {key[1] or ''}".strip())
                agreeing.add((key[0], key[1]))
                break
    # What both give and never agree on: its heaviest value is what stands against the pair.
    groups: dict[tuple[str, str | None], float] = defaultdict(float)
    for key in [*a.values, *b.values]:
        groups[key[:2]] = max(groups[key[:2]], weight(key))
    both = {key[:2] for key in a.values} & {key[:2] for key in b.values}
    result.against = sum(groups[g] for g in both - agreeing)
    # A police warning's template for the next month: the same words, other totals
    totals = {key[:2] for key in a.aggregates} & {key[:2] for key in b.aggregates}
    result.against += sum(
        1.0
        for g in totals
        if not {k for k in a.aggregates if k[:2] == g} & {k for k in b.aggregates if k[:2] == g}
    )
    # A person: the same first name and surname is telling; a surname alone (one of them gives no first
    # name) adds to the score; the same surname with another first name is another person.
    persons = 0
    for first, surname in sorted(a.persons):
        for other_first, other_surname in b.persons:
            if surname != other_surname or (first and other_first and first != other_first):
                continue
            full = bool(first and other_first)
            persons += 1
            result.items += 1
            result.score += 2.0 if full else 1.0
            result.strong |= full
            name = f"{first.capitalize()} {surname.capitalize()}" if full else surname.capitalize()
            result.shared.append(f"person {name}")
            break
    if a.persons and b.persons and not persons:
        result.against += 2.0
    if a.cities & b.cities:
        result.score += 1.0
        result.context += 1.0
        result.shared.append("city " + ", ".join(sorted(a.cities & b.cities)))
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) <= CLOSE_DAYS:
        # A reprint or a rewrite comes within days; a coincidence of one sum in one city rarely does.
        result.score += 0.5
        result.context += 0.5
        result.items += 1
        result.shared.append(f"{abs((a.day - b.day).days)} days apart")
    if a.crime and a.crime == b.crime:
        result.shared.append(f"crime {a.crime}")
    return result


# -- grouping -------------------------------------------------------------------------------------------


@dataclass
class Evidence:
    """Why two documents are one story."""

    a: str  # doc_ids, a the earlier in input order
    b: str
    via: str  # "text" (near-duplicate texts) or "facts" (the signatures agree)
    jaccard: float | None  # estimated from the MinHashes (text)
    shared: list[str]  # what the signatures share
    score: float

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "via": self.via,
            "jaccard": None if self.jaccard is None else round(self.jaccard, 3),
            "shared": self.shared,
            "score": self.score,
        }


@dataclass
class Stories:
    story: list[str]  # per input record, in input order: its story id
    evidence: list[Evidence]
    candidates: int = 0  # pairs looked at (text and facts)

    def groups(self) -> dict[str, list[int]]:
        """Story id -> the indices of its documents, for the stories of more than one document."""
        members: dict[str, list[int]] = defaultdict(list)
        for index, story in enumerate(self.story):
            members[story].append(index)
        return {story: indices for story, indices in members.items() if len(indices) > 1}


class _Union:
    """Union-find over the documents; each story keeps the cities and crimes of its documents, and two
    stories with no city (or crime) in common are never joined: a chain of pairs that each look alike
    must not make one story of two incidents in two cities."""

    def __init__(self, signatures: Sequence[Signature]):
        self.parent = list(range(len(signatures)))
        self.cities = {i: s.cities for i, s in enumerate(signatures)}
        self.crimes = {i: frozenset({s.crime}) if s.crime else frozenset() for i, s in enumerate(signatures)}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        """Join the stories of i and j; False when they are one already or may not be joined."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        for held in (self.cities, self.crimes):
            if held[ri] and held[rj] and not held[ri] & held[rj]:
                return False
        root, other = min(ri, rj), max(ri, rj)
        self.parent[other] = root
        for held in (self.cities, self.crimes):
            held[root] = held[root] | held.pop(other)
        return True


def _order(signatures: Sequence[Signature]) -> list[int]:
    """Indices by date (undated last), then input order: what `earliest` means."""
    return sorted(
        range(len(signatures)),
        key=lambda i: (signatures[i].day is None, signatures[i].day or date.min, signatures[i].index),
    )


def group(
    records: Sequence[Record],
    texts: Iterable[str | None] | None = None,
    *,
    threshold: float = TEXT_THRESHOLD,
    window: int = WINDOW_DAYS,
) -> Stories:
    """The stories of a run. `texts`: each record's text in the same order (None where it is unknown: then
    only the facts can join it to others)."""
    shingler = Shingler()
    signatures = [Signature.of(record, i) for i, record in enumerate(records)]
    text_list = list(texts) if texts is not None else [None] * len(records)
    sketches = [shingler.sketch(text) for text in text_list]
    return group_signatures(signatures, sketches, threshold=threshold, window=window, shingler=shingler)


def group_signatures(
    signatures: Sequence[Signature],
    sketches: Sequence[Sketch | None],
    *,
    threshold: float = TEXT_THRESHOLD,
    window: int = WINDOW_DAYS,
    shingler: Shingler | None = None,
) -> Stories:
    """The stories from each document's signature and its text's sketch (None: no text)."""
    n = len(signatures)
    union = _Union(signatures)
    evidence: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    candidates = 0
    lsh = MinHashLSH(threshold=min(threshold, LSH_THRESHOLD), num_perm=(shingler or Shingler()).num_perm)
    index: dict[tuple, list[int]] = defaultdict(list)  # telling key -> documents, in date order
    order = _order(signatures)

    def accept(i: int, j: int, via: str, jaccard: float | None, agreed: Agreement) -> None:
        a, b = sorted((i, j))
        seen.add((a, b))
        if not union.join(i, j) and union.find(i) != union.find(j):
            return  # a chain that would join two cities
        evidence.append(
            Evidence(signatures[a].doc_id, signatures[b].doc_id, via, jaccard, agreed.shared, agreed.score)
        )

    for i in order:  # each document meets the earlier ones only: every pair is looked at once
        sig = signatures[i]
        sketch = sketches[i]
        if sketch is not None:
            for j in lsh.query(sketch.minhash):
                candidates += 1
                pair = (min(i, j), max(i, j))
                if pair in seen or not compatible(sig, signatures[j], window):
                    continue
                if not sketch.near_duplicate(sketches[j], threshold):
                    continue
                jaccard = sketch.similarity(sketches[j])[0]
                agreed = agreement(sig, signatures[j])
                if not agreed.contradicts:
                    accept(i, j, "text", jaccard, agreed)
            lsh.insert(i, sketch.minhash, check_duplication=False)
        looked: set[int] = set()
        for key in sig.telling_keys():
            postings = index[key]
            for j in reversed(postings[-MAX_SCAN:]):  # the latest first; older than the window: stop
                other = signatures[j]
                if sig.day is not None and other.day is not None and (sig.day - other.day).days > window:
                    break
                if j in looked:
                    continue
                looked.add(j)
                candidates += 1
                pair = (min(i, j), max(i, j))
                if pair in seen or not compatible(sig, other, window):
                    continue
                agreed = agreement(sig, other)
                if agreed.same_story:
                    accept(i, j, "facts", None, agreed)
            postings.append(i)

    # The story id: the doc_id of the earliest member.
    first: dict[int, int] = {}
    for i in order:
        first.setdefault(union.find(i), i)
    story = [signatures[first[union.find(i)]].doc_id for i in range(n)]
    return Stories(story, evidence, candidates)


# -- a whole run's JSONL --------------------------------------------------------------------------------


def _record(line: str) -> Record | None:
    """The record of a JSONL line; None for an error line or a broken one (they are kept as they are)."""
    try:
        return Record.model_validate_json(line)
    except ValueError:
        return None


class Lines:
    """A run's JSONL read for its stories: `add` each line in order (a batch run, as it writes them: the
    main process waits for its workers meanwhile), then `assign` writes every line back with its story.
    Memory holds the records' signatures and their texts' MinHashes, never the run's lines or texts."""

    def __init__(self, base: Path | None = None):
        self.base = base
        self.shingler = Shingler()
        self.signatures: list[Signature] = []
        self.sketches: list[Sketch | None] = []

    def add(self, line: str) -> None:
        """A record's signature and its text's MinHash (the text read again from its source)."""
        from .review import find_text

        record = _record(line)
        if record is None:
            return
        self.signatures.append(Signature.of(record, len(self.signatures)))
        found = find_text(record, None, self.base)
        text = found.text if found.text is not None and not found.problems else None
        self.sketches.append(self.shingler.sketch(text))

    def assign(self, source: Path | str, write: Callable[[str], None]) -> Stories:
        """The stories of the lines added, which are those of `source`: its lines written back in order."""
        stories = group_signatures(self.signatures, self.sketches, shingler=self.shingler)
        k = 0
        with open(source, encoding="utf-8", newline="\n") as lines:
            for line in lines:
                if not line.strip():
                    continue
                record = _record(line)
                if record is None:
                    write(line.rstrip("\n"))
                    continue
                write(record.model_copy(update={"story": stories.story[k]}).model_dump_json())
                k += 1
        return stories


def assign_lines(source: Path | str, write: Callable[[str], None], base: Path | None = None) -> Stories:
    """Read a run's JSONL twice: first each record's signature and its text's MinHash, then write every
    line back in order, each record with its story (`Lines`)."""
    found = Lines(base)
    with open(source, encoding="utf-8", newline="\n") as lines:
        for line in lines:
            found.add(line)
    return found.assign(source, write)


# -- texts of records -----------------------------------------------------------------------------------


def find_texts(
    records: Sequence[Record], text_root: Path | None = None, base: Path | None = None
) -> tuple[list[str | None], list[str]]:
    """Each record's text, read again from its source (or --text-root), and notes on those not found or
    changed since the extraction (they are grouped by their facts only)."""
    from .review import find_text

    texts: list[str | None] = []
    missing = changed = 0
    for record in records:
        found = find_text(record, text_root, base)
        if found.text is None:
            missing += 1
            texts.append(None)
        elif found.problems:
            changed += 1
            texts.append(None)
        else:
            texts.append(found.text)
    notes = []
    if missing:
        notes.append(f"{missing} text(s) not found: grouped by their facts only")
    if changed:
        notes.append(f"{changed} text(s) changed since the extraction: grouped by their facts only")
    return texts, notes


# -- scoring against gold groups ------------------------------------------------------------------------


@dataclass
class PairScore:
    documents: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int

    @property
    def score(self) -> Score:
        """The pairs as eval's Score (its precision and recall, 0/0 conventions included)."""
        tp = self.true_pairs
        return Score(tp=tp, fp=self.predicted_pairs - tp, fn=self.gold_pairs - tp)

    @property
    def precision(self) -> float:
        return self.score.precision

    @property
    def recall(self) -> float:
        return self.score.recall

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "true_pairs": self.true_pairs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def _pairs(story_of: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, story in story_of.items():
        members[story].append(doc_id)
    pairs = set()
    for docs in members.values():
        docs.sort()
        pairs.update((x, y) for k, x in enumerate(docs) for y in docs[k + 1 :])
    return pairs


def pair_score(gold: dict[str, str], predicted: dict[str, str]) -> PairScore:
    """Pair precision and recall: two documents in one story, over the documents in both mappings
    (doc_id -> story id; the ids need not be the same in both)."""
    common = gold.keys() & predicted.keys()
    gold_pairs = _pairs({d: gold[d] for d in common})
    predicted_pairs = _pairs({d: predicted[d] for d in common})
    return PairScore(len(common), len(gold_pairs), len(predicted_pairs), len(gold_pairs & predicted_pairs))


def load_gold(path: Path) -> dict[str, str]:
    """tests/gold/stories.jsonl: one line per story, {"story": name, "doc_ids": [...], "note": ...}."""
    import json

    gold: dict[str, str] = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("doc_ids"), list):
                raise ValueError(f"{path}:{number}: a line is {{story, doc_ids: [...]}}")
            for doc_id in item["doc_ids"]:
                if doc_id in gold:
                    raise ValueError(f"{path}:{number}: {doc_id} is in two stories")
                gold[doc_id] = str(item["story"])
    return gold


# -- the report of `newsfacts stories` ------------------------------------------------------------------


def describe(records: Sequence[Record], texts: Sequence[str | None], stories: Stories) -> list[dict]:
    """Each story of more than one document: its documents (earliest first) and the evidence of each pair
    that joined it; for near-duplicate texts, the exact Jaccard and the longest passages both hold."""
    by_id = {record.doc_id: k for k, record in enumerate(records)}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in stories.evidence:
        evidence[stories.story[by_id[item.a]]].append(item)
    out = []
    for story, members in stories.groups().items():
        signatures = [Signature.of(records[k], k) for k in members]
        ordered = [members[k] for k in _order(signatures)]
        pairs = []
        for item in evidence[story]:
            entry = item.to_dict()
            text_a, text_b = texts[by_id[item.a]], texts[by_id[item.b]]
            if item.via == "text" and text_a and text_b:
                exact, passages = shared_passages(text_a, text_b)
                entry["jaccard_exact"] = round(exact, 3)
                entry["passages"] = passages
            pairs.append(entry)
        documents = [
            {"doc_id": records[k].doc_id, "date": document_date(records[k])[0], "source": records[k].source}
            for k in ordered
        ]
        out.append({"story": story, "documents": documents, "evidence": pairs})
    return out


def report_lines(groups: list[dict]) -> list[str]:
    lines = []
    for group_ in groups:
        lines.append(f"story {group_['story']}: {len(group_['documents'])} documents")
        for document in group_["documents"]:
            lines.append(f"  {document['date'] or '(no date)'}  {document['doc_id']}")
        for pair in group_["evidence"]:
            head = f"    {pair['b']} ~ {pair['a']}: "
            if pair["via"] == "text":
                jaccard = pair.get("jaccard_exact", pair["jaccard"])
                head += f"near-duplicate texts, Jaccard {jaccard:.2f}"
                if pair.get("passages"):
                    head += "; both hold: " + " | ".join(f"«{p}»" for p in pair["passages"])
                if pair["shared"]:
                    head += "; facts agree: " + ", ".join(pair["shared"])
            else:
                head += f"facts agree (score {pair['score']:g}): " + ", ".join(pair["shared"])
            lines.append(head)
        lines.append("")
    return lines
