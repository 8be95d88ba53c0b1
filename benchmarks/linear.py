"""Does the cost of one document grow linearly with its size? Run by hand (not in CI):

    python benchmarks/linear.py                    # 10 KB, 100 KB, 1 MB, 5 MB (the 5 MB one takes minutes)
    python benchmarks/linear.py --sizes 10 100     # in KB
    python benchmarks/linear.py --profile 1000     # where the time of a 1 MB document goes, by stage

Each document is ONE text built by repeating the lines of corpus/ in a shuffled (seeded) order, with a
blank line between paragraphs, so that every size has the same mix of sentences. It prints the seconds
of `extract` and seconds per MB for each size; a stage that grows faster than the text shows as a
rising seconds-per-MB column (and in --profile, as a stage whose share grows).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(kilobytes: float, seed: int = 0) -> str:
    lines = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lower().startswith(("date:", "---")):
                lines.append(line.strip())
    rng = random.Random(seed)
    parts, size, target = [], 0, kilobytes * 1000
    while size < target:
        rng.shuffle(lines)
        for line in lines:
            parts.append(line + ("\n\n" if rng.random() < 0.3 else "\n"))
            size += len(line.encode("utf-8")) + 1
            if size >= target:
                break
    return "".join(parts)


def stage_times(pipeline, text: str) -> dict[str, float]:
    from newsfacts.document import Document
    from newsfacts.pipeline import to_record

    doc = Document(doc_id="doc", text=text)
    times = {}
    for name, stage in pipeline.stages:
        start = time.perf_counter()
        stage(doc)
        times[name] = time.perf_counter() - start
    start = time.perf_counter()
    to_record(doc, "0" * 64)
    times["record"] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 100, 1000, 5000], help="in KB")
    parser.add_argument("--profile", type=float, metavar="KB", help="time each stage on a document this big")
    args = parser.parse_args()

    from newsfacts import Pipeline

    pipeline = Pipeline()
    pipeline(build(5))  # warm up: caches, lazy tables
    if args.profile:
        text = build(args.profile)
        times = stage_times(pipeline, text)
        total = sum(times.values())
        print(f"{len(text.encode()) / 1e6:.2f} MB, {total:.1f} s")
        for name, seconds in times.items():
            print(f"  {name:12} {seconds:8.2f} s  {100 * seconds / total:5.1f} %")
        return
    print("| size | chars | sentences | facts | seconds | s/MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for kilobytes in args.sizes:
        text = build(kilobytes)
        megabytes = len(text.encode("utf-8")) / 1e6
        start = time.perf_counter()
        record = pipeline(text)
        seconds = time.perf_counter() - start
        sentences = max((f.sentence for f in record.facts), default=-1) + 1
        label = f"{kilobytes / 1000:g} MB" if kilobytes >= 1000 else f"{kilobytes:g} KB"
        print(
            f"| {label} | {len(text)} | {sentences} | {len(record.facts)} | {seconds:.1f} | "
            f"{seconds / megabytes:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
