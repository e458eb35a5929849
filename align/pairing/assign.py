"""One-to-one assignment of scored candidate pairs (competitive linking with a threshold)."""

from __future__ import annotations


def assign_one_to_one(raw: dict[tuple[int, int], float], min_raw: float) -> list[tuple[int, int, float]]:
    """Greedily link the best-scoring free pairs above ``min_raw``; each article is used at most once.

    Returns ``(src, tgt, runner_up)`` where ``runner_up`` is the best raw score of any other
    candidate that involves either article (``-inf`` when there is none).
    """
    best_other: dict[tuple[str, int], list[float]] = {}
    for (s, t), value in raw.items():
        for key in (("s", s), ("t", t)):
            top = best_other.setdefault(key, [])
            top.append(value)
            top.sort(reverse=True)
            del top[2:]
    used_src, used_tgt, links = set(), set(), []
    for (s, t), value in sorted(raw.items(), key=lambda item: (-item[1], item[0])):
        if value < min_raw:
            break
        if s in used_src or t in used_tgt:
            continue
        used_src.add(s)
        used_tgt.add(t)
        links.append((s, t, max(_second(best_other[("s", s)], value), _second(best_other[("t", t)], value))))
    return links


def _second(top: list[float], own: float) -> float:
    """The best value in ``top`` other than (one occurrence of) ``own``."""
    rest = list(top)
    rest.remove(own)
    return rest[0] if rest else float("-inf")
