"""Finds and reads the data files in rules/: word lists and TSV tables with `#` comments."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """rules/ inside the installed package, or at the top of a source checkout.

    NEWSFACTS_RULES points at a user's own copy, so that rules can be extended without touching the install.
    """
    override = os.environ.get("NEWSFACTS_RULES")
    for path in (Path(override) if override else None, _HERE / "rules", _HERE.parent / "rules"):
        if path is not None and path.is_dir():
            return path
    raise FileNotFoundError("rules/ not found: reinstall newsfacts or set NEWSFACTS_RULES")


def _lines(name: str):
    with open(rules_dir() / name, encoding="utf-8") as file:
        for line in file:
            line = line.rstrip("\n")
            line = line.split("  #")[0].rstrip()  # `value  # example` keeps an example beside the entry
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


@cache
def words(name: str) -> tuple[str, ...]:
    """One entry per line."""
    return tuple(line.strip() for line in _lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows; trailing empty columns are kept as ''."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))
