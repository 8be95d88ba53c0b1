"""The command line: thin commands over the library."""

from __future__ import annotations

import functools
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperOption

from . import resources
from .record import Record

EXIT_CODES = (
    "Exit codes (every command): 0 done; 1 done, but some inputs became error lines (extract); "
    "2 nothing done: bad usage, a missing or unusable input, output or rules file; "
    "3 the run failed midway (models, cluster, disk), the output left as it was; 130 interrupted."
)

app = typer.Typer(
    help="Structured, auditable facts from Russian-language news and police press releases.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
)

_type_of = TyperOption.display_type_rich


def _no_type_for_flags(self, ctx):
    # typer 0.29 shows `<bool>` after flags that take no value (--quiet, --help): show nothing there.
    return None if self.is_flag and not self.count else _type_of(self, ctx)


TyperOption.display_type_rich = _no_type_for_flags


def fail(command: str, message: str, code: int = 2):
    """One line on stderr and the exit code (2: nothing was done)."""
    typer.echo(f"newsfacts {command}: {message}", err=True)
    raise typer.Exit(code)


@app.callback()
def _check_rules(ctx: typer.Context):
    # Every command reads or may read rules/: a malformed file is told now, as one line, before any work.
    try:
        resources.check()
    except resources.RulesError as error:
        fail(ctx.invoked_subcommand or "", str(error))


def _interruptible(command):
    """Ctrl-C is exit code 130 in every command, as in `extract` (click would make it 1)."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None

    return run


def _check_output(command: str, path: Path | None, option: str, inputs: tuple[Path, ...] = ()) -> None:
    from .batch import UsageError, check_output

    try:
        check_output(path, option, inputs)
    except UsageError as error:
        fail(command, str(error))


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH", help="Text files or folders of them, walked recursively ('-' reads stdin)."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="JSONL file to write (default: stdout).")
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="Which files to take from folders.")] = "*.txt",
    jobs: Annotated[
        int | None,
        typer.Option(
            "-j", "--jobs", min=1, help="Worker processes, each loading the models once \\[default: cores]"
        ),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write the error lines here instead of into the output."),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0, help="Seconds a document may take, then it is an error (0: none)."),
    ] = 60.0,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Skip the inputs already in the output (same bytes); append the rest."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="No progress bar, no summary line at the end.")
    ] = False,
    date: Annotated[
        datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d"],
            help="Publication date of inputs that carry none (a `date:` first line wins); "
            "relative dates such as 'в прошлом году' count from it.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on a Dask cluster: tcp://HOST:8786, or 'local' (pip install 'newsfacts\\[dask]').",
        ),
    ] = None,
):
    """Extract one JSON record per document (JSONL), in input order.

    Every input becomes exactly one line: its record, or an error line {source, error, message, sha256}.

    Each record's `story` (the earliest document of the run telling the same incident) is assigned over the
    whole run in a last pass, with --resume over the kept lines too; `newsfacts stories` shows why.

    The last line on stderr sums the run up: `177 documents: 177 records, 0 errors, 9.8 s`.

    Exit code: 0 all inputs became records, 1 some became error lines, 3 the batch failed midway.

    Exit code 2: nothing done (bad usage, a missing input, an output that cannot be written); 130 interrupted.

    Example: newsfacts extract corpus/ -o facts.jsonl --errors errors.jsonl --jobs 2 --date 2023-04-21
    """
    from .batch import UsageError, run

    try:
        summary = run(
            paths,
            output,
            glob=glob,
            jobs=jobs,
            errors=errors,
            timeout=timeout or None,
            resume=resume,
            progress=not quiet and sys.stderr.isatty(),
            scheduler=scheduler,
            date=date.date() if date else None,
        )
    except (UsageError, resources.RulesError) as error:
        fail("extract", str(error))
    except KeyboardInterrupt:
        hint = "rerun the same command to go on" if resume else "nothing written; --resume keeps progress"
        typer.echo(f"interrupted: {hint}", err=True)
        raise typer.Exit(130) from None
    except (RuntimeError, OSError, ImportError) as error:
        fail("extract", str(error), 3)
    if not quiet:
        typer.echo(summary.line(errors or output or "the output"), err=True)
    raise typer.Exit(summary.exit_code)


@app.command()
@_interruptible
def schema():
    """Print the JSON Schema of the record that `extract` writes.

    Example: newsfacts schema > record.schema.json
    """
    sys.stdout.write(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


# -- analysis: stats, facts, review (newsfacts/stats.py, tables.py, review.py) ------------------------

_BY = ("city", "region", "month", "year", "kind", "role", "currency", "crime", "item", "unit")
_SCOPES = ("incident", "aggregate")


def _crimes() -> tuple[str, ...]:
    from .scope import crime_names

    return crime_names()


def _crime_choice(values: list[str] | None) -> list[str] | None:
    return _one_of(*_crimes())(values)


_KINDS = ("money", "detained", "victims", "crimes", "seized")
_ROLES = ("damage", "returned", "bribe", "fine", "price", "other")


def _one_of(*choices: str):
    def check(values: list[str] | None) -> list[str] | None:
        for value in values or []:
            if value not in choices:
                raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}")
        return values

    return check


def _load(command: str, jsonl: Path):
    """The records of a JSONL written by `extract`; exit 2 for anything else."""
    from .tables import NotRecords, load

    if str(jsonl) != "-" and not jsonl.exists():
        fail(command, f"no such file: {jsonl}")
    if jsonl.is_dir():
        fail(command, f"{jsonl} is a folder: give the JSONL file that `newsfacts extract -o` wrote")
    try:
        return load(jsonl)
    except NotRecords as error:
        fail(command, str(error))
    except OSError as error:
        fail(command, f"cannot read {jsonl}: {error.strerror or error}")


REVIEW_HTML = Path("review.html")
_TEXT_ROOT = Annotated[
    Path | None,
    typer.Option(
        "--text-root",
        help="Folder of the texts: <doc_id>.txt or the source's file name in it (default: the sources).",
    ),
]
_JSONL = Annotated[
    Path, typer.Argument(metavar="JSONL", help="JSONL written by `newsfacts extract` ('-' reads stdin).")
]


@app.command()
@_interruptible
def stats(
    jsonl: _JSONL,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="FIELD",
            help=f"Group by ({', '.join(_BY)}); repeat for several. month/year: the published date, "
            "else the first date in the text.  \\[default: kind]",
            callback=_one_of(*_BY),
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help=f"Only these kinds ({', '.join(_KINDS)}).",
            callback=_one_of(*_KINDS),
        ),
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role", metavar="ROLE", help=f"Only money for ({', '.join(_ROLES)}).", callback=_one_of(*_ROLES)
        ),
    ] = None,
    currency: Annotated[
        list[str] | None,
        typer.Option("--currency", metavar="CODE", help="Only money in these currencies (KZT, MRP...)."),
    ] = None,
    crime: Annotated[
        list[str] | None,
        typer.Option(
            "--crime",
            metavar="CRIME",
            help="Only facts about these crimes (internet_fraud, fraud, bribery... rules/crime_types.tsv).",
            callback=_crime_choice,
        ),
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            metavar="SCOPE",
            help="incident: only the totals of single events; aggregate: only the reported statistics.",
            callback=_one_of(*_SCOPES),
        ),
    ] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Also write the table as CSV.")] = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Also write it as Parquet.")] = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Draw a bar chart (.png, .svg).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title of the chart.")] = None,
):
    """Totals, fact counts and document counts per group.

    Only incidents are summed; aggregates (totals over a period and an area, as police statistics give
    them) are listed as reported, never added to incidents nor to each other.

    Money is summed per currency and role, seized quantities per unit (kg, l, pcs), never across them;
    sums are exact.

    ≥ marks a lower bound: the total holds 'more than' figures or ranges (a range counts its low end).

    ≤ marks an upper bound ('less than', 'up to'), ≈ an approximate total ('about', or both bounds).

    Facts without a city (or date) are in '(unknown)'.

    Example: newsfacts stats facts.jsonl --by city --kind money --role damage --crime fraud --plot d.png
    """

    from . import stats as statistics
    from .tables import fact_rows, write_csv, write_parquet

    for path, option in ((csv, "--csv"), (parquet, "--parquet"), (plot, "--plot")):
        _check_output("stats", path, option, (jsonl,))
    if plot is not None and plot.suffix and plot.suffix.lower() not in (".png", ".svg", ".pdf"):
        fail("stats", f"--plot {plot}: draw a .png, .svg or .pdf file")
    loaded = _load("stats", jsonl)
    currencies = [c.upper() for c in currency or []]
    rows = fact_rows(loaded.records)
    table = statistics.compute(
        rows, by=by or ["kind"], kinds=kind, roles=role, currencies=currencies, crimes=crime, scopes=scope
    )
    # The files first: a table piped into `head` must not cost them.
    try:
        if csv is not None:
            write_csv(table.rows, table.columns, csv)
            typer.echo(f"wrote {csv}", err=True)
        if parquet is not None:
            write_parquet(table.rows, table.columns, parquet)
            typer.echo(f"wrote {parquet}", err=True)
        if plot is not None:
            if not plot.suffix:  # matplotlib writes `chart` as `chart.png`: say the name it has
                plot = plot.with_suffix(".png")
            for note in statistics.plot(table, plot, title=title):
                typer.echo(f"note: {note}", err=True)
            typer.echo(f"wrote {plot}", err=True)
    except ImportError as error:
        hint = "" if "newsfacts[analysis]" in str(error) else ": pip install 'newsfacts[analysis]'"
        fail("stats", f"{error}{hint}")
    except ValueError as error:
        fail("stats", str(error))
    except OSError as error:
        fail("stats", str(error), 3)
    summed = statistics.rich_table(table) if table.rows or scope != ["aggregate"] else None
    reported = statistics.reported_table(table)
    console = statistics.console_for(summed, reported)
    for shown in (summed, reported):
        if shown is not None:
            console.print(shown)
    for line in statistics.footnotes(table, []):  # (the notes go to stderr below)
        console.print(line, soft_wrap=True, highlight=False, markup=False)
    for note in loaded.notes():  # what was skipped: on stderr, as in the other commands
        typer.echo(f"note: {note}", err=True)


@app.command()
@_interruptible
def facts(
    jsonl: _JSONL,
    output: Annotated[Path, typer.Option("-o", "--output", help="The table to write: .csv or .parquet.")],
):
    """The tidy facts table: one row per fact, for pandas, DuckDB and spreadsheets.

    Columns: doc_id, date, date_source, kind, value, currency, qualifier, role, unit, item, city, region...

    ...and the evidence: text, start, end, source.

    A range is two rows (range_low and range_high) on the same span.

    Example: newsfacts facts facts.jsonl -o facts.csv
    """
    from .tables import FACT_COLUMNS, fact_rows, write

    if output.suffix.lower() not in (".csv", ".parquet", ".pq"):
        fail("facts", f"--output {output}: write a .csv or a .parquet file")
    _check_output("facts", output, "--output", (jsonl,))
    loaded = _load("facts", jsonl)
    rows = fact_rows(loaded.records)
    try:
        write(rows, FACT_COLUMNS, output)
    except ImportError as error:
        fail("facts", str(error))
    except OSError as error:
        fail("facts", str(error), 3)
    notes = "".join(f"; {note}" for note in loaded.notes())
    typer.echo(f"wrote {output}: {len(rows)} facts from {len(loaded.records)} documents{notes}", err=True)


@app.command()
@_interruptible
def review(
    jsonl: _JSONL,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML page to write.")] = REVIEW_HTML,
    text_root: _TEXT_ROOT = None,
    title: Annotated[str, typer.Option("--title", help="Title of the page.")] = "newsfacts review",
):
    """One static HTML page to check the records against their texts, opened from disk.

    Entities, dates and facts are highlighted in each text, its facts listed beside it.

    A filter by kind, city and text; the filter is kept in the address (review.html#kind=money).

    No server, no network: everything is inline.

    Example: newsfacts review facts.jsonl -o review.html
    """
    from . import review as reviewing

    _check_output("review", output, "--output", (jsonl,))
    if text_root is not None and not text_root.is_dir():
        fail("review", f"--text-root {text_root}: no such folder")
    loaded = _load("review", jsonl)
    base = None if str(jsonl) == "-" else jsonl.resolve().parent
    found = reviewing.find_texts(loaded.records, text_root, base)
    missing = sum(one.text is None for one in found)
    if loaded.records and missing == len(loaded.records):
        tried = found[0].problems[0].removeprefix("text not found (").removesuffix(")")
        fail(
            "review",
            f"none of the {missing} texts found (for the first, {tried}); "
            "run from the folder `extract` ran in, or give --text-root",
        )
    try:
        options = {"text_root": text_root, "base": base, "title": title, "notes": loaded.notes()}
        reviewing.write(loaded.records, output, found=found, **options)
    except OSError as error:
        fail("review", str(error), 3)
    notes = ([f"{missing} texts not found"] if missing else []) + loaded.notes()
    notes = "".join(f", {note}" for note in notes)
    typer.echo(f"wrote {output}: {len(loaded.records)} documents{notes}", err=True)


@app.command("eval")
@_interruptible
def eval_command(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="Gold annotations, one JSON line per document.")
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Texts or folders to extract (or .jsonl records already extracted)  "
            "\\[default: <doc_id>.txt of each gold line, beside the gold file, in a corpus/ folder above it, "
            "or in the working folder]",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List each missed and spurious fact with its sentence.")
    ] = False,
    glob: Annotated[str, typer.Option("--glob", help="Which files to take from folders.")] = "*.txt",
    date: Annotated[
        datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], help="Publication date of texts that carry none."),
    ] = None,
):
    """Precision, recall and F1 of the extraction against gold annotations.

    Facts match on kind and value (and currency for money), duplicates counted.

    Cities, regions, countries, organisations, persons: normalised names per document; dates: (start, end).

    Qualifier, money role and fact city are scored as accuracies over the matched facts.

    Only the texts the gold names are extracted from folders.

    Exit code: 0 the report was made, 2 nothing done (no gold, texts not found, not newsfacts JSONL).

    Example: newsfacts eval tests/gold/dev.jsonl corpus/ --errors
    """
    from . import evaluate as ev
    from .tables import NotRecords

    try:
        gold_lines = ev.load_gold(gold)
        inputs = list(paths) if paths else ev.resolve_texts(gold_lines, gold)
        wanted = {line["doc_id"] for line in gold_lines}
        pipeline = None
        if ev.iter_texts(inputs, glob, wanted):
            from .pipeline import Pipeline

            pipeline = Pipeline()
        predicted = ev.predict(
            inputs, pipeline, reference=date.date() if date else None, glob=glob, only=wanted
        )
        report = ev.compare(gold_lines, predicted.records, predicted.texts)
    except (ev.EvalInputError, NotRecords) as error:
        fail("eval", str(error))
    except ValueError as error:
        fail("eval", f"{gold}: {error}")
    except OSError as error:
        fail("eval", f"cannot read {error.filename}: {error.strerror or error}")
    report.notes = predicted.notes + report.notes
    if report.documents == 0:
        fail("eval", "no document is in both the gold and the inputs (matched by doc_id)")
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    console = Console()
    for table in ev.rich_tables(report):
        console.print(table)
    for note in report.notes:
        console.print(f"note: {note}", soft_wrap=True, highlight=False, markup=False)
    if errors:
        for line in ev.error_lines(report):
            console.print(line, soft_wrap=True, highlight=False, markup=False)


@app.command()
@_interruptible
def stories(
    jsonl: _JSONL,
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="Gold stories (one JSON line per story: {story, doc_ids}): pair P/R."),
    ] = None,
    text_root: _TEXT_ROOT = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the groups and the score as JSON.")] = False,
):
    """The stories told by more than one document, with the evidence that joins them.

    Near-duplicate texts (MinHash over word shingles: the estimated Jaccard and the passages both hold) and
    rewrites whose facts agree (the shared sums, counts, persons and city). Grouped again from the records
    and their texts, as `extract` does; a text not found is grouped by its facts only.

    Example: newsfacts stories facts.jsonl --gold tests/gold/stories.jsonl
    """
    from . import stories as st

    loaded = _load("stories", jsonl)
    base = None if str(jsonl) == "-" else jsonl.resolve().parent
    records = loaded.records
    texts, notes = st.find_texts(records, text_root, base)
    found = st.group(records, texts)
    score = None
    if gold is not None:
        try:
            predicted = {record.doc_id: story for record, story in zip(records, found.story, strict=True)}
            score = st.pair_score(st.load_gold(gold), predicted)
        except (OSError, ValueError) as error:
            raise typer.BadParameter(str(error), param_hint="--gold") from error
    groups = st.describe(records, texts, found)
    if as_json:
        report = {"stories": groups, "score": score.to_dict() if score else None, "notes": notes}
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for line in st.report_lines(groups):
        typer.echo(line)
    typer.echo(
        f"{len(records)} documents, {len(groups)} stories told more than once, "
        f"{sum(len(g['documents']) for g in groups)} documents in them"
    )
    if score is not None:
        typer.echo(
            f"pairs against {gold}: precision {score.precision:.1%} ({score.true_pairs}/"
            f"{score.predicted_pairs}), recall {score.recall:.1%} ({score.true_pairs}/{score.gold_pairs}) "
            f"over {score.documents} documents"
        )
    for note in notes + loaded.notes():
        typer.echo(f"note: {note}", err=True)
