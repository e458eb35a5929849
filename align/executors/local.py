"""This machine: everything in this process, or spread over N single-threaded worker processes."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from typing import Callable, Iterable, Iterator

from align.config import Config
from align.embed import Encoder, load_encoder
from align.embed.base import check_device
from align.executors import ordered_window
from align.executors.config import ExecutionConfig


PR_SET_PDEATHSIG = 1  # prctl option (Linux): a signal sent to this process when its parent dies


def single_thread_worker() -> None:
    """One math thread per worker process, so N workers use N cores."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"


def pool_worker(parent: int) -> None:
    """Pool initializer: a single-threaded worker that dies with the run that started it
    (``parent``), so a killed run leaves no orphan computing for nobody."""
    single_thread_worker()
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


class LocalExecutor:
    """In this process (``workers=1``, the default) or in ``workers`` worker processes.

    Worker processes start on first use with ``spawn`` (a forked copy of a process already running
    OpenMP threads can hang), each with one math thread, and serve both ``map`` and the bundled
    model. Other models embed in this process (torch already uses every core).
    """

    name = "local"

    def __init__(self, workers: int = 1, in_flight_per_worker: int = ExecutionConfig.in_flight_per_worker) -> None:
        self.workers = workers
        self.in_flight = in_flight_per_worker * workers
        self._pool = None

    def _workers(self):
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=pool_worker, initargs=(os.getpid(),))
        return self._pool

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """Results in input order; ``items`` is read as work finishes (a few items per worker sent
        ahead), so a big input never waits in memory all at once."""
        if self.workers == 1:
            return map(fn, items)
        pool = self._workers()
        return ordered_window(lambda item: pool.apply_async(fn, (item,)), lambda task: task.get(), items,
                              self.in_flight)

    def encoder(self, config: Config) -> Encoder:
        if self.workers > 1 and config.model == "bundled":
            from align.embed.cache import CachedEncoder
            from align.embed.parallel import ParallelEncoder

            check_device(config.model, config.embed.device)
            return CachedEncoder(ParallelEncoder(self._workers(), self.workers), config.embed.cache_dir,
                                 config.embed.memory_vectors)
        return load_encoder(config.model, cache_dir=config.embed.cache_dir, batch_size=config.embed.batch_size,
                            device=config.embed.device, memory_vectors=config.embed.memory_vectors)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
