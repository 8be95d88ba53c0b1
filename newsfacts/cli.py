"""The command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .record import Record

app = typer.Typer(
    help="Structured, auditable facts from Russian-language news and police press releases.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Text files or folders of them ('-' reads stdin)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="JSONL file to write (default: stdout)."),
):
    """Extract one JSON record per document (JSONL).

    Example: newsfacts extract corpus/ -o facts.jsonl
    """
    from .batch import run

    code = run(paths, output)
    raise typer.Exit(code)


@app.command()
def schema():
    """Print the JSON Schema of the record that `extract` writes.

    Example: newsfacts schema > record.schema.json
    """
    sys.stdout.write(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
