"""Reading bead gains back out of the ragged band (`align.align.dp`): the gain of one bead, and the
best way to cover a bead's sentences with two beads instead."""

from __future__ import annotations

import numpy as np

from align.align.dp import row_starts


class BandGains:
    """``gains[k, cell]`` of `align.align.scoring.bead_gains`, addressed by bead shape and end cell."""

    def __init__(self, gains: np.ndarray, types: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        self.gains, self.lo, self.hi = gains, lo, hi
        self.index = {tuple(t): k for k, t in enumerate(types.tolist())}
        self.start = row_starts(lo, hi)

    def cell(self, i: int, j: int) -> int | None:
        """The flat offset of cell ``(i, j)``, or None outside the band."""
        if i < 0 or j < 0 or i >= len(self.lo) or not self.lo[i] <= j < self.hi[i]:
            return None
        return int(self.start[i] + j - self.lo[i])

    def gain(self, a: int, b: int, i: int, j: int) -> float | None:
        """The gain of an a-b bead ending at ``(i, j)``; None when that bead is not allowed or blocked."""
        k, cell = self.index.get((a, b)), self.cell(i, j)
        if k is None or cell is None:
            return None
        value = float(self.gains[k, cell])
        return value if value > -1e29 else None

    def best_split(self, i0: int, i1: int, j0: int, j1: int) -> float | None:
        """The best total gain of two consecutive beads covering sentences ``i0:i1`` and ``j0:j1``
        (null beads included); None when no split is allowed."""
        best = None
        for x in range(i0, i1 + 1):
            for y in range(j0, j1 + 1):
                if (x, y) in ((i0, j0), (i1, j1)):
                    continue
                first, second = self.gain(x - i0, y - j0, x, y), self.gain(i1 - x, j1 - y, i1, j1)
                if first is not None and second is not None and (best is None or first + second > best):
                    best = first + second
        return best
