"""Comparable is not parallel: the evidence a translation leaves that a report of the same event lacks.

Two reports of one event share a topic, names and numbers, so document vectors and even a few
sentence matches score them high. A translation also renders sentence after sentence: most of the
sentences of both articles have a strong mutual match, and those matches keep document order.
"""

from __future__ import annotations

import bisect

import numpy as np


def in_order_share(rows: np.ndarray, cols: np.ndarray, strength: np.ndarray, n: int, m: int) -> float:
    """Share of the longer article's sentences (of an n x m pair) in the longest chain of strong
    (``strength > 0``) mutual matches ``(rows[k], cols[k])`` that keeps the order on both sides."""
    strong = strength > 0
    order = np.argsort(rows[strong], kind="stable")
    tails: list[int] = []  # tails[k]: smallest last column of an increasing chain of length k + 1
    for col in cols[strong][order]:
        at = bisect.bisect_left(tails, int(col))
        tails[at : at + 1] = [int(col)]
    return len(tails) / max(n, m, 1)
