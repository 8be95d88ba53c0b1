"""Dask: the same extraction on a cluster (`pip install 'newsfacts[dask]'`).

Every Dask worker process loads the Pipeline once, on its first task, and keeps it for the next ones
(a module-level cache): partitions of documents go to the workers, one JSON line comes back per document.

From the command line: `newsfacts extract DIR -o facts.jsonl --scheduler tcp://HOST:8786` (or
`--scheduler local` for a cluster on this machine). The main process reads the files and sends their bytes,
so the workers need newsfacts installed but no shared file system.

From Python, on a bag of texts, bytes, paths or dicts:

    >>> import dask.bag as db
    >>> from newsfacts.dask import extract_bag, to_jsonl
    >>> records = extract_bag(db.from_sequence(["В Павлодаре задержаны трое.", "..."], npartitions=2))
    >>> to_jsonl(records, "out")     # out/part-00000.jsonl, ...: one line per document
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .batch import DEFAULT_TIMEOUT, Result, Task, _read, default_jobs, error_line, peak_rss_mb, process_task

# Documents per partition sent to a worker, and the most bytes in one.
PARTITION_DOCS = 16
PARTITION_BYTES = 4 * 1024 * 1024

_load_lock = threading.Lock()
# One document at a time per worker process: the GIL gives threads nothing on this CPU-bound work, and the
# pipeline's caches are not made for concurrent use. Run workers with `--nthreads 1` and several processes.
_run_lock = threading.Lock()
_pipeline = None


def worker_pipeline():
    """The Pipeline of this process, loaded on first use."""
    global _pipeline
    with _load_lock:
        if _pipeline is None:
            from .pipeline import Pipeline

            _pipeline = Pipeline()
    return _pipeline


def process_partition(tasks: list[Task], timeout: float | None = DEFAULT_TIMEOUT) -> list[Result]:
    """Run on a worker: one Result per task, in the same order."""
    pipeline = worker_pipeline()
    results = []
    for task in tasks:
        with _run_lock:
            line, is_error = process_task(pipeline, task, timeout)
        results.append(Result(task.index, line, is_error, peak_rss_mb()))
    return results


# -- library: a bag in, a bag of dicts out -------------------------------------------------------------


def _task(item: Any, paths: bool) -> Task:
    """A task from a bag item: Path (read here, on the worker), bytes, str (a text, or a path when
    `paths`), or a dict with `text`, `data` or `path` and optionally `doc_id` and `source`."""
    if isinstance(item, dict):
        doc_id, source = item.get("doc_id"), item.get("source")
        if "path" in item:
            task = _read(0, Path(item["path"]), bytes)
        else:
            data = item["data"] if "data" in item else str(item["text"]).encode("utf-8")
            task = Task(0, "<text>", "", data, hashlib.sha256(data).hexdigest())
        task.doc_id = doc_id or task.doc_id or (task.sha256 or "doc")[:16]
        task.source = source or task.source
        return task
    if isinstance(item, Path) or (paths and isinstance(item, str)):
        return _read(0, Path(item), bytes)
    data = item if isinstance(item, bytes) else str(item).encode("utf-8")
    sha256 = hashlib.sha256(data).hexdigest()
    return Task(0, "<text>", sha256[:16], data, sha256)


def _extract_partition(items: Iterable[Any], timeout: float | None, paths: bool) -> list[dict]:
    pipeline = worker_pipeline()
    out = []
    for item in items:
        task = _task(item, paths)
        with _run_lock:
            line, _ = process_task(pipeline, task, timeout)
        record = json.loads(line)
        if record.get("source") == "<text>":
            record["source"] = None if "doc_id" in record else "<text>"
        out.append(record)
    return out


def extract_bag(bag, *, timeout: float | None = DEFAULT_TIMEOUT, paths: bool = False):
    """A Dask bag with one dict per item: the record (as `Record.model_dump(mode="json")`) or an error
    `{source, error, message, sha256}`. Items are texts (str), file contents (bytes), `pathlib.Path`s
    read on the workers (or str paths with `paths=True`), or dicts {text|data|path, doc_id, source}."""
    return bag.map_partitions(_extract_partition, timeout=timeout, paths=paths)


def _json_line(record) -> str:
    return json.dumps(record, ensure_ascii=False)


def to_jsonl(bag, folder: Path | str, *, compute: bool = True):
    """Write a bag of records (dicts, as extract_bag gives) as JSONL files in `folder`, one per partition:
    `part-00000.jsonl`, ... (sorted names follow the bag's order), UTF-8 as written (no \\uXXXX escapes),
    every line ended by a newline, so that each part, and `cat folder/part-*.jsonl`, is a JSONL that
    `newsfacts stats` and the others read whole. Returns the file names (or the delayed writes)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return bag.map(_json_line).to_textfiles(
        str(folder / "part-*.jsonl"),
        name_function=lambda index: f"{index:05d}",
        encoding="utf-8",
        last_endline=True,  # Dask's default leaves the last line of each part without one
        compute=compute,
    )


# -- the command line's --scheduler --------------------------------------------------------------------


def _partitions(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        size += len(task.data or b"")
        if len(batch) >= PARTITION_DOCS or size >= PARTITION_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def connect(scheduler: str, jobs: int | None = None):
    """A distributed Client for `tcp://HOST:PORT` (any address Dask takes) or `local`; and the local
    cluster to close after it, if one was started."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ImportError("--scheduler needs Dask: pip install 'newsfacts[dask]'") from error
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    return Client(scheduler, timeout="30s"), None


def run_tasks(
    tasks: Iterable[Task], scheduler: str, *, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT
) -> Iterator[Result]:
    """Results (in completion order) of the tasks run on a Dask cluster; a partition lost with its worker
    becomes `crash` error lines, so that nothing is lost."""
    from distributed import as_completed

    client, cluster = connect(scheduler, jobs)
    try:
        client.wait_for_workers(1, timeout=120)
        slots = 2 * max(1, sum(client.nthreads().values()))
        running = as_completed()
        submitted: dict[str, list[Task]] = {}
        partitions = _partitions(tasks)
        exhausted = False

        def submit_more():
            nonlocal exhausted
            while not exhausted and running.count() < slots:
                batch = next(partitions, None)
                if batch is None:
                    exhausted = True
                    return
                future = client.submit(process_partition, batch, timeout, pure=False)
                submitted[future.key] = batch
                running.add(future)

        submit_more()
        while running.count():
            future = next(running)
            batch = submitted.pop(future.key)
            try:
                yield from future.result()
            except Exception as error:
                message = f"the Dask task of this document failed: {type(error).__name__}: {error}"
                for task in batch:
                    yield Result(task.index, error_line(task.source, "crash", message, task.sha256), True)
            submit_more()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
