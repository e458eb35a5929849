"""The array-only DP core: bead types, bands and the best path."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.align import dp
from align.errors import AlignError


def test_bead_types_respect_max_align():
    types = {tuple(t) for t in dp.bead_types(3).tolist()}
    assert types == {(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)}
    assert len(dp.bead_types(5, allow_null=False)) == 10
    with pytest.raises(AlignError):
        dp.bead_types(1)


def _random_gains(rng, types, lo, hi):
    return rng.normal(size=(len(types), int(dp.row_starts(lo, hi)[-1]))).astype(np.float32)


def _check_path(steps, types, n, m, max_align):
    i = j = 0
    for end_i, end_j, k in steps:
        a, b = types[k]
        assert (end_i - a, end_j - b) == (i, j), "beads must be contiguous and monotonic"
        assert 0 < a + b <= max_align
        i, j = end_i, end_j
    assert (i, j) == (n, m), "every sentence must be covered exactly once"


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 12), st.integers(0, 12), st.integers(2, 5), st.integers(0, 10_000))
def test_full_band_paths_are_monotonic_and_complete(n, m, max_align, seed):
    types = dp.bead_types(max_align)
    lo, hi = dp.full_band(n, m)
    gains = _random_gains(np.random.default_rng(seed), types, lo, hi)
    steps = dp.best_path(gains, types, lo, hi)
    _check_path(steps, types, n, m, max_align)
    again = dp.best_path(gains.copy(), types, lo, hi)
    assert np.array_equal(steps, again)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(0, 4), st.integers(0, 10_000))
def test_banded_paths_stay_valid(n, m, margin, seed):
    rng = np.random.default_rng(seed)
    # a random monotonic path from (0, 0) to (n, m), walked one sentence at a time
    moves = rng.permutation([0] * n + [1] * m)
    rows = np.concatenate([[0], np.cumsum(moves == 0)])
    cols = np.concatenate([[0], np.cumsum(moves == 1)])
    lo, hi = dp.band_around(rows, cols, n, m, margin)
    assert lo[0] == 0 and hi[-1] == m + 1
    assert np.all(np.diff(lo) >= 0) and np.all(np.diff(hi) >= 0)
    assert all(lo[r] <= c < hi[r] for r, c in zip(rows, cols))
    types = dp.bead_types(4)
    steps = dp.best_path(_random_gains(rng, types, lo, hi), types, lo, hi)
    _check_path(steps, types, n, m, 4)
    assert all(lo[i] <= j < hi[i] for i, j, _ in steps)


def test_best_path_follows_the_gains():
    types = dp.bead_types(3)
    lo, hi = dp.full_band(3, 3)
    gains = np.full((len(types), 4, 4), -1.0, dtype=np.float32)
    one_one = [tuple(t) for t in types.tolist()].index((1, 1))
    for d in range(1, 4):
        gains[one_one, d, d] = 1.0
    steps = dp.best_path(gains.reshape(len(types), 16), types, lo, hi)
    assert [(int(i), int(j), tuple(types[k])) for i, j, k in steps] == [(1, 1, (1, 1)), (2, 2, (1, 1)), (3, 3, (1, 1))]


def test_no_path_raises_align_error():
    types = dp.bead_types(2, allow_null=False)  # only 1-1
    lo, hi = dp.full_band(2, 3)
    with pytest.raises(AlignError, match="no monotonic alignment"):
        dp.best_path(np.zeros((1, 12), dtype=np.float32), types, lo, hi)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.integers(0, 200), st.booleans(), st.integers(0, 3),
       st.integers(2, 6), st.integers(0, 10_000))
def test_ragged_bands_with_a_long_one_sided_run(n, m, run, on_target, margin, max_align, seed):
    """A path with a long run of insertions on one side: the band is stored cell by cell (no row as
    wide as the widest), and the DP inside it stays monotonic, complete and within max_align."""
    rng = np.random.default_rng(seed)
    n2, m2 = (n, m + run) if on_target else (n + run, m)
    moves = list(rng.permutation([0] * n + [1] * m))
    at = int(rng.integers(0, len(moves) + 1))
    moves[at:at] = [1 if on_target else 0] * run
    moves = np.array(moves, dtype=np.int64)
    rows = np.concatenate([[0], np.cumsum(moves == 0)])
    cols = np.concatenate([[0], np.cumsum(moves == 1)])
    lo, hi = dp.band_around(rows, cols, n2, m2, margin)
    start = dp.row_starts(lo, hi)
    assert start[-1] == int((hi - lo).sum())
    if on_target and run > 10 * (n + m + margin) and n > 2 * margin + 2:
        # a long run of target sentences widens only the rows within the margin of it
        assert start[-1] < (n2 + 1) * int((hi - lo).max())
    types = dp.bead_types(max_align)
    steps = dp.best_path(_random_gains(rng, types, lo, hi), types, lo, hi)
    _check_path(steps, types, n2, m2, max_align)
    assert all(lo[i] <= j < hi[i] for i, j, _ in steps)
