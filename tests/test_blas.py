"""blas: each worker keeps its OpenBLAS to one thread."""

import os

import numpy  # noqa: F401  (loads OpenBLAS into this process, as the NER model does)

from newsfacts import blas


def test_one_thread_per_worker_also_alone():
    # a second thread gains the small NER matrices no wall time and spins while the rules run (blas.py)
    cores = os.cpu_count() or 1
    for jobs in (1, 2, cores * 4):
        assert blas.threads_per_worker(jobs) == 1


def test_limit_reaches_the_loaded_openblas(monkeypatch):
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    found = blas._loaded_openblas()
    told = blas.limit_threads(os.cpu_count() or 1)  # all cores: leaves this test process as it was
    assert os.environ["OPENBLAS_NUM_THREADS"] == str(os.cpu_count() or 1)
    if found:  # numpy's wheels for Linux carry OpenBLAS; elsewhere only the variables are set
        assert told
