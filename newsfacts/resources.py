"""Finds, reads and checks the data files in rules/: word lists and TSV tables with `#` comments.

Every file the code reads is named here, each table with the number of tab-separated columns it must
have: a malformed line is a RulesError naming the file and the line (`rules/currencies.tsv:42: expected
2 tab-separated columns, got 1`), never an IndexError deep in a grammar or a line silently ignored.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent

# Table -> (fewest, most) columns. Trailing empty columns count as absent (a trailing tab is stripped).
TABLES: dict[str, tuple[int, int]] = {
    "collectives.tsv": (2, 2),
    "count_nouns.tsv": (2, 2),
    "count_triggers.tsv": (2, 2),
    "crime_families.tsv": (2, 2),
    "crime_types.tsv": (2, 2),
    "criminal_code.tsv": (3, 3),
    "currencies.tsv": (2, 2),
    "currency_letters.tsv": (2, 2),
    "destinations.tsv": (2, 2),
    "gazetteer.tsv": (2, 5),  # name, kind, then region, aliases, forms when there are any
    "homoglyphs.tsv": (2, 2),
    "money_roles.tsv": (2, 3),  # role, lemma, then a condition: `+на`, `own` or `in`
    "months.tsv": (2, 2),
    "multipliers.tsv": (2, 2),
    "numerals.tsv": (2, 2),
    "ordinals.tsv": (2, 2),
    "periods.tsv": (2, 2),
    "qualifiers.tsv": (2, 2),
    "relative_dates.tsv": (3, 3),
    "role_context.tsv": (2, 2),
    "scope_cues.tsv": (2, 2),
    "seasons.tsv": (3, 3),
    "seized_items.tsv": (3, 4),  # stem, item, class, then `weak` when the word names a class only
    "seized_triggers.tsv": (2, 2),
    "seized_units.tsv": (3, 4),  # word, unit, how many, then `container` for a box that holds goods
}
WORD_LISTS: tuple[str, ...] = (
    "anaphora.txt",
    "animal_words.txt",
    "body_heads.txt",
    "body_not_tails.txt",
    "credit_words.txt",
    "custody.txt",
    "eponym_words.txt",
    "generic_acronyms.txt",
    "generic_bodies.txt",
    "generic_body_words.txt",
    "genitive_heads.txt",
    "goods_words.txt",
    "lost_not_robbed.txt",
    "national_scope.txt",
    "not_town_words.txt",
    "org_acronyms.txt",
    "org_stopwords.txt",
    "org_types.txt",
    "origin_words.txt",
    "person_titles.txt",
    "place_prefixes.txt",
    "platforms.txt",
    "programme_words.txt",
    "rate_words.txt",
    "refund_fraud.txt",
    "related_links.txt",
    "region_words.txt",
    "remote_fraud.txt",
    "route_words.txt",
    "russian_words.txt",
    "seized_measures.txt",
    "settlement_words.txt",
    "source_phrases.txt",
    "street_words.txt",
    "thing_years.txt",
    "town_owners.txt",
    "unit_words.txt",
    "vehicle_makes.txt",
    "violation_words.txt",
    "violation_cues.txt",
)


class RulesError(ValueError):
    """A rules folder or file that cannot be used; the message names the file (and line)."""


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def rules_dir() -> Path:
    """NEWSFACTS_RULES when set (a user's own copy, to extend the rules without touching the install),
    else rules/ inside the installed package or at the top of a source checkout."""
    override = os.environ.get("NEWSFACTS_RULES")
    if override:
        path = Path(override)
        if not path.is_dir():
            raise RulesError(f"NEWSFACTS_RULES={override}: no such folder")
        return path
    for path in (_HERE / "rules", _HERE.parent / "rules"):
        if path.is_dir():
            return path
    raise RulesError("rules/ not found: reinstall newsfacts or set NEWSFACTS_RULES")


def _lines(name: str):
    """(line number, content) of each entry line."""
    path = rules_dir() / name
    try:
        with open(path, encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                line = line.rstrip("\n")
                line = line.split("  #")[0].rstrip()  # `value  # example` keeps an example beside the entry
                if line.strip() and not line.lstrip().startswith("#"):
                    yield number, line
    except FileNotFoundError:
        where = _shown(path.parent)
        raise RulesError(f"{_shown(path)}: missing (every rules file must be in {where})") from None
    except UnicodeDecodeError as error:
        raise RulesError(f"{_shown(path)}: not UTF-8 ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise RulesError(f"{_shown(path)}: {error.strerror or error}") from None


@cache
def words(name: str) -> tuple[str, ...]:
    """One entry per line."""
    if name not in WORD_LISTS:
        raise KeyError(f"{name} is not a known word list: add it to WORD_LISTS in newsfacts/resources.py")
    return tuple(line.strip() for _, line in _lines(name))


def phrases(name: str) -> str:
    """A word list's entries as one regex alternation, any run of spaces between a phrase's words."""
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in words(name)) + ")"


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows, each with the number of columns TABLES gives; RulesError for a line without."""
    fewest, most = TABLES[name]
    rows = []
    for number, line in _lines(name):
        row = tuple(cell.strip() for cell in line.split("\t"))
        if not fewest <= len(row) <= most or not all(row[:fewest]):
            expected = str(fewest) if fewest == most else f"{fewest} to {most}"
            got = len(row) if all(row[:fewest]) else f"{len(row)} with an empty one"
            raise RulesError(
                f"{_shown(rules_dir() / name)}:{number}: expected {expected} tab-separated columns, got {got}"
            )
        rows.append(row)
    return tuple(rows)


def check() -> None:
    """Read every rules file now, so that a bad one stops a command before any work (RulesError)."""
    for name in TABLES:
        table(name)
    for name in WORD_LISTS:
        words(name)
