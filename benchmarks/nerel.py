"""newsfacts against NEREL (a human-annotated Russian news corpus, github nerel-ds/NEREL), per entity type.

Run by hand (not in CI), from the repository root, on a split you fetched yourself (never commit NEREL's
texts: they are not ours):

    python benchmarks/nerel.py --data /path/to/NEREL-v1.1/test
    python benchmarks/nerel.py --data DIR --errors CITY      # and list the misses and spurious spans

DIR holds brat pairs `N.txt` / `N.ann`. For each NEREL type it prints precision, recall and F1 with
exact spans and with overlap matching (a found span counts when it overlaps a gold span of the same
type, one to one). Our fields map to NEREL types: cities -> CITY, countries -> COUNTRY, regions ->
STATE_OR_PROVINCE, the three together (a place of any of the three kinds against a gold span of any of
them) -> LOC3, organisations -> ORGANIZATION, persons -> PERSON, money facts -> MONEY (the two ends
of a range, one span, count once), dates -> DATE.
NEREL marks adjectives (`российский`, `московского`) as COUNTRY, CITY, STATE_OR_PROVINCE; newsfacts
keeps the nouns only (an adjective says whose, not where), so each place type is also given without the
gold adjectives (`CITY-noun`, `COUNTRY-noun`, ..., `LOC3-noun`).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ("CITY", "COUNTRY", "STATE_OR_PROVINCE")
TYPES = ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "LOC3")
TYPES += ("CITY-noun", "COUNTRY-noun", "STATE_OR_PROVINCE-noun", "LOC3-noun")
TYPES += ("ORGANIZATION", "PERSON", "MONEY", "DATE")


def read_gold(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """NEREL type -> spans; a discontinuous span is taken from its first start to its last end."""
    gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _id, info, text = (line.split("\t") + [""])[:3]
        kind, _, offsets = info.partition(" ")
        numbers = [int(n) for part in offsets.split(";") for n in part.split()]
        gold[kind].append((min(numbers), max(numbers), text))
    return gold


def adjective(text: str) -> bool:
    """`российский`, `Американский`: a country adjective (a one-word gold span that is no noun)."""
    from newsfacts.morph import analyzer

    if " " in text.strip():
        return False
    parses = analyzer()(text.lower())
    return bool(parses) and ("ADJF" in parses[0].grams or "ADJS" in parses[0].grams) and not text.isupper()


def predicted(record) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for field, kind in (
        ("cities", "CITY"),
        ("countries", "COUNTRY"),
        ("regions", "STATE_OR_PROVINCE"),
        ("organisations", "ORGANIZATION"),
        ("persons", "PERSON"),
    ):
        for entity in getattr(record, field):
            for start, end in entity.mentions:
                found[kind].append((start, end, entity.name))
    # a range (`от 3 до 5 тыс. рублей`) is two facts of one span, and one MONEY of NEREL
    for span, text in dict.fromkeys((tuple(f.span), f.text) for f in record.facts if f.kind == "money"):
        found["MONEY"].append((*span, text))
    for date in record.dates:
        found["DATE"].append((*date.span, date.text))
    return found


def match(gold, found, overlap: bool) -> tuple[int, list, list]:
    """One-to-one: each found span takes the first free gold span it matches."""
    used = [False] * len(gold)
    hits, spurious = 0, []
    for f in sorted(found):
        for i, g in enumerate(gold):
            if used[i]:
                continue
            same = (f[0], f[1]) == (g[0], g[1])
            if same or (overlap and f[0] < g[1] and g[0] < f[1]):
                used[i] = True
                hits += 1
                break
        else:
            spurious.append(f)
    missed = [g for i, g in enumerate(gold) if not used[i]]
    return hits, missed, spurious


def prf(hits: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_found if n_found else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def views(gold, found) -> dict[str, tuple[list, list]]:
    """Each type as it is, the three places together, and each without NEREL's adjectives."""
    out = {k: (gold[k], found[k]) for k in TYPES if k in gold or k in found}
    out["LOC3"] = ([g for k in PLACES for g in gold[k]], [f for k in PLACES for f in found[k]])
    nouns = {k: [g for g in gold[k] if not adjective(g[2])] for k in PLACES}
    for k in PLACES:
        out[k + "-noun"] = (nouns[k], found[k])
    out["LOC3-noun"] = ([g for k in PLACES for g in nouns[k]], out["LOC3"][1])
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path, help="folder of NEREL N.txt / N.ann pairs")
    parser.add_argument("--errors", default=None, help="print misses and spurious spans of this type")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args(argv)

    from newsfacts.pipeline import Pipeline

    texts = sorted(args.data.glob("*.txt"))[: args.limit]
    if not texts:
        raise SystemExit(f"no .txt files in {args.data}")
    started = time.perf_counter()
    pipeline = Pipeline()
    load = time.perf_counter() - started
    totals = {mode: defaultdict(lambda: [0, 0, 0]) for mode in ("exact", "overlap")}
    started = time.perf_counter()
    for path in texts:
        # brat offsets count the file's characters as they are: no newline translation
        text = path.read_bytes().decode("utf-8")
        gold = read_gold(path.with_suffix(".ann"))
        record = pipeline(text, doc_id=path.stem)
        for kind, (g, f) in views(gold, predicted(record)).items():
            for mode in totals:
                hits, missed, spurious = match(g, f, overlap=mode == "overlap")
                total = totals[mode][kind]
                total[0] += hits
                total[1] += len(f)
                total[2] += len(g)
                if mode == "overlap" and kind == args.errors:
                    for s, e, t in missed:
                        print(f"MISS {path.stem} [{s},{e}] {t!r}  …{text[max(0, s - 30) : s]!r}")
                    for s, e, t in spurious:
                        print(
                            f"SPUR {path.stem} [{s},{e}] {text[s:e]!r} -> {t!r}",
                            f"…{text[max(0, s - 30) : s]!r}",
                        )
    seconds = time.perf_counter() - started
    print(f"{len(texts)} documents of {args.data}, models loaded in {load:.1f} s, read in {seconds:.1f} s")
    print(
        f"{'type':<20}{'gold':>6}{'found':>7} | {'exact P':>8}{'R':>7}{'F1':>7} |",
        f"{'overlap P':>10}{'R':>7}{'F1':>7}",
    )
    for kind in TYPES:
        if kind not in totals["exact"]:
            continue
        cells = []
        for mode in ("exact", "overlap"):
            hits, n_found, n_gold = totals[mode][kind]
            cells.append(prf(hits, n_found, n_gold))
        _, n_found, n_gold = totals["exact"][kind]
        (ep, er, ef), (op, orr, of) = cells
        print(
            f"{kind:<20}{n_gold:>6}{n_found:>7} | {ep:>8.3f}{er:>7.3f}{ef:>7.3f} |",
            f"{op:>10.3f}{orr:>7.3f}{of:>7.3f}",
        )


if __name__ == "__main__":
    main()
