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

from align.align.band import BandGains
from align.align.scoring import Sides


def doubtful_windows(steps, band: BandGains, types, max_align: int, margin: float) -> list[tuple[float, tuple]]:
    """``(doubt, (i0, i1, j0, j1))`` of every window whose merge was decided by less than ``margin``."""
    pairs = [tuple(t) for t in types.tolist()]
    beads = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        beads.append((i - a, i, j - b, j))
    found = []
    for i0, i1, j0, j1 in beads:  # merges on the path that a split almost matches
        a, b = i1 - i0, j1 - j0
        if a == 0 or b == 0 or a + b < 3:
            continue
        merged, best = band.gain(a, b, i1, j1), band.best_split(i0, i1, j0, j1)
        if merged is not None and best is not None and merged - best < margin:
            found.append((merged - best, (i0, i1, j0, j1)))
    for first, second in zip(beads, beads[1:]):  # neighbours a merge almost beats
        (i0, mid_i, j0, mid_j), (_, i1, _, j1) = first, second
        a, b = i1 - i0, j1 - j0
        if a == 0 or b == 0 or a + b > max_align:
            continue
        merged = band.gain(a, b, i1, j1)
        parts = (band.gain(mid_i - i0, mid_j - j0, mid_i, mid_j), band.gain(i1 - mid_i, j1 - mid_j, i1, j1))
        if merged is not None and None not in parts and sum(parts) - merged < margin:
            found.append((sum(parts) - merged, (i0, i1, j0, j1)))
    return sorted(set(found))


def reembed_doubtful(steps, band: BandGains, types, sides: Sides, src_texts, tgt_texts, embed, config) -> int:
    """Rescore the most doubtful merged windows in ``band.gains`` with their real texts' vectors.

    A real window vector and a normalised sum of sentence vectors sit at different distances from
    the other side's text, so each is compared on its own scale: its margin (cosine with the other
    side of the bead over its mean cosine with every window of that shape there) is divided by the
    spread of those cosines. The real vector's standardised margin replaces the sum's, converted
    back into the sum's units. Returns the number of texts embedded (0 when nothing was in doubt).
    """
    budget = int(config.max_windows_share * (len(src_texts) + len(tgt_texts)))
    chosen, texts = [], {}
    for _, (i0, i1, j0, j1) in doubtful_windows(steps, band, types, config.max_align, config.doubt_margin):
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
    real = {key: _centred(vec, sides, *key) for key, vec in zip(keys, vectors)}
    windows = _Windows(sides)
    exponent = config.scoring.size_exponent
    for i0, i1, j0, j1 in chosen:
        a, b = i1 - i0, j1 - j0
        cell, k = band.cell(i1, j1), band.index[(a, b)]
        if band.gains[k, cell] <= -1e29:
            continue
        src_sum, tgt_sum = _unit(sides.src_vecs[i0:i1].sum(axis=0)), _unit(sides.tgt_vecs[j0:j1].sum(axis=0))
        before, spread = windows.standardised(src_sum, tgt_sum, a, b)
        after, _ = windows.standardised(real.get(("s", i0, i1), src_sum), real.get(("t", j0, j1), tgt_sum), a, b)
        band.gains[k, cell] += (a + b) ** exponent * (after - before) * spread / sides.scale
    return len(texts)


def _centred(vec: np.ndarray, sides: Sides, side: str, first: int, end: int) -> np.ndarray:
    """A window's real vector centred as its sentences' sum is: scaled to the norm of the sum of
    their vectors as given, less ``end - first`` shifts (so a real vector equal to the normalised
    sum comes out as the centred sum)."""
    raw, shift = (sides.src_raw, sides.src_shift) if side == "s" else (sides.tgt_raw, sides.tgt_shift)
    norm = float(np.linalg.norm(raw[first:end].astype(np.float64).sum(axis=0)))
    return _unit(vec * norm - (end - first) * shift)


def _unit(vec: np.ndarray) -> np.ndarray:
    vec = np.asarray(vec, dtype=np.float64)
    return vec / max(float(np.linalg.norm(vec)), 1e-12)


class _Windows:
    """Every normalised window of each size on each side, built on first use."""

    def __init__(self, sides: Sides) -> None:
        self.vecs = {"s": sides.src_vecs.astype(np.float64), "t": sides.tgt_vecs.astype(np.float64)}
        self.cache: dict = {}

    def of(self, side: str, size: int) -> np.ndarray:
        if (side, size) not in self.cache:
            vecs = self.vecs[side]
            csum = np.concatenate([np.zeros((1, vecs.shape[1])), np.cumsum(vecs, axis=0)])
            sums = csum[size:] - csum[:-size] if size <= len(vecs) else np.zeros((0, vecs.shape[1]))
            self.cache[side, size] = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        return self.cache[side, size]

    def standardised(self, src: np.ndarray, tgt: np.ndarray, a: int, b: int) -> tuple[float, float]:
        """The bead's margin over chance in units of its own sides' spreads, and that mean spread."""
        to_tgt, to_src = self.of("t", b) @ src, self.of("s", a) @ tgt
        spread = (_spread(to_tgt) + _spread(to_src)) / 2
        return (src @ tgt - (to_tgt.mean() + to_src.mean()) / 2) / spread, spread


def _spread(cosines: np.ndarray) -> float:
    return max(float(cosines.std()), 1e-6) if len(cosines) > 1 else 1.0
