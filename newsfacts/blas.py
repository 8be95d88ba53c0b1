"""How many threads numpy's OpenBLAS (under the NER model) may use in this process.

Why: OpenBLAS starts one thread per core in every process. Two workers on two cores then run four BLAS
threads that spin against each other: two processes of the pipeline got less done together (20 docs/s)
than one alone (35). With one BLAS thread per worker they get 1.9 times one's speed.

One worker alone gains nothing from more: the NER's matrices are small, so natasha's segmentation + NER
over corpus/ took 1.20-1.65 s wall with two threads and 1.24-1.36 s with one (2 cores), at twice the CPU,
and the second thread spins on after each batch while the rule stages run: the pipeline's stages over
corpus/ took 2.6-3.0 s wall (4.3 s CPU) with two, 1.85 s (1.85 s CPU) with one.
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


def threads_per_worker(jobs: int) -> int:
    """The BLAS threads of each of `jobs` workers: one (see above), also for a single worker."""
    return 1
