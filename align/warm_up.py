"""No compile pause: the alignment kernels compile in the background while a run segments and embeds.

numba compiles the kernels on their first call (seconds) and keeps them in its on-disk cache
(``cache=True``: beside the package, or in the user's cache folder when that is read-only; the
environment variable ``NUMBA_CACHE_DIR`` moves it). A run starts ``start_warm_up`` first thing, so
the first run after an install compiles while the model embeds, and later runs load the cache.
"""

from __future__ import annotations

import threading

import numpy as np

_WORDS = ["In 2019 the city of Jakarta had 10 million people.", "The river rose 2 metres overnight.",
          "Police said 5 people were hurt.", "It rained."]  # fmt: skip


def start_warm_up() -> threading.Thread:
    """Align a tiny made-up pair in a daemon thread, which compiles (or loads) every kernel."""
    thread = threading.Thread(target=_align_tiny_pair, name="align-warm-up", daemon=True)
    thread.start()
    return thread


def _align_tiny_pair() -> None:
    from align.align import align_sentences

    vectors = np.random.default_rng(0).normal(size=(len(_WORDS), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    try:
        align_sentences(vectors, vectors[::-1].copy(), _WORDS, _WORDS[::-1])
    except Exception:  # noqa: BLE001 - a warm-up only; the run's own call reports any real error
        pass
