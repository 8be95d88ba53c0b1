"""Dask: `extract --scheduler` on a 2-worker LocalCluster writes what the local run writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

# Short texts written for this test.
TEXTS = [
    "В Таразе задержаны 3 участника ОПГ. Ущерб от их действий превысил 12 млн тенге.",
    "Жительница Семея перевела мошенникам 450 тысяч тенге, поверив звонку «из банка».",
    "В Актау полицейские изъяли 2 кг наркотиков, задержан 1 человек.",
    "Суд Кокшетау приговорил бывшего чиновника к 5 годам за взятку в 3 млн тенге.",
    "За полгода в Костанайской области зарегистрировано 214 интернет-мошенничеств.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster


def test_scheduler_output_equals_the_local_run(cluster, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS * 4):  # 20 documents: two partitions or more
        (folder / f"n{i:02d}.txt").write_text(text + f"\n\nВыпуск {i}.", encoding="utf-8")
    (folder / "n99_empty.txt").write_bytes(b"")
    (folder / "n50_cp1251.txt").write_bytes(TEXTS[0].encode("cp1251"))

    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(folder), "-o", str(local), "-j", "1"]).exit_code == 1
    result = runner.invoke(
        app, ["extract", str(folder), "-o", str(remote), "--scheduler", cluster.scheduler_address]
    )
    assert result.exit_code == 1, result.output
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert len(remote.read_text(encoding="utf-8").splitlines()) == 22


def test_extract_bag_of_texts_paths_and_bytes(cluster, tmp_path: Path, pipeline):
    path = tmp_path / "one.txt"
    path.write_bytes(TEXTS[2].encode("koi8_r"))
    from newsfacts.dask import extract_bag

    with distributed.Client(cluster):
        bag = db.from_sequence(
            [TEXTS[0], path, TEXTS[1].encode("utf-16"), b"", {"text": TEXTS[3], "doc_id": "x"}]
        )
        records = extract_bag(bag.repartition(npartitions=2)).compute()
    assert len(records) == 5
    assert records[0]["facts"] == json.loads(pipeline(TEXTS[0]).model_dump_json())["facts"]
    assert records[1]["doc_id"] == "one" and records[1]["warnings"] == ["encoding: read as koi8_r"]
    assert records[1]["facts"] == json.loads(pipeline(TEXTS[2]).model_dump_json())["facts"]
    assert records[2]["warnings"] == ["encoding: read as utf_16"]
    assert records[3]["error"] == "empty"
    assert records[4]["doc_id"] == "x" and records[4]["source"] is None


def test_to_jsonl_writes_parts_that_newsfacts_reads_whole(cluster, tmp_path: Path):
    """Issue 15, item 7: every line ended (also the last of each part), UTF-8 as is, parts in bag order."""
    from newsfacts.dask import extract_bag, to_jsonl
    from newsfacts.tables import load

    with distributed.Client(cluster):
        bag = db.from_sequence(TEXTS, npartitions=3)
        names = to_jsonl(extract_bag(bag), tmp_path / "out")
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert [Path(n).name for n in names] == [p.name for p in parts]
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    whole = b"".join(p.read_bytes() for p in parts)
    assert all(p.read_bytes().endswith(b"\n") for p in parts)
    assert b"\\u" not in whole and "Тараз".encode() in whole
    (tmp_path / "all.jsonl").write_bytes(whole)
    loaded = load(tmp_path / "all.jsonl")
    assert len(loaded.records) == len(TEXTS) and loaded.notes() == []
    assert [r.text for r in loaded.records[0].facts][:1] == ["3 участника"]
    result = CliRunner().invoke(app, ["stats", str(tmp_path / "all.jsonl")])
    assert result.exit_code == 0 and "skipped" not in result.output
