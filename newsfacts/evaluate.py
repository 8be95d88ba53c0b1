"""`newsfacts eval`: compare extracted records with gold annotations.

`compare(gold, predicted, texts)` is pure: it takes the gold lines (dicts as in tests/gold/dev.jsonl) and
the predicted records (Records or their JSON dicts) and returns a Report. Reading the gold, finding the
texts and running the pipeline are separate helpers, and so is the formatting (table, errors, JSON).

Matching:

- facts: per document, a multiset match on (kind, value), plus currency for money and unit for seized
  quantities. Duplicates count: two gold `detained 1` need two predicted ones. Among facts with the same
  key, the pairs that also agree on qualifier, role, city and item are taken first, so the attribute
  accuracies are not hurt by the order.
- cities, regions, countries, organisations, persons: per document, a set match on normalised names
  (NFKC, case-folded, ё as е, any dash as `-`, quotes and runs of spaces dropped).
- dates: per document, a set match on (start, end).
- qualifier, role (money), city and item (seized) accuracy: over the matched fact pairs whose gold holds
  that field.

P, R and F1 when a count is 0 (0/0): precision is 1.0 when nothing was predicted (no false positive),
recall is 1.0 when the gold holds nothing (nothing to miss); F1 is 0.0 whenever there is no true
positive but some error, and 1.0 when gold and predictions are both empty. An accuracy over no pairs is
None (shown as `-`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

KINDS = ("money", "detained", "victims", "crimes", "seized")
ENTITY_FIELDS = ("cities", "regions", "countries", "organisations", "persons")
ROWS = (*KINDS, "facts", *ENTITY_FIELDS, "dates")
ATTRIBUTES = ("qualifier", "role", "city", "item")
# What a fact is about (newsfacts/scope.py): scored where the gold holds it; period and area over the
# pairs that gold and prediction both call aggregate.
ABOUT = ("scope", "crime", "period", "area")


# -- scores ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        if self.tp == 0:
            return 0.0 if self.fp or self.fn else 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass
class FactError:
    """A fact missed (`miss`: gold), found wrongly (`spurious`: predicted), or matched with a wrong
    `qualifier`, `role` or `city` (`fact` is the gold one, `got` the predicted one)."""

    doc_id: str
    error: str
    fact: dict
    got: dict | None = None
    sentence: str | None = None

    def to_dict(self) -> dict:
        out = {"doc_id": self.doc_id, "error": self.error, "fact": _jsonable(self.fact)}
        if self.got is not None:
            out["got"] = _jsonable(self.got)
        out["sentence"] = self.sentence
        return out


@dataclass
class EntityError:
    doc_id: str
    field: str  # cities, ..., dates
    error: str  # miss | spurious
    name: str

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "field": self.field, "error": self.error, "name": self.name}


@dataclass
class Report:
    documents: int = 0
    rows: dict[str, Score] = field(default_factory=lambda: {row: Score() for row in ROWS})
    accuracy: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in (*ATTRIBUTES, *ABOUT, "doc crime", "lang")}
    )
    fact_errors: list[FactError] = field(default_factory=list)
    entity_errors: list[EntityError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self, errors: bool = False) -> dict:
        out = {
            "documents": self.documents,
            "scores": {row: score.to_dict() for row, score in self.rows.items()},
            "accuracy": {name: acc.to_dict() for name, acc in self.accuracy.items()},
            "notes": list(self.notes),
        }
        if errors:
            out["fact_errors"] = [e.to_dict() for e in self.fact_errors]
            out["entity_errors"] = [e.to_dict() for e in self.entity_errors]
        return out


# -- normalising ----------------------------------------------------------------------------------------

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = re.compile(r"[«»\"“”„‟'’‘`]")
_SPACES = re.compile(r"\s+")


def norm_name(name: str) -> str:
    """The form names are compared in: `«Агро  Дала»` and `агро дала` are the same name."""
    name = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    name = _QUOTES.sub("", _DASHES.sub("-", name))
    return _SPACES.sub(" ", name).strip(" .,;:")


def _number(value) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def fact_key(fact: Mapping) -> tuple:
    """What a fact is matched on: kind and value, plus currency for money and unit for seized."""
    kind = fact["kind"]
    unit = fact.get("currency") if kind == "money" else fact.get("unit") if kind == "seized" else None
    return kind, _number(fact["value"]).normalize(), unit.upper() if unit else None


def _as_dict(record) -> dict:
    if isinstance(record, BaseModel):
        return json.loads(record.model_dump_json(), parse_float=Decimal)
    return dict(record)


def _name(entity) -> str:
    return entity if isinstance(entity, str) else entity["name"]


def _date_key(item) -> tuple[str, str]:
    return str(item["start"]), str(item["end"])


def _jsonable(fact: Mapping) -> dict:
    out = {}
    for key, value in fact.items():
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


# -- comparing ------------------------------------------------------------------------------------------


def _agreement(gold: Mapping, pred: Mapping) -> int:
    return sum(
        1
        for a in ATTRIBUTES
        if a in gold and norm_name(str(gold[a] or "")) == norm_name(str(pred.get(a) or ""))
    )


def match_facts(
    gold: Sequence[Mapping], pred: Sequence[Mapping]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Multiset matching of one document's facts: (gold/pred index pairs, unmatched gold, unmatched pred).

    Within one key, pairs agreeing on more of qualifier, role and city go first; ties keep text order.
    A gold fact flagged `"repeat": true` (a later mention re-telling the same event) is optional: it takes
    a prediction only after every required fact of its key has had one, and is never missed.
    """
    by_key: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, fact in enumerate(gold):
        by_key[fact_key(fact)][0].append(i)
    for j, fact in enumerate(pred):
        by_key[fact_key(fact)][1].append(j)
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    spurious: list[int] = []
    for gold_ids, pred_ids in by_key.values():
        candidates = sorted(
            (
                (bool(gold[i].get("repeat")), -_agreement(gold[i], pred[j]), i, j)
                for i in gold_ids
                for j in pred_ids
            ),
        )
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for _, _, i, j in candidates:
            if i not in used_gold and j not in used_pred:
                pairs.append((i, j))
                used_gold.add(i)
                used_pred.add(j)
        missed.extend(i for i in gold_ids if i not in used_gold and not gold[i].get("repeat"))
        spurious.extend(j for j in pred_ids if j not in used_pred)
    return sorted(pairs), sorted(missed), sorted(spurious)


def set_score(gold: Iterable, pred: Iterable) -> tuple[Score, list, list]:
    """Set matching: (score, missed items, spurious items), in their order of first appearance."""
    gold_set = dict.fromkeys(gold)
    pred_set = dict.fromkeys(pred)
    missed = [g for g in gold_set if g not in pred_set]
    spurious = [p for p in pred_set if p not in gold_set]
    return Score(tp=len(gold_set) - len(missed), fp=len(spurious), fn=len(missed)), missed, spurious


def compare(
    gold_records: Iterable[Mapping],
    predicted_records: Iterable[BaseModel | Mapping],
    texts: Mapping[str, str] | None = None,
) -> Report:
    """Score predicted records against gold lines, document by document (matched by doc_id).

    Only documents in both are scored; the others are named in `report.notes`. `texts` (doc_id -> the
    original text) lets the errors show the sentence of each missed or spurious fact.
    """
    report = Report()
    gold_by_id: dict[str, dict] = {}
    for line in gold_records:
        line = dict(line)
        if line["doc_id"] in gold_by_id:
            raise ValueError(f"gold: doc_id {line['doc_id']!r} appears twice")
        gold_by_id[line["doc_id"]] = line
    pred_by_id: dict[str, dict] = {}
    for record in predicted_records:
        record = _as_dict(record)
        pred_by_id.setdefault(record["doc_id"], record)
    no_prediction = [d for d in gold_by_id if d not in pred_by_id]
    no_gold = [d for d in pred_by_id if d not in gold_by_id]
    if no_prediction:
        report.notes.append(
            f"{len(no_prediction)} gold document(s) without a prediction, not scored: " + _few(no_prediction)
        )
    if no_gold:
        report.notes.append(
            f"{len(no_gold)} predicted document(s) without gold, not scored: " + _few(no_gold)
        )
    texts = texts or {}
    for doc_id, gold in gold_by_id.items():
        if doc_id not in pred_by_id:
            continue
        report.documents += 1
        _compare_document(report, doc_id, gold, pred_by_id[doc_id], texts.get(doc_id))
    for kind in KINDS:
        report.rows["facts"].add(report.rows[kind])
    return report


def _few(names: Sequence[str], limit: int = 5) -> str:
    return ", ".join(names[:limit]) + (f", ... ({len(names) - limit} more)" if len(names) > limit else "")


def _compare_document(report: Report, doc_id: str, gold: dict, pred: dict, text: str | None) -> None:
    sentences = Sentences(text) if text is not None else None
    if "lang" in gold:
        report.accuracy["lang"].total += 1
        report.accuracy["lang"].correct += gold["lang"] == pred.get("lang")
    if "crime" in gold:
        report.accuracy["doc crime"].total += 1
        report.accuracy["doc crime"].correct += gold["crime"] == pred.get("crime")
    gold_facts = list(gold.get("facts", []))
    pred_facts = list(pred.get("facts", []))
    pairs, missed, spurious = match_facts(gold_facts, pred_facts)
    for i, j in pairs:
        if gold_facts[i].get("repeat"):  # an optional re-telling: neither a hit nor an error
            continue
        report.rows[gold_facts[i]["kind"]].tp += 1
        g, p = gold_facts[i], pred_facts[j]
        for attribute in ATTRIBUTES:
            if (
                attribute not in g
                or (attribute == "role" and g["kind"] != "money")
                or (attribute == "item" and g["kind"] != "seized")
            ):
                continue
            accuracy = report.accuracy[attribute]
            accuracy.total += 1
            same = norm_name(str(g[attribute] or "")) == norm_name(str(p.get(attribute) or ""))
            accuracy.correct += same
            if not same:
                sentence = sentences.of_fact(p) if sentences else None
                report.fact_errors.append(FactError(doc_id, attribute, g, p, sentence))
        for attribute in ABOUT:
            if attribute not in g:
                continue
            if attribute in ("period", "area") and not (
                g.get("scope") == "aggregate" and p.get("scope") == "aggregate"
            ):
                continue
            accuracy = report.accuracy[attribute]
            accuracy.total += 1
            same = _about_key(attribute, g) == _about_key(attribute, p)
            accuracy.correct += same
            if not same:
                sentence = sentences.of_fact(p) if sentences else None
                report.fact_errors.append(FactError(doc_id, attribute, g, p, sentence))
    for i in missed:
        g = gold_facts[i]
        report.rows[g["kind"]].fn += 1
        report.fact_errors.append(
            FactError(doc_id, "miss", g, None, sentences.locate(g) if sentences else None)
        )
    for j in spurious:
        p = pred_facts[j]
        report.rows[p["kind"]].fp += 1
        report.fact_errors.append(
            FactError(doc_id, "spurious", p, None, sentences.of_fact(p) if sentences else None)
        )
    for name in ENTITY_FIELDS:
        if name not in gold:
            continue
        names = {norm_name(_name(e)): _name(e) for e in reversed(pred.get(name, []))}
        names.update({norm_name(_name(e)): _name(e) for e in reversed(gold[name])})
        score, miss, extra = set_score(
            (norm_name(_name(e)) for e in gold[name]), (norm_name(_name(e)) for e in pred.get(name, []))
        )
        report.rows[name].add(score)
        report.entity_errors += [EntityError(doc_id, name, "miss", names[n]) for n in miss]
        report.entity_errors += [EntityError(doc_id, name, "spurious", names[n]) for n in extra]
    if "dates" in gold:
        score, miss, extra = set_score(map(_date_key, gold["dates"]), map(_date_key, pred.get("dates", [])))
        report.rows["dates"].add(score)
        report.entity_errors += [EntityError(doc_id, "dates", "miss", _date_name(d)) for d in miss]
        report.entity_errors += [EntityError(doc_id, "dates", "spurious", _date_name(d)) for d in extra]


def _about_key(attribute: str, fact: Mapping):
    value = fact.get(attribute)
    if attribute == "period":
        return _date_key(value) if value else None
    if attribute == "area":
        return norm_name(value) if value else None
    return value


def _date_name(key: tuple[str, str]) -> str:
    return key[0] if key[0] == key[1] else f"{key[0]}..{key[1]}"


# -- sentences for the error list --------------------------------------------------------------------------


class Sentences:
    """The sentences of one original text, as the pipeline counts them (normalised, then segmented)."""

    def __init__(self, text: str):
        from .normalize import Normalizer
        from .segment import segment

        self.text = text
        normalized = Normalizer()(text)
        self.spans = [normalized.span(s.start, s.end) for s in segment(normalized.text)]

    def _text(self, start: int, end: int) -> str:
        return _SPACES.sub(" ", self.text[start:end]).strip()

    def of_fact(self, fact: Mapping) -> str | None:
        """The sentence of a predicted fact: by its span (the index is checked against it)."""
        span = fact.get("span")
        if span is not None:
            for start, end in self.spans:
                if start <= span[0] < end:
                    return self._text(start, end)
        index = fact.get("sentence")
        if isinstance(index, int) and 0 <= index < len(self.spans):
            return self._text(*self.spans[index])
        return fact.get("text")

    def locate(self, fact: Mapping) -> str | None:
        """The sentence a gold fact most likely comes from: one that writes its value (in figures, with a
        multiplier, or as a number word), preferring one with a word of its kind; else, for a single
        person, the first sentence with a word of its kind. None when nothing fits."""
        pattern = _value_pattern(_number(fact["value"]))
        hint = _KIND_HINTS.get(fact["kind"])
        with_value = [s for s in self.spans if pattern.search(self.text[s[0] : s[1]])]
        hinted = [s for s in with_value if hint and hint.search(self.text[s[0] : s[1]])]
        if hinted or with_value:
            return self._text(*(hinted or with_value)[0])
        if _number(fact["value"]) == 1 and hint:
            for start, end in self.spans:
                if hint.search(self.text[start:end]):
                    return self._text(start, end)
        return None


_KIND_HINTS = {
    "money": re.compile(r"тенге|тг|₸|руб|доллар|\$|евро|€|сом|сум|юан|мрп|ущерб", re.I),
    "detained": re.compile(r"задерж|страж|арест|ИВС|водвор|изолятор", re.I),
    "victims": re.compile(r"потерпевш|жертв|пострадавш|обманут", re.I),
    "seized": re.compile(r"изъ|обнаруж|наш[лё]|кг|грамм|тонн|литр|пач|блок|единиц|штук", re.I),
    "crimes": re.compile(r"преступлен|дел[оа]?\b|дел\b|факт|эпизод|краж|мошенничеств|правонарушен", re.I),
}
_MULTIPLIER_WORDS = {
    1000: r"тыс|тысяч",
    1000000: r"млн|миллион",
    1000000000: r"млрд|миллиард",
    1000000000000: r"трлн|триллион",
}


def _number_words(value: int) -> list[str]:
    from .resources import table

    words = []
    for name in ("numerals.tsv", "collectives.tsv"):
        for row in table(name):
            if len(row) >= 2 and row[1].isdigit() and int(row[1]) == value:
                # The stem is enough: трое, троих; один, одного (the last letters are the ending).
                words.append(re.escape(row[0][: max(3, len(row[0]) - 2)]))
    return words


def _value_pattern(value: Decimal) -> re.Pattern:
    alternatives = []
    if value == value.to_integral_value():
        digits = str(int(value))
        head = len(digits) % 3 or 3
        groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        alternatives.append(r"[\s\u00a0\u202f.,]?".join(groups))
        if int(value) <= 40:
            alternatives += _number_words(int(value))
    else:
        alternatives.append(re.escape(format(value.normalize(), "f")).replace(r"\.", "[.,]"))
    for multiplier, words in _MULTIPLIER_WORDS.items():
        mantissa = value / multiplier
        if value >= multiplier and mantissa == round(mantissa, 3):
            shown = format(mantissa.normalize(), "f").replace(".", "[.,]")
            alternatives.append(rf"{shown}\s*(?:{words})")
    return re.compile(r"(?<![\d.,])(?:" + "|".join(alternatives) + r")(?![\d]|[.,]\d)", re.I)


# -- inputs: gold, texts, predictions ----------------------------------------------------------------------


class EvalInputError(ValueError):
    """Bad usage: an unreadable or malformed gold file, texts that cannot be found."""


def load_gold(path: Path | str) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise EvalInputError(f"gold file not found: {path}")
    lines = []
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line, parse_float=Decimal)
            except json.JSONDecodeError as error:
                raise EvalInputError(f"{path}:{number}: not JSON: {error}") from error
            if isinstance(data, dict) and "sha256" in data and "doc_id" in data and "lang" in data:
                raise EvalInputError(
                    f"{path}:{number}: this is a record written by `newsfacts extract`, not gold: "
                    "give the gold file first, the records after it"
                )
            if not isinstance(data, dict) or not isinstance(data.get("doc_id"), str):
                raise EvalInputError(f"{path}:{number}: a gold line needs a doc_id")
            for fact in data.get("facts", []):
                if fact.get("kind") not in KINDS or "value" not in fact:
                    raise EvalInputError(
                        f"{path}:{number}: a fact needs a kind ({', '.join(KINDS)}) and a value"
                    )
            lines.append(data)
    if not lines:
        raise EvalInputError(f"{path}: no gold lines")
    return lines


def text_candidates(line: Mapping, gold_path: Path, cwd: Path) -> list[Path]:
    """Where the text of a gold line may be, in the order tried: its `source` (relative to the gold
    file's folder, then the working folder), then `<doc_id>.txt` in the gold file's folder and each
    folder above it and in their `corpus/` subfolders, then in the working folder and its `corpus/`."""
    paths: list[Path] = []
    source = line.get("source")
    if source:
        source = Path(source)
        paths += [source] if source.is_absolute() else [gold_path.parent / source, cwd / source]
    name = f"{line['doc_id']}.txt"
    for folder in (gold_path.resolve().parent, *gold_path.resolve().parents, cwd):
        paths += [folder / name, folder / "corpus" / name]
    return list(dict.fromkeys(paths))


def resolve_texts(
    gold: Sequence[Mapping], gold_path: Path | str, cwd: Path | str | None = None
) -> list[Path]:
    """The text of every gold line; EvalInputError naming the ones that cannot be found."""
    gold_path, cwd = Path(gold_path), Path(cwd or Path.cwd())
    found, missing = [], []
    for line in gold:
        path = next((p for p in text_candidates(line, gold_path, cwd) if p.is_file()), None)
        if path is None:
            missing.append(line["doc_id"])
        else:
            found.append(path)
    if missing:
        raise EvalInputError(
            f"no text found for {len(missing)} gold document(s) ({_few(missing)}); "
            "give the texts' files or folder after the gold file"
        )
    return found


@dataclass
class Predictions:
    records: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def iter_texts(
    paths: Sequence[Path | str], glob: str = "*.txt", only: Collection[str] | None = None
) -> list[Path]:
    """The text files among the inputs (folders walked), in order; `.jsonl` files are not texts.
    `only`: the doc_ids to keep (the gold's), so that `eval gold corpus/` reads only the texts it scores."""
    from .batch import iter_inputs

    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists():
            raise EvalInputError(f"no such file or folder: {path}")
    texts = iter_inputs([p for p in paths if p.suffix != ".jsonl"], glob=glob)
    return [p for p in texts if only is None or p.stem in only]


def predict(
    paths: Sequence[Path | str],
    pipeline,
    reference: date | None = None,
    glob: str = "*.txt",
    only: Collection[str] | None = None,
) -> Predictions:
    """Records and texts for the inputs: text files are run through `pipeline`; a `.jsonl` file is read
    as records already extracted (their texts, for the error list, are looked up from their `source`).
    `only`: extract only the texts of these doc_ids (the gold's); the others are counted in a note."""
    from .reader import InputError, read
    from .tables import load

    paths = [Path(p) for p in paths]
    out = Predictions()
    texts = iter_texts(paths, glob, only)
    if only is not None:
        left_out = len(iter_texts(paths, glob)) - len(texts)
        if left_out:
            out.notes.append(f"{left_out} text(s) not in the gold left out")
    for path in texts:
        try:
            item = read(path)
        except InputError as error:
            out.notes.append(f"{path}: {error.kind}: {error}")
            continue
        try:
            record = pipeline(
                item.text,
                doc_id=path.stem,
                source=str(path),
                date=reference,
                sha256=item.sha256,
                warnings=item.warnings,
            )
        except Exception as error:  # a bug in one text: scored as no prediction, said in a note, not fatal
            out.notes.append(f"{path}: extraction failed: {type(error).__name__}: {error}")
            continue
        out.records.append(_as_dict(record))
        out.texts[record.doc_id] = item.text
    for path in (p for p in paths if p.suffix == ".jsonl"):
        loaded = load(path)
        out.notes += [f"{path}: {note}" for note in loaded.notes()]
        for record in loaded.records:
            out.records.append(_as_dict(record))
            text = _source_text(record.source, path.parent)
            if text is not None:
                out.texts.setdefault(record.doc_id, text)
    return out


def _source_text(source: str | None, base: Path) -> str | None:
    from .reader import InputError, read

    if not source or source == "-":
        return None
    for path in (Path(source), base / source):
        if path.is_file():
            try:
                return read(path).text
            except InputError:
                return None
    return None


# -- formatting ----------------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def rich_tables(report: Report):
    """The scores and the accuracies as two rich tables."""
    from rich.table import Table

    scores = Table(title=f"newsfacts eval: {report.documents} documents", title_justify="left")
    for column in ("", "gold", "pred", "tp", "fp", "fn"):
        scores.add_column(column, justify="left" if not column else "right")
    for column in ("P %", "R %", "F1 %"):
        scores.add_column(column, justify="right")
    for row, score in report.rows.items():
        style = "bold" if row == "facts" else None
        scores.add_row(
            row,
            *(str(n) for n in (score.gold, score.predicted, score.tp, score.fp, score.fn)),
            *(_percent(v) for v in (score.precision, score.recall, score.f1)),
            style=style,
            end_section=row in (KINDS[-1], "facts"),
        )
    accuracy = Table(title="over matched facts (lang, document crime: over documents)", title_justify="left")
    for column in ("", "correct", "total", "accuracy %"):
        accuracy.add_column(column, justify="left" if not column else "right")
    labels = {"qualifier": "qualifier", "role": "money role", "city": "fact city", "lang": "lang"}
    labels.update({"scope": "scope", "crime": "crime", "period": "period (aggregates)"})
    labels.update({"area": "area (aggregates)", "doc crime": "document crime (over documents)"})
    labels["item"] = "seized item"
    for name, acc in report.accuracy.items():
        accuracy.add_row(labels[name], str(acc.correct), str(acc.total), _percent(acc.value))
    return scores, accuracy


def describe_fact(fact: Mapping) -> str:
    from .tables import plain_number

    parts = [fact["kind"], plain_number(_number(fact["value"]))]
    for name in ("currency", "unit", "item"):
        if fact.get(name):
            parts.append(fact[name])
    parts.append(fact.get("qualifier") or "exact")
    if fact.get("role"):
        parts.append(fact["role"])
    parts.append(f"@{fact.get('city') or '-'}")
    if fact.get("text"):
        parts.append(f"«{fact['text']}»")
    return " ".join(parts)


def error_lines(report: Report) -> list[str]:
    """The errors as plain text: missed and spurious facts, wrong qualifiers/roles/cities, entities."""
    lines: list[str] = []
    groups = (
        ("facts missed and spurious", ("miss", "spurious")),
        ("matched facts with a wrong qualifier, role or city", ATTRIBUTES),
        ("matched facts with a wrong scope, crime, period or area", ABOUT),
    )
    for title, kinds in groups:
        errors = [e for e in report.fact_errors if e.error in kinds]
        lines.append(f"== {title}: {len(errors)}")
        for e in errors:
            if e.got is None:
                lines.append(f"{e.error.upper():9} {e.doc_id}  {describe_fact(e.fact)}")
            else:
                lines.append(
                    f"{e.error.upper():9} {e.doc_id}  {describe_fact(e.fact)}  "
                    f"gold {e.fact.get(e.error)!s}, got {e.got.get(e.error)!s}  «{e.got.get('text', '')}»"
                )
            lines.append(f"          | {e.sentence if e.sentence else '(sentence not found)'}")
    lines.append(f"== entities and dates missed and spurious: {len(report.entity_errors)}")
    for e in report.entity_errors:
        lines.append(f"{e.error.upper():9} {e.doc_id}  {e.field}: {e.name}")
    return lines
