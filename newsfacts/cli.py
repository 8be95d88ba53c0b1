"""The command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from .record import Record

app = typer.Typer(
    help="Structured, auditable facts from Russian-language news and police press releases.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text files or folders of them, walked recursively ('-' reads stdin)."),
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
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar.")] = False,
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

    Exit code: 0 all inputs succeeded, 1 some became errors, 2 bad usage, 3 the batch could not run.

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
    except UsageError as error:
        raise typer.BadParameter(str(error)) from error
    except KeyboardInterrupt:
        hint = "rerun the same command to go on" if resume else "nothing written; --resume keeps progress"
        typer.echo(f"interrupted: {hint}", err=True)
        raise typer.Exit(130) from None
    except (RuntimeError, OSError, ImportError) as error:
        typer.echo(f"newsfacts extract: {error}", err=True)
        raise typer.Exit(3) from error
    raise typer.Exit(summary.exit_code)


@app.command()
def schema():
    """Print the JSON Schema of the record that `extract` writes.

    Example: newsfacts schema > record.schema.json
    """
    sys.stdout.write(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


# -- analysis: stats, facts, review (newsfacts/stats.py, tables.py, review.py) ------------------------

_BY = ("city", "region", "month", "year", "kind", "role", "currency", "item", "unit")
_KINDS = ("money", "detained", "victims", "crimes", "seized")
_ROLES = ("damage", "returned", "bribe", "fine", "price", "other")


def _one_of(*choices: str):
    def check(values: list[str] | None) -> list[str] | None:
        for value in values or []:
            if value not in choices:
                raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}")
        return values

    return check


def _load(jsonl: Path):
    from .tables import load

    try:
        return load(jsonl)
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"newsfacts: cannot read {jsonl}: {error}", err=True)
        raise typer.Exit(2) from error


REVIEW_HTML = Path("review.html")
_JSONL = Annotated[
    Path, typer.Argument(metavar="JSONL", help="JSONL written by `newsfacts extract` ('-' reads stdin).")
]


@app.command()
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
    csv: Annotated[Path | None, typer.Option("--csv", help="Also write the table as CSV.")] = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", help="Also write it as Parquet.")] = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Draw a bar chart (.png, .svg).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title of the chart.")] = None,
):
    """Totals, fact counts and document counts per group.

    Money is summed per currency and role, seized quantities per unit (kg, l, pcs), never across them;
    sums are exact.

    ≥ marks a lower bound: the total holds 'more than' figures or ranges (a range counts its low end).

    ≤ marks an upper bound ('less than', 'up to'), ≈ an approximate total ('about', or both bounds).

    Facts without a city (or date) are in '(unknown)'.

    Example: newsfacts stats facts.jsonl --by city --kind money --role damage --plot damage.png
    """
    from rich.console import Console

    from . import stats as statistics
    from .tables import fact_rows, write_csv, write_parquet

    loaded = _load(jsonl)
    currencies = [c.upper() for c in currency or []]
    rows = fact_rows(loaded.records)
    table = statistics.compute(rows, by=by or ["kind"], kinds=kind, roles=role, currencies=currencies)
    # The files first: a table piped into `head` must not cost them.
    try:
        if csv is not None:
            write_csv(table.rows, table.columns, csv)
            typer.echo(f"wrote {csv}", err=True)
        if parquet is not None:
            write_parquet(table.rows, table.columns, parquet)
            typer.echo(f"wrote {parquet}", err=True)
        if plot is not None:
            for note in statistics.plot(table, plot, title=title):
                typer.echo(f"note: {note}", err=True)
            typer.echo(f"wrote {plot}", err=True)
    except ImportError as error:
        hint = "" if "newsfacts[analysis]" in str(error) else ": pip install 'newsfacts[analysis]'"
        typer.echo(f"newsfacts stats: {error}{hint}", err=True)
        raise typer.Exit(1) from error
    except (ValueError, OSError) as error:
        typer.echo(f"newsfacts stats: {error}", err=True)
        raise typer.Exit(1) from error
    console = Console()
    console.print(statistics.rich_table(table))
    for line in statistics.footnotes(table, loaded.notes()):
        console.print(line, soft_wrap=True, highlight=False, markup=False)


@app.command()
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
        raise typer.BadParameter("write a .csv or a .parquet file", param_hint="--output")
    loaded = _load(jsonl)
    rows = fact_rows(loaded.records)
    try:
        write(rows, FACT_COLUMNS, output)
    except ImportError as error:
        typer.echo(f"newsfacts facts: {error}", err=True)
        raise typer.Exit(1) from error
    except OSError as error:
        typer.echo(f"newsfacts facts: {error}", err=True)
        raise typer.Exit(1) from error
    notes = "".join(f"; {note}" for note in loaded.notes())
    typer.echo(f"wrote {output}: {len(rows)} facts from {len(loaded.records)} documents{notes}", err=True)


@app.command()
def review(
    jsonl: _JSONL,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML page to write.")] = REVIEW_HTML,
    text_root: Annotated[
        Path | None,
        typer.Option(
            "--text-root",
            help="Folder of the texts: <doc_id>.txt or the source's file name in it (default: the sources).",
        ),
    ] = None,
    title: Annotated[str, typer.Option("--title", help="Title of the page.")] = "newsfacts review",
):
    """One static HTML page to check the records against their texts, opened from disk.

    Entities, dates and facts are highlighted in each text, its facts listed beside it.

    A filter by kind, city and text; the filter is kept in the address (review.html#kind=money).

    No server, no network: everything is inline.

    Example: newsfacts review facts.jsonl -o review.html
    """
    from . import review as reviewing

    loaded = _load(jsonl)
    base = None if str(jsonl) == "-" else jsonl.resolve().parent
    try:
        options = {"text_root": text_root, "base": base, "title": title, "notes": loaded.notes()}
        reviewing.write(loaded.records, output, **options)
    except OSError as error:
        typer.echo(f"newsfacts review: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"wrote {output}: {len(loaded.records)} documents", err=True)


@app.command("eval")
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

    Exit code: 0 the report was made, 2 bad usage (no gold file, texts not found).

    Example: newsfacts eval tests/gold/dev.jsonl corpus/ --errors
    """
    from . import evaluate as ev

    try:
        gold_lines = ev.load_gold(gold)
        inputs = list(paths) if paths else ev.resolve_texts(gold_lines, gold)
        if ev.iter_texts(inputs, glob):
            from .pipeline import Pipeline

            pipeline = Pipeline()
        else:
            pipeline = None
        predicted = ev.predict(inputs, pipeline, reference=date.date() if date else None, glob=glob)
        report = ev.compare(gold_lines, predicted.records, predicted.texts)
    except ev.EvalInputError as error:
        raise typer.BadParameter(str(error)) from error
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="GOLD") from error
    report.notes = predicted.notes + report.notes
    if report.documents == 0:
        raise typer.BadParameter("no document is in both the gold and the inputs (matched by doc_id)")
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
