"""Writes the README's examples from the program itself, so that they cannot drift from it.

    python scripts/readme_examples.py           # rewrite the blocks in README.md and docs/damage_by_city.png
    python scripts/readme_examples.py --check   # exit 1 and show the difference when README.md is stale

Each generated block sits between `<!-- readme_examples.py: NAME -->` and `<!-- /readme_examples.py -->`:
`record`, the record of the example text (the README's own ```text block before it); `eval`, the scores on
the development corpus; `stats`, the first rows of the damage-by-city table over corpus/.
tests/test_readme.py runs the same check.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import hashlib
import io
import json
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT))

from newsfacts import evaluate as ev  # noqa: E402
from newsfacts import stats as statistics  # noqa: E402
from newsfacts.batch import iter_inputs  # noqa: E402
from newsfacts.reader import read  # noqa: E402
from newsfacts.tables import fact_rows  # noqa: E402

START = "<!-- readme_examples.py: {name} -->"
END = "<!-- /readme_examples.py -->"
BLOCK = re.compile(r"(<!-- readme_examples\.py: (\w+) -->\n)(.*?)(<!-- /readme_examples\.py -->)", re.S)
# The stats example: what the README's command line above the table asks for.
STATS_QUERY = {"by": ["city"], "kinds": ["money"], "roles": ["damage"], "currencies": ["KZT"]}
STATS_ROWS = 5
CHART = ROOT / "docs" / "damage_by_city.png"
CHART_TITLE = "Ущерб по городам, corpus/"


def example_text(readme: str) -> str:
    """The text of `newsfacts extract example.txt`: the ```text block before the record block."""
    before = readme[: readme.index(START.format(name="record"))]
    return before[before.rindex("```text\n") + len("```text\n") :].split("```", 1)[0]


def record_block(pipeline, readme: str) -> str:
    text = example_text(readme)
    data = text.encode("utf-8")  # example.txt as saved: UTF-8, ending with a newline
    record = pipeline(text, doc_id="example", source="example.txt", sha256=hashlib.sha256(data).hexdigest())
    fields = json.loads(record.model_dump_json())
    lines = []
    for key, value in fields.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in value)
            shown = f"[\n{items}\n  ]"
        else:
            shown = json.dumps(value, ensure_ascii=False)
        lines.append(f'  "{key}": {shown}')
    return "```json\n{\n" + ",\n".join(lines) + "\n}\n```\n"


def corpus_records(pipeline) -> list:
    """The records of `newsfacts extract corpus/` run from the top of the repository."""
    records = []
    for path in iter_inputs([ROOT / "corpus"]):
        found = read(path)
        source = path.relative_to(ROOT).as_posix()
        records.append(
            pipeline(
                found.text, doc_id=path.stem, source=source, sha256=found.sha256, warnings=found.warnings
            )
        )
    return records


def _percent(value: float) -> str:
    return f"{100 * value:.1f}".removesuffix(".0") if value == 1 else f"{100 * value:.1f}"


def eval_block(records) -> str:
    gold_path = ROOT / "tests" / "gold" / "dev.jsonl"
    gold = ev.load_gold(gold_path)
    wanted = {line["doc_id"] for line in gold}
    texts = {path.stem: read(path).text for path in ev.resolve_texts(gold, gold_path, ROOT)}
    predicted = [json.loads(r.model_dump_json()) for r in records if r.doc_id in wanted]
    report = ev.compare(gold, predicted, texts)
    lines = [
        "| | gold | pred | tp | fp | fn | P % | R % | F1 % |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, score in report.rows.items():
        label = f"**{name}**" if name == "facts" else name
        numbers = (score.gold, score.predicted, score.tp, score.fp, score.fn)
        figures = (score.precision, score.recall, score.f1)
        lines.append(
            f"| {label} | "
            + " | ".join(map(str, numbers))
            + " | "
            + " | ".join(f"{100 * f:.1f}" for f in figures)
            + " |"
        )
    accuracy = report.accuracy
    parts = [
        f"{label} {_percent(accuracy[name].value)} % ({accuracy[name].correct}/{accuracy[name].total})"
        for name, label in (("qualifier", "qualifier"), ("role", "money role"), ("city", "fact city"))
    ]
    head = f"On the development corpus ({report.documents} documents):\n\n"
    accuracies = textwrap.fill(f"Over the matched facts: {', '.join(parts)}.", width=105)
    return head + "\n".join(lines) + f"\n\n{accuracies}\n"


def stats_table(records):
    return statistics.compute(fact_rows(records), **STATS_QUERY)


def stats_block(records) -> str:
    from rich.console import Console

    table = stats_table(records)
    shown = statistics.rich_table(dataclasses.replace(table, rows=table.rows[:STATS_ROWS]))
    if len(table.rows) > STATS_ROWS:
        shown.add_row("…", *[""] * (len(shown.columns) - 1))
    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False).print(shown)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    if len(table.rows) > STATS_ROWS:
        lines = lines[:-1]  # the bottom border: the table goes on
    return "```\n" + "\n".join(lines) + "\n```\n"


def blocks(pipeline, readme: str, records: list | None = None) -> dict[str, str]:
    records = corpus_records(pipeline) if records is None else records
    return {
        "record": record_block(pipeline, readme),
        "eval": eval_block(records),
        "stats": stats_block(records),
    }


def rewrite(readme: str, new: dict[str, str]) -> str:
    found = {match.group(2) for match in BLOCK.finditer(readme)}
    if found != set(new):
        raise SystemExit(f"README.md has the blocks {sorted(found)}, expected {sorted(new)}")
    return BLOCK.sub(lambda m: m.group(1) + new[m.group(2)] + m.group(4), readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when README.md is stale")
    args = parser.parse_args(argv)
    from newsfacts import Pipeline

    pipeline = Pipeline()
    readme = README.read_text(encoding="utf-8")
    records = corpus_records(pipeline)
    new = rewrite(readme, blocks(pipeline, readme, records))
    if args.check:
        if new != readme:
            sys.stdout.writelines(
                difflib.unified_diff(readme.splitlines(True), new.splitlines(True), "README.md")
            )
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    statistics.plot(stats_table(records), CHART, title=CHART_TITLE)
    print(f"wrote {README.relative_to(ROOT)} and {CHART.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
