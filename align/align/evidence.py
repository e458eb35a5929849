"""Evidence for doubtful many-to-many beads: embed the real text of a window instead of trusting the
normalised sum of its sentence vectors.

After a first pass, a window is *doubtful* when the choice between merging its sentences into one
bead and keeping them in separate beads was decided by less than ``AlignConfig.doubt_margin`` of
gain: a merge on the path that a split into two beads almost matches, or two neighbouring beads on
the path that a merge almost beats. The most doubtful windows (at most
``AlignConfig.max_windows_share`` texts per sentence of the document) have each multi-sentence side
embedded as one text; the merged bead's gain is rescored with those vectors and the caller reruns
the DP.
"""

from __future__ import annotations

import numpy as np

from align.align.dp import row_starts
from align.align.scoring import Sides, mean_window, window_norms


def doubtful_windows(steps, gains, types, lo, hi, max_align: int, margin: float) -> list[tuple[float, tuple]]:
    """``(doubt, (i0, i1, j0, j1))`` of every window whose merge was decided by less than ``margin``."""
    pairs = [tuple(t) for t in types.tolist()]
    index = {t: k for k, t in enumerate(pairs)}
    start = row_starts(lo, hi)

    def gain(a: int, b: int, i: int, j: int) -> float | None:
        k = index.get((a, b))
        if k is None or i < 0 or j < 0 or i >= len(lo) or not lo[i] <= j < hi[i]:
            return None
        value = float(gains[k, start[i] + j - lo[i]])
        return value if value > -1e29 else None

    beads = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        beads.append((i - a, i, j - b, j))
    found = []
    for i0, i1, j0, j1 in beads:  # merges on the path that a split almost matches
        a, b = i1 - i0, j1 - j0
        if a == 0 or b == 0 or a + b < 3:
            continue
        merged = gain(a, b, i1, j1)
        splits = [(gain(x - i0, y - j0, x, y), gain(i1 - x, j1 - y, i1, j1))
                  for x in range(i0, i1 + 1) for y in range(j0, j1 + 1)
                  if (x, y) not in ((i0, j0), (i1, j1)) and (x - i0, y - j0) in index and (i1 - x, j1 - y) in index]
        best = max((p + q for p, q in splits if p is not None and q is not None), default=None)
        if merged is not None and best is not None and merged - best < margin:
            found.append((merged - best, (i0, i1, j0, j1)))
    for first, second in zip(beads, beads[1:]):  # neighbours a merge almost beats
        (i0, mid_i, j0, mid_j), (_, i1, _, j1) = first, second
        a, b = i1 - i0, j1 - j0
        if a == 0 or b == 0 or a + b > max_align:
            continue
        merged = gain(a, b, i1, j1)
        parts = (gain(mid_i - i0, mid_j - j0, mid_i, mid_j), gain(i1 - mid_i, j1 - mid_j, i1, j1))
        if merged is not None and None not in parts and sum(parts) - merged < margin:
            found.append((sum(parts) - merged, (i0, i1, j0, j1)))
    return sorted(set(found))


def reembed_doubtful(steps, gains, types, lo, hi, sides: Sides, src_texts, tgt_texts, embed, config) -> int:
    """Rescore the most doubtful merged windows in ``gains`` with their real texts' vectors.

    Returns the number of texts embedded (0 when nothing was in doubt).
    """
    budget = int(config.max_windows_share * (len(src_texts) + len(tgt_texts)))
    chosen, texts = [], {}
    for _, (i0, i1, j0, j1) in doubtful_windows(steps, gains, types, lo, hi, config.max_align, config.doubt_margin):
        new = {}
        if i1 - i0 > 1 and ("s", i0, i1) not in texts:
            new["s", i0, i1] = " ".join(src_texts[i0:i1])
        if j1 - j0 > 1 and ("t", j0, j1) not in texts:
            new["t", j0, j1] = " ".join(tgt_texts[j0:j1])
        if len(texts) + len(new) > budget:
            break
        texts.update(new)
        chosen.append((i0, i1, j0, j1))
    if not texts:
        return 0
    keys = list(texts)
    vectors = np.asarray(embed([texts[key] for key in keys]), dtype=np.float64)
    real = {key: _centred(vec, sides.src_shift if key[0] == "s" else sides.tgt_shift) for key, vec in zip(keys, vectors)}
    kernel = sides.kernel(config.scoring)
    index = {tuple(t): k for k, t in enumerate(types.tolist())}
    start = row_starts(lo, hi)
    means: dict = {}
    for i0, i1, j0, j1 in chosen:
        a, b = i1 - i0, j1 - j0
        cell = start[i1] + j1 - lo[i1]
        k = index[(a, b)]
        if gains[k, cell] <= -1e29:
            continue
        src_sum = _unit(sides.src_vecs[i0:i1].sum(axis=0))
        tgt_sum = _unit(sides.tgt_vecs[j0:j1].sum(axis=0))
        src_real = real.get(("s", i0, i1), src_sum)
        tgt_real = real.get(("t", j0, j1), tgt_sum)
        to_tgt = _mean_window(means, sides.tgt_vecs, b, "t")
        to_src = _mean_window(means, sides.src_vecs, a, "s")
        before = src_sum @ tgt_sum - (src_sum @ to_tgt + tgt_sum @ to_src) / 2
        after = src_real @ tgt_real - (src_real @ to_tgt + tgt_real @ to_src) / 2
        gains[k, cell] += (a + b) ** kernel.size_exponent * (after - before) / kernel.scale
    return len(texts)


def _unit(vec: np.ndarray) -> np.ndarray:
    vec = np.asarray(vec, dtype=np.float64)
    return vec / max(float(np.linalg.norm(vec)), 1e-12)


def _centred(vec: np.ndarray, shift: np.ndarray) -> np.ndarray:
    return _unit(vec - shift)


def _mean_window(cache: dict, vecs: np.ndarray, size: int, side: str) -> np.ndarray:
    if (side, size) not in cache:
        vecs64 = vecs.astype(np.float64)
        cache[side, size] = mean_window(vecs64, window_norms(vecs64, size), size)
    return cache[side, size]
