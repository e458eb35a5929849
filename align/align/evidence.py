"""Evidence against doubtful many-to-many beads: embed the real text of a merged window instead of
trusting the normalised sum of its sentence vectors.

After a first pass, a merge on the path is *doubtful* when a split into two beads comes within
``AlignConfig.doubt_margin`` of its gain. The most doubtful merges (at most
``AlignConfig.max_windows_share`` texts per sentence of the document) have each multi-sentence side
embedded as one text. The real text can only speak against a merge: where its vectors match worse
than the sum did, the merge's gain drops by the difference; where they match better, it stays. The
real concatenation of two correctly aligned pairs is itself a good translation (and real window
vectors score above sums on average, on right and wrong merges alike), so a better real match is no
evidence that the sentences belong together; a worse one is evidence that the sum overstated them.
The caller reruns the DP, and the new path's doubtful merges are looked at in turn
(``AlignConfig.reembed_rounds`` rounds at most). A merge the path does not take is never embedded:
lowering its gain could not change the path.
"""

from __future__ import annotations

import numpy as np

from align.align.band import BandGains
from align.align.scoring import Sides


def doubtful_windows(steps, band: BandGains, types, margin: float) -> list[tuple[float, tuple]]:
    """``(doubt, (i0, i1, j0, j1))`` of every merge on the path that a split comes within ``margin`` of,
    most doubtful first."""
    pairs = [tuple(t) for t in types.tolist()]
    found = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        i0, i1, j0, j1 = i - a, i, j - b, j
        if a == 0 or b == 0 or a + b < 3:
            continue
        merged, best = band.gain(a, b, i1, j1), band.best_split(i0, i1, j0, j1)
        if merged is not None and best is not None and merged - best < margin:
            found.append((merged - best, (i0, i1, j0, j1)))
    return sorted(found)


class RealWindows:
    """Rescores doubtful merges in a band's gains with their real texts' vectors, round after round
    (each DP rerun may bring new doubtful merges), within one budget of embedded texts.

    A real window vector and a normalised sum of sentence vectors sit at different distances from
    the other side's text, so each is compared on its own scale: its margin (cosine with the other
    side of the bead over its mean cosine with every window of that shape there) is divided by the
    spread of those cosines. Where the real vector's standardised margin falls below the sum's, the
    merge loses the difference, converted back into the sum's units. A window is rescored once.
    """

    def __init__(self, sides: Sides, src_texts, tgt_texts, embed, config) -> None:
        self.sides, self.texts, self.embed, self.config = sides, {"s": src_texts, "t": tgt_texts}, embed, config
        self.budget = int(config.max_windows_share * (len(src_texts) + len(tgt_texts)))
        self.real: dict = {}  # ("s" | "t", first, end) -> centred real vector
        self.rescored: set = set()
        self.wanted: dict = {}  # texts queued for the next model call
        self.windows = _Windows(sides)

    def rescore(self, steps, band: BandGains, types) -> int:
        """Rescore the most doubtful merges of this path not rescored before; returns how many."""
        chosen = self._within_budget(doubtful_windows(steps, band, types, self.config.doubt_margin),
                                     skip=self.rescored)
        self._embed_wanted()
        exponent = self.config.scoring.size_exponent
        for i0, i1, j0, j1 in chosen:
            self.rescored.add((i0, i1, j0, j1))
            a, b = i1 - i0, j1 - j0
            cell, k = band.cell(i1, j1), band.index[(a, b)]
            if band.gains[k, cell] <= -1e29:
                continue
            shift, spread = self._shift(i0, i1, j0, j1)
            band.gains[k, cell] += (a + b) ** exponent * min(shift, 0.0) * spread / self.sides.scale
        return len(chosen)

    def _within_budget(self, windows, skip: set) -> list[tuple]:
        """The windows, in order, whose texts fit the budget (their texts are queued for embedding)."""
        chosen = []
        for *_, (i0, i1, j0, j1) in windows:
            if (i0, i1, j0, j1) in skip:
                continue
            new = {key for key in (("s", i0, i1), ("t", j0, j1)) if key[2] - key[1] > 1}
            new -= set(self.real) | set(self.wanted)
            if len(self.real) + len(self.wanted) + len(new) > self.budget:
                break
            self.wanted.update({key: " ".join(self.texts[key[0]][key[1] : key[2]]) for key in new})
            chosen.append((i0, i1, j0, j1))
        return chosen

    def _embed_wanted(self) -> None:
        if self.wanted:
            keys = list(self.wanted)
            vectors = np.asarray(self.embed([self.wanted[key] for key in keys]), dtype=np.float64)
            self.real.update({key: _centred(vec, self.sides, *key) for key, vec in zip(keys, vectors)})
            self.wanted = {}

    def _shift(self, i0, i1, j0, j1) -> tuple[float, float]:
        """How far the window's real vectors move its standardised margin from its sums' (negative:
        the real text matches worse), and the sums' spread."""
        sides, a, b = self.sides, i1 - i0, j1 - j0
        src_sum, tgt_sum = _unit(sides.src_vecs[i0:i1].sum(axis=0)), _unit(sides.tgt_vecs[j0:j1].sum(axis=0))
        before, scale = self.windows.standardised(src_sum, tgt_sum, a, b)
        after, _ = self.windows.standardised(self.real.get(("s", i0, i1), src_sum),
                                             self.real.get(("t", j0, j1), tgt_sum), a, b)
        return after - before, scale


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
