"""blas: each of several workers keeps its OpenBLAS to its share of the cores."""

import os

import numpy  # noqa: F401  (loads OpenBLAS into this process, as the NER model does)

from newsfacts import blas


def test_one_worker_keeps_all_threads():
    assert blas.threads_per_worker(1) is None
    assert blas.threads_per_worker(0) is None


def test_workers_share_the_cores():
    cores = os.cpu_count() or 1
    assert blas.threads_per_worker(2) == max(1, cores // 2)
    assert blas.threads_per_worker(cores * 4) == 1


def test_limit_reaches_the_loaded_openblas(monkeypatch):
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    found = blas._loaded_openblas()
    told = blas.limit_threads(os.cpu_count() or 1)  # all cores: leaves this test process as it was
    assert os.environ["OPENBLAS_NUM_THREADS"] == str(os.cpu_count() or 1)
    if found:  # numpy's wheels for Linux carry OpenBLAS; elsewhere only the variables are set
        assert told
