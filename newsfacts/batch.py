"""Many inputs to JSONL: every input becomes exactly one record line or one error line.

    inputs (files, folders walked in sorted order, `-` for stdin)
      -> the main process reads each file's bytes and hashes them (and skips what `--resume` finds done)
      -> worker processes, each with its own Pipeline loaded once, decode and extract under a time limit
      -> the main process writes the lines back in input order

The main process stays light (it never loads the models): it reads, dispatches one document at a time to
each idle worker, watches the time, and replaces a worker that dies or hangs in C code past the limit.
With `scheduler=` the same tasks go to a Dask cluster instead (newsfacts/dask.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime
import gc
import hashlib
import importlib
import importlib.util
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from glob import escape as glob_escape
from multiprocessing.connection import wait
from pathlib import Path

from . import blas, resources
from .reader import InputError, decode
from .record import ErrorRecord

DEFAULT_TIMEOUT = 60.0
# A worker stuck in C code does not see its alarm: it is killed this long (or the limit again, if longer)
# after the limit, and replaced.
HARD_KILL_GRACE = 5.0
# A worker holds the next document while it works on one, so that it never waits for the main process
# (asleep on a busy machine, or writing the last line) between two: 0.4-1.3 s of 4.7-6.2 s of a --jobs 1
# run over bench.py's 455 documents. Only a small one: a document sent ahead sits in the pipe's buffer
# (a larger one would block the main process while the worker blocks on sending its result).
PREFETCH_BYTES = 32_000


class UsageError(ValueError):
    """A bad combination of options (the command line turns it into exit code 2)."""


class DocumentTimeout(Exception):
    """Raised inside a worker when one document takes longer than the time limit."""


# -- inputs --------------------------------------------------------------------------------------------


def iter_inputs(paths: Iterable[Path | str], glob: str = "*.txt") -> list[Path]:
    """The inputs in a deterministic order: as given, each folder's matching files sorted by path."""
    found: list[Path] = []
    for path in map(Path, paths):
        if str(path) == "-":
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob(glob) if p.is_file()))
        else:
            found.append(path)  # a file gone by the time it is read becomes an `unreadable` error line
    return found


def check_inputs(paths: Sequence[Path], glob: str) -> list[Path]:
    """The inputs, or a UsageError before any work: a path that does not exist, nothing to read."""
    for path in paths:
        if str(path) != "-" and not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    inputs = iter_inputs(paths, glob)
    if not inputs:
        raise UsageError(f"no input: {_no_match(paths, glob)}")
    return inputs


def _no_match(folders: Sequence[Path], glob: str) -> str:
    """Why the folders gave nothing: what they hold instead, and the --glob that would take it."""
    suffixes = Counter(p.suffix or p.name for f in folders for p in f.rglob("*") if p.is_file())
    names = ", ".join(str(f) for f in folders)
    if not suffixes:
        return f"{names} holds no file"
    held = ", ".join(f"{n} *{s}" if s.startswith(".") else f"{n} {s}" for s, n in suffixes.most_common(3))
    suffix = suffixes.most_common(1)[0][0]
    hint = f" (--glob '*{suffix}' takes them)" if suffix.startswith(".") else ""
    return f"{names} holds no file matching --glob '{glob}', only {held}{hint}"


def check_output(path: Path | None, option: str, inputs: Sequence[Path]) -> None:
    """A UsageError now for an output that could only fail (or destroy an input) at the end of the run."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(f"{option} {path} is a folder: give a file name, e.g. {path / 'facts.jsonl'}")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{option} {path}: the folder {folder} does not exist")
    if path.exists():
        for given in inputs:
            with contextlib.suppress(OSError):
                if str(given) != "-" and path.samefile(given):
                    raise UsageError(f"{option} {path} is one of the inputs: it would be overwritten")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise UsageError(f"{option} {path}: no permission to write there")


@dataclass
class Task:
    """One input, read by the main process: the bytes, or why they could not be read."""

    index: int  # its place in the output among the inputs still to do
    source: str  # the path as given, or "-" for stdin
    doc_id: str
    data: bytes | None = None
    sha256: str | None = None
    error: InputError | None = None
    reference: datetime.date | None = None  # --date: what relative dates ("в прошлом году") count from


@dataclass
class Result:
    index: int
    line: str  # one JSON object, no newline
    is_error: bool
    peak_rss_mb: float | None = None  # of the worker that made it


def _read(index: int, path: Path, stdin: Callable[[], bytes]) -> Task:
    source = str(path)
    if source == "-":
        data = stdin()
        return Task(index, "-", "stdin", data, hashlib.sha256(data).hexdigest())
    try:
        data = path.read_bytes()
    except OSError as error:
        return Task(index, source, path.stem, error=InputError("unreadable", f"{error.strerror or error}"))
    return Task(index, source, path.stem, data, hashlib.sha256(data).hexdigest())


def error_line(source: str, kind: str, message: str, sha256: str | None) -> str:
    return ErrorRecord(source=source, error=kind, message=message, sha256=sha256).model_dump_json()


# -- one document, in a worker -------------------------------------------------------------------------


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout in this thread when the block runs longer than `seconds`.

    In a process's main thread: SIGALRM (a worker process). In any other thread (a Dask worker thread):
    a timer that raises the exception in this thread asynchronously. Both interrupt Python code, which is
    where the pipeline spends its time; a call stuck in C code is caught by the process pool's hard kill.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def alarm(signum, frame):
            raise DocumentTimeout(f"took longer than {seconds:g} s")

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire():
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:  # fired but not raised yet: the work is done, clear it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)


def process_task(pipeline, task: Task, timeout: float | None) -> tuple[str, bool]:
    """(JSON line, is_error) for one read input. Never raises for a bad document."""
    if task.error is not None:
        return error_line(task.source, task.error.kind, str(task.error), task.sha256), True
    started = time.perf_counter()
    try:
        with time_limit(timeout):
            item = decode(task.data or b"")
            record = pipeline(
                item.text,
                doc_id=task.doc_id,
                source=None if task.source == "-" else task.source,
                sha256=task.sha256,
                warnings=item.warnings,
                date=task.reference,
            )
            return record.model_dump_json(), False
    except DocumentTimeout:
        took = time.perf_counter() - started
        message = f"stopped after {took:.1f} s: longer than the limit of {timeout:g} s (--timeout)"
        return error_line(task.source, "timeout", message, task.sha256), True
    except InputError as error:
        return error_line(task.source, error.kind, str(error), task.sha256), True
    except Exception as error:  # a bug on one document must not stop the batch
        message = f"{type(error).__name__}: {error}"
        return error_line(task.source, "internal", message, task.sha256), True


def peak_rss_mb() -> float:
    """Peak resident memory of this process, MB."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


PIPELINE = "newsfacts.pipeline:Pipeline"


def _load(factory: str):
    module, _, name = factory.partition(":")
    return getattr(importlib.import_module(module), name)()


def _die_with_parent(parent_pid: int) -> None:
    """End this worker when the main process ends, even by SIGKILL: a forked worker holds copies of the
    main process's pipe ends and would never see them close. (Spawned workers, elsewhere, do see EOF.)"""
    if sys.platform == "linux":
        with contextlib.suppress(Exception):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:  # it ended before the line above
        os._exit(1)


def _worker_main(
    conn,
    timeout: float | None,
    factory: str = PIPELINE,
    parent_pid: int | None = None,
    blas_threads: int | None = None,
) -> None:
    """A worker process: load the pipeline once, then process the tasks sent until None.

    `factory` ("module:callable") makes the pipeline; tests give one that misbehaves on purpose.
    `blas_threads`: the NER's OpenBLAS threads in this worker (several workers would spin against each
    other's: blas.py).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if parent_pid is not None:
        _die_with_parent(parent_pid)
    if blas_threads is not None:
        blas.limit_threads(blas_threads)
    try:
        try:
            pipeline = _load(factory)
        except BaseException:
            conn.send(("failed", traceback.format_exc()))
            return
        _tune_collector()
        conn.send(("ready", peak_rss_mb()))
        while True:
            task = conn.recv()
            if task is None:
                return
            line, is_error = process_task(pipeline, task, timeout)
            conn.send(("done", task.index, line, is_error, peak_rss_mb()))
    except (EOFError, OSError):
        return  # the main process is gone (killed, or stopped us): nothing left to do


GC_YOUNG = 50_000  # allocations between two collections of the youngest objects (CPython's default: 700)


def _tune_collector() -> None:
    """A worker's garbage collector, once its models are loaded. Those models, dictionaries and tables
    are never garbage, but each full pass of the collector walked them all, and the caches a worker
    fills as it meets new words set off full passes often: 12 % of the CPU of a pass over corpus/ with
    new words. They are set apart (gc.freeze), and the young objects collected less often."""
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


# -- the local process pool ----------------------------------------------------------------------------


class _Worker:
    def __init__(self, context, timeout: float | None, factory: str, blas_threads: int | None = None):
        parent, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, timeout, factory, os.getpid(), blas_threads), daemon=True
        )
        self.process.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.tasks: deque[Task] = deque()  # sent, in order: the first is the one it works on
        self.started = 0.0  # (monotonic) when it began the first

    @property
    def task(self) -> Task | None:
        return self.tasks[0] if self.tasks else None

    def send(self, task: Task) -> None:
        self.conn.send(task)
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(task)

    def done(self) -> None:
        self.tasks.popleft()
        if self.tasks:
            self.started = time.monotonic()  # (it began the next one about now)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """`jobs` worker processes, each loading the Pipeline once; results come in completion order."""

    def __init__(
        self,
        jobs: int,
        timeout: float | None,
        start_method: str | None = None,
        factory: str = PIPELINE,
        grace: float = HARD_KILL_GRACE,
    ):
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.factory = factory
        self.grace = grace
        self.ready_time: float | None = None  # perf_counter when all workers had first loaded the models
        self.start_method = start_method
        self.peak_rss_mb = 0.0
        self.workers: list[_Worker] = []
        # documents taken and not sent: one too large to send ahead, or those sent ahead to a worker that
        # died or was killed (not begun: they go to another)
        self.waiting: deque[Task] = deque()

    @property
    def hard_limit(self) -> float:
        """A worker that has not answered this long after the limit is stuck where no alarm reaches."""
        return (self.timeout or 0) + max(self.grace, self.timeout or 0)

    def _context(self):
        """fork while this process has no other thread (a worker then skips the imports, ~0.7 s off the
        first record); spawn once threads run (the progress bar's), where fork is unsafe."""
        method = self.start_method
        if method is None:
            method = "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
        return multiprocessing.get_context(method)

    def _start(self) -> _Worker:
        worker = _Worker(self._context(), self.timeout, self.factory, blas.threads_per_worker(self.jobs))
        self.workers.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        self.workers.remove(worker)
        worker.stop(kill=True)
        self.waiting.extendleft(reversed(list(worker.tasks)[1:]))
        self._start()

    def start(self) -> None:
        """Start the workers (they load the models in parallel, while the main process goes on)."""
        while len(self.workers) < self.jobs:
            self._start()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.task is not None or not worker.ready)
        self.workers.clear()

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        pending = iter(tasks)
        exhausted = False
        self.start()
        try:
            while True:
                # Give each idle worker the next document (and a small one ahead); read errors need no
                # worker.
                for worker in self.workers:
                    while worker.ready and len(worker.tasks) < 2 and (self.waiting or not exhausted):
                        task = self.waiting.popleft() if self.waiting else next(pending, None)
                        if task is None:
                            exhausted = True
                        elif task.error is not None:
                            yield Result(task.index, *process_task(None, task, None))
                        elif worker.tasks and len(task.data or b"") > PREFETCH_BYTES:
                            self.waiting.appendleft(task)  # (for a worker with none)
                            break
                        else:
                            worker.send(task)
                if exhausted and not self.waiting and all(w.task is None for w in self.workers):
                    return
                yield from self._collect()
        finally:
            self.close()

    def _collect(self) -> Iterator[Result]:
        waiting = {w.conn: w for w in self.workers} | {w.process.sentinel: w for w in self.workers}
        wait(list(waiting), timeout=0.5)
        for worker in list(self.workers):
            try:
                message = worker.conn.recv() if worker.conn.poll() else None
            except (EOFError, OSError):
                message = None
            if message is not None:
                kind = message[0]
                if kind == "ready":
                    worker.ready = True
                    self.peak_rss_mb = max(self.peak_rss_mb, message[1])
                    if self.ready_time is None and all(w.ready for w in self.workers):
                        self.ready_time = time.perf_counter()
                elif kind == "failed":
                    raise RuntimeError(f"a worker could not load the pipeline:\n{message[1]}")
                else:
                    _, index, line, is_error, rss = message
                    self.peak_rss_mb = max(self.peak_rss_mb, rss)
                    worker.done()
                    yield Result(index, line, is_error, rss)
                continue
            task = worker.task
            if not worker.process.is_alive():
                if not worker.ready:
                    code = worker.process.exitcode
                    raise RuntimeError(f"a worker died while loading the pipeline (exit code {code})")
                self._replace(worker)
                if task is not None:
                    message = (
                        f"the worker process died on this document (exit code {worker.process.exitcode})"
                    )
                    yield Result(task.index, error_line(task.source, "crash", message, task.sha256), True)
            elif task is not None and self.timeout and time.monotonic() - worker.started > self.hard_limit:
                self._replace(worker)
                took = time.monotonic() - worker.started
                message = (
                    f"killed after {took:.1f} s: longer than the limit of {self.timeout:g} s (--timeout)"
                )
                yield Result(task.index, error_line(task.source, "timeout", message, task.sha256), True)


# -- output --------------------------------------------------------------------------------------------


def repair(path: Path) -> None:
    """Drop a trailing partial line (a run killed in the middle of a write) from a JSONL file."""
    if not path.exists():
        return
    with open(path, "rb+") as file:
        size = file.seek(0, os.SEEK_END)
        if size == 0:
            return
        file.seek(size - 1)
        if file.read(1) == b"\n":
            return
        # Find the last newline, reading backwards in blocks.
        end = size
        while end > 0:
            start = max(0, end - 65536)
            file.seek(start)
            block = file.read(end - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                file.truncate(start + cut + 1)
                return
            end = start
        file.truncate(0)


@dataclass
class Done:
    """What an earlier run already wrote: sha256 -> lines, and for inputs without bytes, source -> lines."""

    by_sha: Counter = field(default_factory=Counter)
    by_source: Counter = field(default_factory=Counter)
    errors_by_sha: Counter = field(default_factory=Counter)
    errors_by_source: Counter = field(default_factory=Counter)

    def load(self, path: Path) -> None:
        if not path.exists():
            return
        with open(path, encoding="utf-8", errors="replace") as file:
            for line in file:
                try:
                    item = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(item, dict):
                    continue
                is_error = "error" in item and "doc_id" not in item
                sha, source = item.get("sha256"), item.get("source") or "-"
                if sha:
                    self.by_sha[sha] += 1
                    self.errors_by_sha[sha] += is_error
                else:
                    self.by_source[source] += 1
                    self.errors_by_source[source] += is_error

    def take(self, task: Task) -> bool | None:
        """None when the task is still to do; else whether its line was an error (and it is consumed)."""
        done, errors, key = (
            (self.by_sha, self.errors_by_sha, task.sha256)
            if task.sha256
            else (self.by_source, self.errors_by_source, task.source)
        )
        if done[key] <= 0:
            return None
        done[key] -= 1
        if errors[key] > 0:
            errors[key] -= 1
            return True
        return False


def _remove_stale_parts(path: Path) -> None:
    """Remove the temporary files that runs killed with -9 left beside `path` (their process is gone)."""
    for part in path.parent.glob(f".{glob_escape(path.name)}.*.part"):
        pid = part.name[len(path.name) + 2 : -len(".part")]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                part.unlink()


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there: keep the file
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by another user
        return True
    return True


class Sink:
    """One JSONL destination: stdout, a temporary file renamed at the end, or (resume) an appended file.

    With `stories`, the records' story ids are assigned over the whole file when it is complete
    (newsfacts/stories.py): a last pass writes it again beside the output, renamed over it at the end, so
    a reader never sees a half-assigned file. Lines for stdout are held in a temporary file until then.
    What that pass reads of each record (its signature, its text's MinHash) is read as the line is
    written, while the workers work (an appended file is read whole at the end: it holds older lines).
    """

    def __init__(self, path: Path | None, append: bool, stories: bool = False):
        self.path = path
        self.append = append
        self.stories = stories
        self.lines = None  # (stories.Lines, made at the first line: the workers are forked by then)
        self.tmp: str | None = None
        self.spool = None
        if path is None:
            if stories:
                # The lines wait here for the stories; closed (and removed) in commit/abort.
                self.spool = tempfile.NamedTemporaryFile(  # noqa: SIM115
                    "w", encoding="utf-8", newline="\n", suffix=".jsonl", delete=False
                )
            self.file = self.spool or sys.stdout
        elif append:
            repair(path)
            self.file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in commit/abort
        else:
            _remove_stale_parts(path)
            # Beside the output (the rename stays on one file system), with the usual permissions.
            self.tmp = str(path.with_name(f".{path.name}.{os.getpid()}.part"))
            self.file = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in commit/abort

    def write(self, line: str) -> None:
        self.file.write(line + "\n")
        if self.stories and not self.append:
            if self.lines is None:
                from .stories import Lines

                self.lines = Lines()
            self.lines.add(line)
        if self.path is None and self.spool is None:
            self.file.flush()
        elif self.append:
            # Each line reaches the disk before the next one: a crash loses at most the line being written.
            self.file.flush()
            os.fsync(self.file.fileno())

    def commit(self):
        """Close the output (and assign the stories): the stories when assigned, else None."""
        from .stories import assign_lines

        def assign(source: str, write: Callable[[str], None]):
            return assign_lines(source, write) if self.lines is None else self.lines.assign(source, write)

        if self.path is None:
            stories = None
            if self.spool is not None:
                self.spool.close()
                try:
                    stories = assign(self.spool.name, lambda line: sys.stdout.write(line + "\n"))
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(self.spool.name)
            sys.stdout.flush()
            return stories
        try:
            self.file.close()
            if not self.stories:
                if self.tmp is not None:
                    os.replace(self.tmp, self.path)
                return None
        except BaseException:
            self.abort()
            raise
        written = self.tmp or str(self.path)
        final = str(self.path.with_name(f".{self.path.name}.{os.getpid()}.stories.part"))
        try:
            with open(final, "w", encoding="utf-8", newline="\n") as out:
                stories = assign(written, lambda line: out.write(line + "\n"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(final, self.path)
        except BaseException:
            for name in {final, self.tmp} - {None}:  # a new output: all or nothing
                with contextlib.suppress(OSError):
                    os.unlink(name)
            raise
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
        return stories

    def abort(self) -> None:
        if self.path is None:
            if self.spool is not None:
                self.spool.close()
                with contextlib.suppress(OSError):
                    os.unlink(self.spool.name)
            return
        with contextlib.suppress(OSError):
            self.file.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


# -- progress ------------------------------------------------------------------------------------------


class _Progress:
    """A rich progress bar on stderr (documents, docs/s, ETA, errors), or nothing."""

    def __init__(self, total: int, enabled: bool):
        self.progress = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class DocsPerSecond(ProgressColumn):
            def render(self, task):
                speed = task.finished_speed or task.speed
                return Text(
                    "  ? docs/s" if speed is None else f"{speed:5.1f} docs/s", style="progress.data.speed"
                )

        self.progress = Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs"),
            DocsPerSecond(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[errors]} errors"),
            console=Console(stderr=True),
        )
        self.task = self.progress.add_task("extract", total=total, errors=0)
        self.errors = 0
        self.progress.start()

    def advance(self, count: int = 1, errors: int = 0) -> None:
        if self.progress is not None:
            self.errors += errors
            self.progress.update(self.task, advance=count, errors=self.errors)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


# -- the batch -----------------------------------------------------------------------------------------


@dataclass
class Summary:
    inputs: int = 0
    written: int = 0  # lines written by this run
    errors: int = 0  # inputs that are error lines (this run's and, with resume, earlier runs')
    skipped: int = 0  # inputs already done by an earlier run (--resume)
    seconds: float = 0.0
    first_line_seconds: float | None = None
    load_seconds: float | None = None  # until every worker had loaded the models (local pool only)
    peak_rss_mb: float = 0.0  # the largest worker's peak resident memory
    stories: int = 0  # stories told by more than one document
    joined: int = 0  # documents that tell a story an earlier document told

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self, errors_in: Path | str | None = None) -> str:
        """The end-of-run line: `177 documents: 177 records, 0 errors, 9.8 s` (`errors_in`: where the
        error lines are, said when there are some)."""
        records = self.inputs - self.errors
        where = f" (in {errors_in})" if self.errors and errors_in else ""
        done = f", {self.skipped} done before (--resume)" if self.skipped else ""
        return (
            f"{self.inputs} document{'s' * (self.inputs != 1)}: {records} record{'s' * (records != 1)}, "
            f"{self.errors} error{'s' * (self.errors != 1)}{where}{done}, {self.seconds:.1f} s"
        )


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    paths: Iterable[Path | str] | Path | str,
    output: Path | str | None = None,
    *,
    glob: str = "*.txt",
    jobs: int | None = None,
    errors: Path | str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    resume: bool = False,
    progress: bool = False,
    scheduler: str | None = None,
    stdin: Callable[[], bytes] | None = None,
    date: datetime.date | None = None,
) -> Summary:
    """Extract every input to one JSON line, in input order. See `newsfacts extract --help`."""
    started = time.perf_counter()
    # Everything that can be checked is checked before any work: a run must not fail at its end.
    output = None if output is None else Path(output)
    errors = None if errors is None else Path(errors)
    paths = [Path(p) for p in ([paths] if isinstance(paths, str | Path) else paths)]
    if resume and output is None:
        raise UsageError("--resume needs an output file (-o)")
    if output is not None and errors is not None and output.resolve() == errors.resolve():
        raise UsageError("--errors must be another file than the output")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    inputs = check_inputs(paths, glob)
    check_output(output, "--output", inputs)
    check_output(errors, "--errors", inputs)
    if scheduler and importlib.util.find_spec("distributed") is None:
        raise UsageError("--scheduler needs Dask: pip install 'newsfacts[dask]'")
    resources.check()  # a malformed rules file: RulesError now, not in every worker
    read_stdin = stdin or (lambda: sys.stdin.buffer.read())
    summary = Summary(inputs=len(inputs))
    done = Done()
    if resume:
        for path in {output, errors} - {None}:
            repair(path)
            done.load(path)

    out = err = pool = bar = None
    try:
        out = Sink(output, append=resume, stories=True)
        err = Sink(errors, append=resume) if errors is not None else out
    except OSError as error:
        for sink in (out, err):
            if sink is not None:
                sink.abort()
        raise UsageError(f"cannot write {error.filename or output}: {error.strerror or error}") from error

    def tasks() -> Iterator[Task]:
        index = 0  # counts the tasks handed out: the order of the output
        for path in inputs:
            task = _read(index, path, read_stdin)
            task.reference = date
            if resume:
                was_error = done.take(task)
                if was_error is not None:
                    summary.skipped += 1
                    summary.errors += was_error
                    bar.advance(1, int(was_error))
                    continue
            yield task
            index += 1

    try:
        if not scheduler:
            pool = WorkerPool(min(jobs or default_jobs(), max(1, len(inputs))), timeout)
            pool.start()  # before the progress bar's thread: the workers can be forked
        bar = _Progress(len(inputs), progress)
        if pool is None:
            from .dask import run_tasks

            results = run_tasks(tasks(), scheduler, jobs=jobs, timeout=timeout)
        else:
            results = pool.run(tasks())
        for result in in_order(results):
            (err if result.is_error else out).write(result.line)
            if summary.first_line_seconds is None:
                summary.first_line_seconds = time.perf_counter() - started
            summary.written += 1
            summary.errors += result.is_error
            if result.peak_rss_mb:
                summary.peak_rss_mb = max(summary.peak_rss_mb, result.peak_rss_mb)
            bar.advance(1, int(result.is_error))
        bar.stop()
        stories = out.commit()
        if err is not out:
            err.commit()
    except BaseException:
        if bar is not None:
            bar.stop()
        if pool is not None:
            pool.close()
        for sink in {id(s): s for s in (out, err)}.values():
            sink.abort()  # never a .part file left behind
        raise
    if stories is not None:
        summary.stories = len(stories.groups())
        summary.joined = sum(len(members) - 1 for members in stories.groups().values())
    summary.seconds = time.perf_counter() - started
    if pool is not None and pool.ready_time is not None:
        summary.load_seconds = pool.ready_time - started
        summary.peak_rss_mb = max(summary.peak_rss_mb, pool.peak_rss_mb)
    return summary


def in_order(results: Iterable[Result]) -> Iterator[Result]:
    """Results back in order: `index` counts the tasks handed out, 0, 1, 2... with no gap."""
    held: dict[int, Result] = {}
    expected = 0
    for result in results:
        held[result.index] = result
        while expected in held:
            yield held.pop(expected)
            expected += 1
    if held:
        raise RuntimeError(f"no result for task {expected}: {len(held)} later results held back")
