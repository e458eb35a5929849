"""No compile pause: the alignment kernels compile in a background process while a run segments and embeds.

numba compiles the kernels on their first call (seconds) and keeps them in its on-disk cache
(``cache=True``: beside the package, or in the user's cache folder when that is read-only; the
environment variable ``NUMBA_CACHE_DIR`` moves it). A run starts ``start_warm_up`` first thing: a child
process aligns a tiny made-up pair, which compiles the kernels into the cache (or finds them there), and
the run loads them from the cache when it aligns. A process, not a thread: compiling is mostly Python
work, which in a thread would hold the interpreter lock against segmentation and pairing; a child uses
the core that segmentation leaves idle. The run's report shows the compile time as a one-time cost (a
stage row of its own), so the first run's figures are not mistaken for what every run costs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_WORDS = ["In 2019 the city of Jakarta had 10 million people.", "The river rose 2 metres overnight.",
          "Police said 5 people were hurt.", "It rained."]  # fmt: skip


@dataclass
class WarmUp:
    """The background warm-up of one run: how long it took and how many kernels it compiled (0: all
    were loaded from numba's cache, as on every run after the first)."""

    process: subprocess.Popen | None = None
    seconds: float | None = None  # None until it has finished
    compiled: int = 0

    def finish(self) -> None:
        """Wait for the child (the run is about to align); a child that failed leaves the run to
        compile the kernels itself on first use, as it would without a warm-up."""
        if self.process is None:
            return
        output, _ = self.process.communicate()
        self.process = None
        try:
            report = json.loads(output.strip().splitlines()[-1])
            self.seconds, self.compiled = float(report["seconds"]), int(report["compiled"])
        except (ValueError, IndexError, KeyError, TypeError):
            pass

    def cancel(self) -> None:
        """Stop a child still running (the run ended before it aligned)."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None

    def one_time_cost(self) -> float | None:
        """Seconds spent compiling kernels in this run (a first run's one-time cost), else None."""
        return round(self.seconds, 3) if self.seconds is not None and self.compiled else None


def start_warm_up() -> WarmUp:
    """Start the child process that compiles every kernel into numba's cache, unless the cache holds
    them all already (every run after the first: the run then loads them on first use)."""
    if kernels_cached():
        return WarmUp()
    package_root = str(Path(__file__).resolve().parents[1])  # the child imports this same align
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=package_root + (os.pathsep + path if path else ""))
    try:
        process = subprocess.Popen([sys.executable, "-m", "align.warm_up"], env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:  # no child can start: the run compiles on first use
        return WarmUp()
    return WarmUp(process)


def kernels_cached() -> bool:
    """Whether numba's cache holds a compiled entry of every kernel for their current source (read
    through numba's cache index, not a public interface: False whenever it cannot tell)."""
    try:
        return all(kernel._cache._cache_file._load_index() for kernel in _kernels())
    except Exception:  # noqa: BLE001 - unsure, so warm up
        return False


def align_tiny_pair() -> dict:
    """Align a tiny made-up pair; return the seconds it took and how many kernels had to be compiled."""
    from align.align import align_sentences

    start = time.perf_counter()
    vectors = np.random.default_rng(0).normal(size=(len(_WORDS), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    align_sentences(vectors, vectors[::-1].copy(), _WORDS, _WORDS[::-1])
    return {"seconds": time.perf_counter() - start, "compiled": _compiled_kernels()}


def _kernels() -> list:
    """numba's dispatchers of every alignment kernel."""
    import numba

    from align.align import dp, features, scoring

    return [kernel for module in (dp, features, scoring) for kernel in vars(module).values()
            if isinstance(kernel, numba.core.registry.CPUDispatcher)]


def _compiled_kernels() -> int:
    """How many kernel signatures this process compiled rather than loaded from numba's cache."""
    return sum(sum(kernel.stats.cache_misses.values()) for kernel in _kernels())


if __name__ == "__main__":
    print(json.dumps(align_tiny_pair()))
