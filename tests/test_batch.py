"""`newsfacts extract` on real files: every input one line, in input order; errors, timeouts, resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.batch import PREFETCH_BYTES, Done, Task, WorkerPool, in_order, iter_inputs, repair
from newsfacts.cli import app
from newsfacts.record import Record

# Short press releases written for these tests (facts vary with the numbers).
CITIES = ["Павлодаре", "Караганде", "Костанае", "Актобе", "Таразе", "Атырау", "Семее", "Кокшетау"]
TEMPLATE = (
    "В {city} сотрудники полиции задержали {n} подозреваемых в мошенничестве.\n\n"
    "По данным ведомства, злоумышленники обзванивали жителей области от имени службы безопасности "
    "банка и убеждали их оформить кредиты. Пострадали {m} человек, общий ущерб составил {amount} млн "
    "тенге. Часть денег, {back} тысяч тенге, удалось вернуть.\n\n"
    "Возбуждено уголовное дело по статье «Мошенничество». Полиция напоминает: сотрудники банков не "
    "просят сообщать коды из SMS."
)


def news(i: int) -> str:
    return TEMPLATE.format(
        city=CITIES[i % len(CITIES)], n=2 + i % 7, m=3 + i, amount=i + 1, back=100 + 10 * i
    )


def huge_text() -> str:
    """A document far too long for a short time limit (every sentence holds sums for the grammars)."""
    sentence = "Ущерб по эпизоду {k} составил {a} млн {b} тыс. тенге, задержаны {c} человек. "
    return "".join(sentence.format(k=k, a=k % 90 + 1, b=k % 900 + 100, c=k % 9 + 2) for k in range(4000))


def run_cli(*args: str):
    result = CliRunner().invoke(app, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def facts(record: dict) -> list:
    return [
        (f["kind"], f["value"], f["qualifier"], f["currency"], f["role"], f["text"]) for f in record["facts"]
    ]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text = news(3)
    (folder / "a_original.txt").write_text(text, encoding="utf-8")
    (folder / "b_cp1251.txt").write_bytes(text.encode("cp1251"))
    (folder / "c_utf16.txt").write_bytes(text.encode("utf-16"))
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_random.txt").write_bytes(random.Random(1).randbytes(5000))
    (folder / "f_huge.txt").write_text(huge_text(), encoding="utf-8")
    (folder / "sub" / "g_nested.txt").write_text(news(5), encoding="utf-8")
    (folder / "notes.md").write_text("не текст новости", encoding="utf-8")  # not matched by *.txt
    return folder


def test_mixed_folder_gives_records_errors_and_exit_code_1(mixed: Path, tmp_path: Path):
    out, err = tmp_path / "facts.jsonl", tmp_path / "errors.jsonl"
    result = run_cli(str(mixed), "-o", str(out), "--errors", str(err), "--jobs", "2", "--timeout", "2")
    assert result.exit_code == 1, result.output

    records = lines(out)
    assert [r["doc_id"] for r in records] == ["a_original", "b_cp1251", "c_utf16", "g_nested"]
    for record in records:
        Record.model_validate(record)
    original, cp1251, utf16, nested = records
    assert original["warnings"] == [] and original["facts"]
    assert cp1251["warnings"] == ["encoding: read as cp1251"]
    assert utf16["warnings"] == ["encoding: read as utf_16"]
    # The same text in another encoding gives the same facts, places and persons.
    for copy in (cp1251, utf16):
        assert facts(copy) == facts(original)
        for key in ("cities", "regions", "countries", "persons", "organisations", "dates"):
            assert copy[key] == original[key]
    assert cp1251["sha256"] != original["sha256"]  # the hash is of the file's bytes

    errors = lines(err)
    assert [(Path(e["source"]).name, e["error"]) for e in errors] == [
        ("d_empty.txt", "empty"),
        ("e_random.txt", "binary"),
        ("f_huge.txt", "timeout"),
    ]
    assert all(e["message"] and e["sha256"] for e in errors)
    assert not list(tmp_path.glob(".*.part"))  # the temporary files were renamed


def test_errors_go_into_the_output_without_errors_option_and_order_is_input_order(tmp_path: Path):
    (tmp_path / "one.txt").write_text(news(1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(news(2), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli(
        str(tmp_path / "two.txt"), str(empty), str(tmp_path / "one.txt"), "-o", str(out), "-j", "2"
    )
    assert result.exit_code == 1
    got = lines(out)
    assert [g.get("doc_id") or g["error"] for g in got] == ["two", "empty", "one"]
    assert got[1]["source"] == str(empty)


def test_library_takes_str_or_path(tmp_path: Path):
    """`newsfacts.batch.run(['corpus/'], 'out.jsonl')` as a user writes it (issue 15, item 6)."""
    from newsfacts.batch import UsageError, run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(news(1), encoding="utf-8")
    summary = run([str(folder)], str(tmp_path / "out.jsonl"), jobs=1, errors=str(tmp_path / "err.jsonl"))
    assert summary.exit_code == 0 and [r["doc_id"] for r in lines(tmp_path / "out.jsonl")] == ["one"]
    assert summary.line().startswith("1 document: 1 record, 0 errors, ")
    again = run(str(folder), tmp_path / "out.jsonl", jobs=1, resume=True)  # one path, Path output
    assert again.skipped == 1 and again.line().startswith("1 document: 1 record, 0 errors, 1 done before")
    with pytest.raises(UsageError, match="no such file or folder"):
        run([str(tmp_path / "typo")], str(tmp_path / "x.jsonl"))
    assert not (tmp_path / "x.jsonl").exists()


def test_all_good_is_exit_code_0_and_stdout_is_the_default(tmp_path: Path):
    (tmp_path / "one.txt").write_text(news(1), encoding="utf-8")
    result = run_cli(str(tmp_path), "-q")
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc_id"] == "one" and record["facts"]


def test_stdin_is_one_document(tmp_path: Path):
    result = CliRunner().invoke(app, ["extract", "-", "--jobs", "1"], input=news(4).encode("cp1251"))
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc_id"] == "stdin" and record["source"] is None
    assert record["warnings"] == ["encoding: read as cp1251"]


@pytest.mark.parametrize(
    "args",
    [
        [],  # no input
        ["some.txt", "--resume"],  # resume needs -o
        ["some.txt", "--jobs", "0"],
        ["some.txt", "-o", "x.jsonl", "--errors", "x.jsonl"],
        ["some.txt", "--no-such-option"],
    ],
)
def test_bad_usage_is_exit_code_2(args, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["extract", *args]).exit_code == 2


# -- resume after a crash ------------------------------------------------------------------------------


def command(folder: Path, out: Path, *extra: str) -> list[str]:
    code = "import sys; from newsfacts.cli import app; sys.argv[0] = 'newsfacts'; app()"
    return [sys.executable, "-c", code, "extract", str(folder), "-o", str(out), "--jobs", "1", "-q", *extra]


def test_resume_after_sigkill_completes_without_duplicates(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(20):
        (folder / f"doc{i:02d}.txt").write_text(news(i) + "\n\n" + news(i + 20), encoding="utf-8")
    (folder / "doc07.txt").write_bytes(b"")  # an error line is resumed over too
    (folder / "doc12.txt").write_text(news(3), encoding="utf-8")  # the same bytes as doc13...
    (folder / "doc13.txt").write_text(news(3), encoding="utf-8")  # ...count as two inputs
    full = tmp_path / "full.jsonl"
    assert subprocess.run(command(folder, full), timeout=300).returncode == 1

    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(command(folder, out, "--resume"))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = out.read_bytes()
    assert 2 <= done.count(b"\n") < 20
    with open(out, "ab") as file:  # as if killed in the middle of writing a line
        file.write(b'{"doc_id":"doc99","source":"in/do')

    assert subprocess.run(command(folder, out, "--resume"), timeout=300).returncode == 1
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert out.read_bytes().startswith(done)
    assert len(lines(out)) == 20

    # Once complete, a rerun with --resume has nothing to do and changes nothing.
    assert subprocess.run(command(folder, out, "--resume"), timeout=300).returncode == 1
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_repair_drops_only_a_trailing_partial_line(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"a":1}\n{"b":2}\n{"c":')
    repair(path)
    assert path.read_bytes() == b'{"a":1}\n{"b":2}\n'
    repair(path)
    assert path.read_bytes() == b'{"a":1}\n{"b":2}\n'
    path.write_bytes(b'{"c":' + b"x" * 200_000)
    repair(path)
    assert path.read_bytes() == b""


def test_done_matches_by_bytes_and_counts_duplicates(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"doc_id":"a","source":"a.txt","sha256":"s1","lang":"ru"}\n'
        '{"doc_id":"b","source":"b.txt","sha256":"s1","lang":"ru"}\n'
        '{"source":"c.txt","error":"empty","message":"the file is empty","sha256":"s2"}\n'
        '{"source":"gone.txt","error":"unreadable","message":"No such file","sha256":null}\n',
        encoding="utf-8",
    )
    done = Done()
    done.load(path)
    assert done.take(Task(0, "moved/a.txt", "a", b"", "s1")) is False
    assert done.take(Task(0, "b.txt", "b", b"", "s1")) is False
    assert done.take(Task(0, "b2.txt", "b2", b"", "s1")) is None  # a third copy is still to do
    assert done.take(Task(0, "c.txt", "c", b"", "s2")) is True
    assert done.take(Task(0, "gone.txt", "gone")) is True
    assert done.take(Task(0, "gone.txt", "gone")) is None


def test_inputs_are_walked_recursively_and_sorted(tmp_path: Path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/a.md", "0/z.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    assert found == ["0/z.txt", "a.txt", "b.txt", "sub/c.txt"]
    assert [p.name for p in iter_inputs([tmp_path], glob="*.md")] == ["a.md"]


# -- the worker pool when a worker misbehaves ----------------------------------------------------------


class Misbehaving:
    """A stand-in pipeline: dies on CRASH, hangs with the alarm blocked (as in C code) on HANG."""

    def __call__(self, text: str, doc_id: str = "doc", sha256: str | None = None, **kwargs) -> Record:
        if "CRASH" in text:
            os._exit(3)
        if "HANG" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if "SLOW" in text:
            time.sleep(60)  # the alarm interrupts this one
        return Record(doc_id=doc_id, sha256=sha256 or "", lang="ru")


def test_pool_survives_crashes_and_hangs_and_keeps_order():
    texts = ["ok one", "CRASH", "ok two", "HANG", "SLOW", "ok three"]
    tasks = [Task(i, f"t{i}", f"t{i}", t.encode(), f"sha{i}") for i, t in enumerate(texts)]
    pool = WorkerPool(2, timeout=0.5, factory=f"{__name__}:Misbehaving", grace=1.0)
    results = list(in_order(pool.run(tasks)))
    got = [json.loads(r.line) for r in results]
    assert [g.get("doc_id") or g["error"] for g in got] == ["t0", "crash", "t2", "timeout", "timeout", "t5"]
    assert "killed after" in got[3]["message"] and "stopped after" in got[4]["message"]
    assert [r.is_error for r in results] == [False, True, False, True, True, False]
    assert not pool.workers


def test_documents_sent_ahead_to_a_worker_that_dies_or_hangs_go_to_the_next():
    # one worker holds the next document while it works on one: a crash or a hang loses only its own
    texts = ["ok one", "CRASH", "ok two", "HANG", "ok three", "x" * (PREFETCH_BYTES + 1), "ok four"]
    tasks = [Task(i, f"t{i}", f"t{i}", t.encode(), f"sha{i}") for i, t in enumerate(texts)]
    pool = WorkerPool(1, timeout=0.5, factory=f"{__name__}:Misbehaving", grace=1.0)
    got = [json.loads(r.line) for r in in_order(pool.run(tasks))]
    assert [g.get("doc_id") or g["error"] for g in got] == ["t0", "crash", "t2", "timeout", "t4", "t5", "t6"]
    assert not pool.workers
