"""Many inputs to JSONL: every input becomes exactly one record line or one error line."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .pipeline import Pipeline
from .reader import Input, InputError, decode, read
from .record import ErrorRecord


def iter_inputs(paths: list[Path], glob: str = "*.txt") -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if str(path) == "-":
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob(glob) if p.is_file()))
        else:
            found.append(path)
    return found


def process(pipeline: Pipeline, path: Path) -> str:
    """One JSON line: the record, or an error record."""
    try:
        item: Input = decode(sys.stdin.buffer.read()) if str(path) == "-" else read(path)
        doc_id = "stdin" if str(path) == "-" else path.stem
        source = None if str(path) == "-" else str(path)
        record = pipeline(item.text, doc_id=doc_id, source=source, sha256=item.sha256, warnings=item.warnings)
        return record.model_dump_json()
    except InputError as error:
        return ErrorRecord(source=str(path), error=error.kind, message=str(error)).model_dump_json()


def run(paths: list[Path], output: Path | None) -> int:
    inputs = iter_inputs(paths)
    pipeline = Pipeline()
    errors = 0
    if output is None:
        for path in inputs:
            line = process(pipeline, path)
            errors += '"error"' in line[:12]
            sys.stdout.write(line + "\n")
        return 1 if errors else 0
    # Written to a temporary file and renamed at the end: a crash never leaves a half-written output.
    fd, tmp = tempfile.mkstemp(prefix=".newsfacts-", dir=output.parent if str(output.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for path in inputs:
                line = process(pipeline, path)
                errors += '"error"' in line[:12]
                out.write(line + "\n")
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise
    return 1 if errors else 0
