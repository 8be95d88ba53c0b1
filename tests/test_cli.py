"""The command line as a new user meets it (issue 15): every mistake gets one line on stderr and the exit
code of the README's table, checked before any work; no file is left behind or overwritten."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import resources
from newsfacts.cli import app

ROOT = Path(__file__).resolve().parents[1]
TEXT = "В Павлодаре полицейские задержали двоих мошенников. Ущерб составил 1,5 млн тенге.\n"


def run(*args, env: dict | None = None):
    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def cli(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command, in its own process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newsfacts", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def nothing_left(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".*.part")]


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def fresh_rules():
    """Tests here point NEWSFACTS_RULES elsewhere: the tables read are cached per process."""
    resources.words.cache_clear()
    resources.table.cache_clear()
    yield
    resources.words.cache_clear()
    resources.table.cache_clear()


# -- 1. the output is checked before the work -------------------------------------------------------------


@pytest.mark.parametrize(
    "output, message",
    [
        ("{tmp}", "is a folder: give a file name"),
        ("{tmp}/missing/out.jsonl", "the folder {tmp}/missing does not exist"),
        ("{texts}/a.txt", "is one of the inputs: it would be overwritten"),
    ],
    ids=["folder", "missing-folder", "an-input"],
)
def test_extract_output_that_cannot_be_written_is_exit_2_before_any_work(texts, tmp_path, output, message):
    before = (texts / "a.txt").read_bytes()
    output = output.format(tmp=tmp_path, texts=texts)
    result = run("extract", texts, "-o", output)
    assert result.exit_code == 2
    assert message.format(tmp=tmp_path) in one_line(result)
    assert (texts / "a.txt").read_bytes() == before
    assert nothing_left(tmp_path) == []
    errors = run("extract", texts, "-o", tmp_path / "out.jsonl", "--errors", output)
    assert errors.exit_code == 2 and "--errors" in one_line(errors)


def test_a_failure_at_the_end_leaves_no_part_file(texts, tmp_path, monkeypatch):
    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsfacts.batch.os.replace", refuse)
    result = run("extract", texts, "-o", tmp_path / "out.jsonl", "-j", "1")
    assert result.exit_code == 3 and "No space left on device" in result.stderr
    assert nothing_left(tmp_path) == [] and not (tmp_path / "out.jsonl").exists()


def test_part_files_of_killed_runs_are_removed(texts, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.part"
    stale.write_text("half a run\n", encoding="utf-8")
    result = run("extract", texts, "-o", tmp_path / "out.jsonl", "-j", "1", "-q")
    assert result.exit_code == 0 and nothing_left(tmp_path) == []


# -- 2. inputs are checked, and every run ends with a summary line ---------------------------------------


def test_a_typo_in_the_input_is_exit_2(tmp_path):
    result = run("extract", tmp_path / "corpuss", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    assert one_line(result) == f"newsfacts extract: no such file or folder: {tmp_path / 'corpuss'}"
    assert not (tmp_path / "out.jsonl").exists() and nothing_left(tmp_path) == []


def test_a_folder_without_matching_files_is_exit_2_and_says_what_it_holds(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text(TEXT, encoding="utf-8")
    (folder / "b.md").write_text(TEXT, encoding="utf-8")
    (folder / "c.TXT").write_text(TEXT, encoding="utf-8")
    result = run("extract", folder, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    line = one_line(result)
    assert "no file matching --glob '*.txt', only 2 *.md, 1 *.TXT (--glob '*.md' takes them)" in line
    assert not (tmp_path / "out.jsonl").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds no file" in one_line(run("extract", empty))


def test_summary_line_on_stderr_when_it_is_no_terminal_and_quiet_silences_it(texts, tmp_path):
    (texts / "b.txt").write_bytes(b"")
    result = cli("extract", texts, "-o", tmp_path / "out.jsonl", "-j", "1", cwd=tmp_path)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"2 documents: 1 record, 1 error (in {tmp_path / 'out.jsonl'}), ")
    assert last.endswith(" s")
    quiet = run("extract", texts / "a.txt", "-o", tmp_path / "q.jsonl", "-j", "1", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = run("extract", texts / "a.txt", "-o", tmp_path / "q.jsonl", "-j", "1")
    assert loud.stderr.startswith("1 document: 1 record, 0 errors, ")


# -- 3. rules files are validated when read --------------------------------------------------------------


def rules_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "r2"
    shutil.copytree(ROOT / "rules", copy)
    return copy


def test_a_malformed_rules_line_names_file_and_line_and_is_exit_2(tmp_path, texts):
    copy = rules_copy(tmp_path)
    with open(copy / "currencies.tsv", "a", encoding="utf-8") as file:
        file.write("broken line\n")
    number = len((copy / "currencies.tsv").read_text(encoding="utf-8").splitlines())
    result = cli("extract", texts, "-o", "out.jsonl", cwd=tmp_path, env={"NEWSFACTS_RULES": "r2"})
    assert result.returncode == 2
    assert result.stderr == (
        f"newsfacts extract: r2/currencies.tsv:{number}: expected 2 tab-separated columns, got 1\n"
    )
    assert not (tmp_path / "out.jsonl").exists()
    # --help still works with broken rules: it reads none.
    assert cli("--help", cwd=tmp_path, env={"NEWSFACTS_RULES": "r2"}).returncode == 0


def test_a_gazetteer_line_with_spaces_instead_of_tabs_is_an_error(tmp_path, monkeypatch):
    copy = rules_copy(tmp_path)
    with open(copy / "gazetteer.tsv", "a", encoding="utf-8") as file:
        file.write("Нигдеград city Павлодарская область\n")
    monkeypatch.setenv("NEWSFACTS_RULES", str(copy))
    with pytest.raises(resources.RulesError, match=r"gazetteer.tsv:\d+: expected 2 to 5 tab-separated"):
        resources.table("gazetteer.tsv")
    result = run("stats", tmp_path / "any.jsonl")
    assert result.exit_code == 2 and "gazetteer.tsv" in one_line(result)


def test_every_rules_file_is_known_and_checked():
    on_disk = {p.name for p in (ROOT / "rules").iterdir() if p.suffix in (".tsv", ".txt")}
    assert on_disk == set(resources.TABLES) | set(resources.WORD_LISTS)
    resources.check()  # the shipped rules are valid


@pytest.mark.parametrize(
    "folder, message",
    [
        ("/nonexistent", "NEWSFACTS_RULES=/nonexistent: no such folder"),
        ("{tmp}/partial", "partial/collectives.tsv: missing"),
    ],
    ids=["no-folder", "a-file-missing"],
)
def test_rules_folder_missing_is_an_error_not_a_fallback(tmp_path, texts, folder, message):
    (tmp_path / "partial").mkdir()
    shutil.copy(ROOT / "rules" / "currencies.tsv", tmp_path / "partial")
    env = {"NEWSFACTS_RULES": folder.format(tmp=tmp_path)}
    result = run("extract", texts, "-o", tmp_path / "out.jsonl", env=env)
    assert result.exit_code == 2 and message in one_line(result)


# -- 4. read-side commands refuse what is not theirs -----------------------------------------------------


@pytest.mark.parametrize("command", ["stats", "facts", "review"])
def test_read_side_commands_refuse_a_text(texts, tmp_path, command):
    extra = {"facts": ["-o", tmp_path / "e.csv"], "review": ["-o", tmp_path / "r.html"]}.get(command, [])
    result = run(command, texts / "a.txt", *extra)
    assert result.exit_code == 2
    assert one_line(result) == (
        f"newsfacts {command}: {texts / 'a.txt'} is not newsfacts JSONL (line 1: not JSON): "
        "give a JSONL written by `newsfacts extract`"
    )
    assert not (tmp_path / "e.csv").exists() and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("command", ["stats", "facts", "review"])
def test_read_side_commands_refuse_an_empty_file_a_gold_file_and_a_missing_one(tmp_path, command):
    extra = {"facts": ["-o", tmp_path / "e.csv"], "review": ["-o", tmp_path / "r.html"]}.get(command, [])
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    assert "is empty" in one_line(run(command, tmp_path / "empty.jsonl", *extra))
    gold = ROOT / "tests" / "gold" / "dev.jsonl"
    result = run(command, gold, *extra)
    assert result.exit_code == 2 and "JSON but not a newsfacts record" in one_line(result)
    missing = run(command, tmp_path / "nope.jsonl", *extra)
    assert missing.exit_code == 2 and "no such file" in one_line(missing)


# -- 8. one table of exit codes, and a clean --help ------------------------------------------------------


def test_a_missing_output_folder_is_exit_2_for_every_command(tmp_path):
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text('{"source": "x.txt", "error": "empty", "message": "empty", "sha256": null}\n')
    nowhere = tmp_path / "nowhere"
    cases = [
        ["extract", ROOT / "corpus" / "000_4d24166cd8d118c4.txt", "-o", nowhere / "o.jsonl"],
        ["stats", jsonl, "--csv", nowhere / "s.csv"],
        ["facts", jsonl, "-o", nowhere / "f.csv"],
        ["review", jsonl, "-o", nowhere / "r.html"],
    ]
    for args in cases:
        result = run(*args)
        assert result.exit_code == 2, args
        assert "does not exist" in one_line(result)


def test_help_shows_no_type_after_flags():
    for command in ["extract", "eval", "stats", "facts", "review", "schema"]:
        text = run(command, "--help", env={"COLUMNS": "150"}).stdout
        assert "<bool>" not in text, command
    assert "--quiet      -q    " in run("extract", "--help", env={"COLUMNS": "150"}).stdout


def test_readme_has_one_exit_code_table_that_the_cli_help_repeats():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("| exit code |") == 1
    table = readme[readme.index("| exit code |") :].split("\n\n")[0]
    for code in ("0", "1", "2", "3", "130"):
        assert f"| `{code}` |" in table
    assert "Exit codes (every command)" in run("--help", env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize("command", ["stats", "facts", "review", "eval"])
def test_ctrl_c_is_exit_130_in_every_command(tmp_path, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("newsfacts.tables.load", interrupted)
    monkeypatch.setattr("newsfacts.evaluate.load_gold", interrupted)
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text('{"source": "x.txt", "error": "empty", "message": "empty", "sha256": null}\n')
    extra = {"facts": ["-o", tmp_path / "f.csv"], "review": ["-o", tmp_path / "r.html"]}.get(command, [])
    result = run(command, jsonl, *extra)
    assert result.exit_code == 130 and one_line(result) == "interrupted"
