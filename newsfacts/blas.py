"""How many threads numpy's OpenBLAS (under the NER model) may use in this process.

Why: OpenBLAS starts one thread per core in every process. Two workers on two cores then run four BLAS
threads that spin against each other: two processes of the pipeline got less done together (20 docs/s)
than one alone (35). With one BLAS thread per worker they get 1.9 times one's speed.
"""

from __future__ import annotations

import ctypes
import os

# The setter's name in the OpenBLAS builds numpy ships (scipy-openblas, 64-bit ints) and in plain ones.
SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads")


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries loaded in this process (Linux; none found elsewhere)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line})
    except OSError:
        return []


def limit_threads(threads: int) -> bool:
    """At most `threads` BLAS threads from now on; True when an OpenBLAS was told so. Also sets the usual
    variables, for a numpy loaded later in this process or its children."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)
    done = False
    for path in _loaded_openblas():
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        setter = next((getattr(library, s) for s in SETTERS if hasattr(library, s)), None)
        if setter is not None:
            setter(ctypes.c_int(threads))
            done = True
    return done


def threads_per_worker(jobs: int) -> int | None:
    """The cores each of `jobs` workers may keep busy; None for one worker (its BLAS may use them all)."""
    if jobs <= 1:
        return None
    return max(1, (os.cpu_count() or 1) // jobs)
