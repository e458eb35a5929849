"""One-to-one assignment of scored candidate pairs (competitive linking with a threshold)."""

from __future__ import annotations

import heapq
from collections import defaultdict


def assign_one_to_one(raw: dict[tuple[int, int], float], min_raw: float) -> list[tuple[int, int, float]]:
    """Greedily link the best-scoring free pairs at or above ``min_raw``; each article is used once.

    Returns ``(src, tgt, runner_up)`` where ``runner_up`` is the best raw score of any other
    candidate that involves either article (``-inf`` when there is none).
    """
    top_two: dict[tuple[str, int], list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for pair, value in raw.items():
        for key in (("src", pair[0]), ("tgt", pair[1])):
            top_two[key] = heapq.nlargest(2, [*top_two[key], (value, pair)])
    used_src, used_tgt, links = set(), set(), []
    for (s, t), value in sorted(raw.items(), key=lambda item: (-item[1], item[0])):
        if value < min_raw:
            break
        if s in used_src or t in used_tgt:
            continue
        used_src.add(s)
        used_tgt.add(t)
        rivals = [v for v, pair in top_two[("src", s)] + top_two[("tgt", t)] if pair != (s, t)]
        links.append((s, t, max(rivals, default=float("-inf"))))
    return links
