"""The README's example record, development eval table and stats table are what the program gives now
(issue 15, item 9): scripts/readme_examples.py writes them; this test fails when they drift."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import readme_examples  # noqa: E402


@pytest.fixture(scope="module")
def blocks(pipeline) -> dict[str, str]:
    readme = readme_examples.README.read_text(encoding="utf-8")
    return readme_examples.blocks(pipeline, readme)


@pytest.mark.parametrize("name", ["record", "eval", "stats"])
def test_readme_block_is_what_the_program_gives(blocks, name):
    readme = readme_examples.README.read_text(encoding="utf-8")
    shown = {m.group(2): m.group(3) for m in readme_examples.BLOCK.finditer(readme)}
    assert shown[name] == blocks[name], f"README is stale: run python scripts/readme_examples.py ({name})"


def test_readme_pandas_snippet_never_sums_across_roles():
    readme = readme_examples.README.read_text(encoding="utf-8")
    snippet = readme[readme.index('facts = pd.read_csv("facts.csv"') :].split("```")[0]
    assert 'groupby(["role", ' in snippet or 'role == "damage"' in snippet


def test_readme_dask_example_writes_proper_jsonl():
    readme = readme_examples.README.read_text(encoding="utf-8")
    assert "to_textfiles" not in readme and "to_jsonl(extract_bag(paths), " in readme
