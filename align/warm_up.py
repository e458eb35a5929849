"""No compile pause: the alignment kernels compile in the background while a run segments and embeds.

numba compiles the kernels on their first call (seconds) and keeps them in its on-disk cache
(``cache=True``: beside the package, or in the user's cache folder when that is read-only; the
environment variable ``NUMBA_CACHE_DIR`` moves it). A run starts ``start_warm_up`` first thing, so
the first run after an install compiles while the model embeds, and later runs load the cache.
The run's report shows the compile time as a one-time cost (a stage row of its own), so the first
run's figures are not mistaken for what every run costs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

_WORDS = ["In 2019 the city of Jakarta had 10 million people.", "The river rose 2 metres overnight.",
          "Police said 5 people were hurt.", "It rained."]  # fmt: skip


@dataclass
class WarmUp:
    """The background warm-up of one run: how long it took and how many kernels it compiled (0: all
    were loaded from numba's cache, as on every run after the first)."""

    thread: threading.Thread | None = None
    seconds: float | None = None  # None until it has finished
    compiled: int = 0

    def one_time_cost(self) -> float | None:
        """Seconds spent compiling kernels in this run (a first run's one-time cost), else None."""
        return round(self.seconds, 3) if self.seconds is not None and self.compiled else None


def start_warm_up() -> WarmUp:
    """Align a tiny made-up pair in a daemon thread, which compiles (or loads) every kernel."""
    warm = WarmUp()
    warm.thread = threading.Thread(target=_align_tiny_pair, args=(warm,), name="align-warm-up", daemon=True)
    warm.thread.start()
    return warm


def _align_tiny_pair(warm: WarmUp) -> None:
    from align.align import align_sentences

    start = time.perf_counter()
    vectors = np.random.default_rng(0).normal(size=(len(_WORDS), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    try:
        align_sentences(vectors, vectors[::-1].copy(), _WORDS, _WORDS[::-1])
    except Exception:  # noqa: BLE001 - a warm-up only; the run's own call reports any real error
        pass
    warm.compiled = _compiled_kernels()
    warm.seconds = time.perf_counter() - start


def _compiled_kernels() -> int:
    """How many kernel signatures this process compiled rather than loaded from numba's cache."""
    import numba

    from align.align import dp, features, scoring

    return sum(sum(kernel.stats.cache_misses.values()) for module in (dp, features, scoring)
               for kernel in vars(module).values() if isinstance(kernel, numba.core.registry.CPUDispatcher))
