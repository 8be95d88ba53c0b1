"""The command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
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

    Example: newsfacts extract corpus/ -o facts.jsonl --errors errors.jsonl --jobs 2
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
