"""Sentence alignment of one document pair: features, a coarse-to-fine ragged band, the DP, evidence
for doubtful merges, confidences."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

import numpy as np

from align.align import dp
from align.align.band import BandGains
from align.align.config import AlignConfig
from align.align.evidence import RealWindows
from align.align.features import bead_features
from align.align.scoring import BandCosines, Sides, bead_gains, cosine_scale
from align.errors import AlignError
from align.records import Bead

Embed = Callable[[list[str]], np.ndarray]


def align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, config: AlignConfig | None = None, *,
                    embed: Embed | None = None) -> list[Bead]:
    """Align two sentence sequences given their L2-normalised embeddings.

    ``embed`` (texts -> L2-normalised vectors, the model that made the sentence vectors) lets the
    core embed the real text of a many-to-many window where the sum of sentence vectors leaves the
    choice in doubt; without it, windows are scored by sums only and no model is called.
    Returns monotonic beads covering every sentence exactly once; ``Bead.score`` is a confidence in
    [0, 1]; a matched bead's ``features`` hold the evidence the calibrated confidence reads
    (`align.align.features`).
    """
    config = config or AlignConfig()
    n, m = len(src_texts), len(tgt_texts)
    if len(src_vecs) != n or len(tgt_vecs) != m:
        raise AlignError(f"{len(src_vecs)}/{len(tgt_vecs)} vectors for {n}/{m} sentences")
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [Bead((), (j,), 1.0) for j in range(m)]
    types = dp.bead_types(config.max_align, config.allow_null)
    sides = Sides.build(src_vecs, tgt_vecs, src_texts, tgt_texts, config.scoring)
    lo, hi = _band(sides, config)
    # the length ratio to expect is the one of the sentences the vectors alone pair: a whole-document
    # ratio is skewed by unmatched stretches (and then skews the path it would be measured on)
    unmeasured = replace(config.scoring, length_weight=0.0)
    cosines = BandCosines.build(sides, types, lo, hi)  # both passes differ only in the length term
    ratio = _matched_ratio(dp.best_path(bead_gains(sides, types, lo, hi, unmeasured, cosines=cosines), types, lo, hi),
                           types, sides)
    gains = bead_gains(sides, types, lo, hi, config.scoring, ratio, cosines)
    steps = dp.best_path(gains, types, lo, hi)
    band = BandGains(gains, types, lo, hi)
    if embed is not None:
        evidence = RealWindows(sides, src_texts, tgt_texts, embed, config)
        for _ in range(config.reembed_rounds):
            if not evidence.rescore(steps, band, types):
                break
            steps = dp.best_path(gains, types, lo, hi)
    features = bead_features(steps, band, types, sides, config.scoring, ratio)
    return [replace(bead, features=found)
            for bead, found in zip(_beads_with_confidence(steps, band, types, config), features)]


def _matched_ratio(steps, types, sides: Sides) -> float:
    """Target characters per source character over the matched beads of a path."""
    i, j, k = steps.T
    a, b = types[k, 0], types[k, 1]
    matched = (a > 0) & (b > 0)
    # lengths are whole numbers, so these float64 sums are exact in any order
    src_chars = np.concatenate([[0.0], np.cumsum(sides.src_len)])
    tgt_chars = np.concatenate([[0.0], np.cumsum(sides.tgt_len)])
    src_total = float((src_chars[i] - src_chars[i - a])[matched].sum())
    tgt_total = float((tgt_chars[j] - tgt_chars[j - b])[matched].sum())
    return max(tgt_total, 1.0) / max(src_total, 1.0)


def _confidence(evidence: np.ndarray, config: AlignConfig) -> np.ndarray:
    """Map per-sentence evidence (scaled margin above chance) to [0, 1]."""
    odds = np.clip((evidence - config.confidence_centre) / config.confidence_scale, -50.0, 50.0)
    return 1.0 / (1.0 + np.exp(-odds))


def _beads_with_confidence(steps, band: BandGains, types, config: AlignConfig) -> list[Bead]:
    """Beads of the path with confidences: for a matched bead, that it is a translation; for a
    1-0 / 0-1 bead, that its sentence has no counterpart (it matches neither neighbouring sentence
    of the other side, where the path would have to pair it)."""
    params = config.scoring
    pairs = [tuple(t) for t in types.tolist()]

    def one_one_gain(i: int, j: int) -> float:
        found = band.gain(1, 1, i, j) if i > 0 and j > 0 else None
        return -1e30 if found is None else found

    beads = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        src, tgt = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            score = _confidence(band.gain(a, b, i, j) / (a + b) ** params.size_exponent + params.threshold, config)
        else:
            near = [one_one_gain(i, j), one_one_gain(i, j + 1) if a else one_one_gain(i + 1, j)]
            best = max(max(near), -1e3) / 2**params.size_exponent + params.threshold
            score = 1.0 - _confidence(best, config)
        beads.append(Bead(src, tgt, round(float(score), 4)))
    return beads


def _band(sides: Sides, config: AlignConfig) -> tuple[np.ndarray, np.ndarray]:
    """The whole grid for small documents, else a ragged band around the path of a coarser alignment."""
    n, m = len(sides.src_vecs), len(sides.tgt_vecs)
    if (n + 1) * (m + 1) <= config.full_cells:
        return dp.full_band(n, m)
    factor = config.coarse_factor
    src_blocks, tgt_blocks = _blocks(sides.src_vecs, factor), _blocks(sides.tgt_vecs, factor)
    n_blocks, m_blocks = len(src_blocks), len(tgt_blocks)
    coarse = Sides(
        src_blocks, tgt_blocks,
        _block_sums(sides.src_len, factor), _block_sums(sides.tgt_len, factor),
        np.zeros(n_blocks, dtype=np.uint64), np.zeros(m_blocks, dtype=np.uint64),  # no anchors,
        np.zeros(n_blocks), np.zeros(m_blocks), np.zeros(n_blocks), np.zeros(m_blocks),  # no void or continued blocks
        cosine_scale(src_blocks, tgt_blocks, config.scoring.scale_floor),
        np.zeros(src_blocks.shape[1]), np.zeros(tgt_blocks.shape[1]),
    )
    # blocks need only a rough path; free skips keep one always possible, and a pair of blocks must
    # beat chance (so the blocks of a long insertion are skipped, not paired with their neighbours).
    # Block boundaries cut translations anywhere, so block lengths need not match: no length term
    coarse_config = replace(config, max_align=3, allow_null=True,
                            scoring=replace(config.scoring, length_weight=0.0, null_cost=0.0, threshold=0.0))
    coarse_types = dp.bead_types(3)
    clo, chi = _band(coarse, coarse_config)
    steps = dp.best_path(bead_gains(coarse, coarse_types, clo, chi, coarse_config.scoring), coarse_types, clo, chi)
    rows = [0]
    cols = [0]
    corner = (0, 0)  # end of the last coarse bead that matched blocks on both sides
    for i, j, k in steps.tolist():
        a, b = coarse_types[k]
        if i - corner[0] > config.skip_square or j - corner[1] > config.skip_square:
            corner = (i - a, j - b)  # a long skipped stretch: its edges only, to bound the band
        # every fine cell from that corner to this bead's end may lie on the path: a short run of
        # skipped blocks (1-0 then 0-1) spans the whole square, not just its two edges
        r0, r1 = min(corner[0] * factor, n), min(i * factor, n)
        c0, c1 = min(corner[1] * factor, m), min(j * factor, m)
        rows += [r0, r1, r0, r1]
        cols += [c0, c1, c1, c0]
        if a and b:
            corner = (i, j)
    rows.append(n)
    cols.append(m)
    return dp.band_around(np.array(rows), np.array(cols), n, m, config.band_margin)


def _blocks(vecs: np.ndarray, factor: int) -> np.ndarray:
    """Normalised sums of consecutive blocks of ``factor`` vectors (the last block may be shorter)."""
    starts = np.arange(0, len(vecs), factor)
    sums = np.add.reduceat(vecs.astype(np.float64), starts, axis=0)
    return (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _block_sums(values: np.ndarray, factor: int) -> np.ndarray:
    return np.add.reduceat(values, np.arange(0, len(values), factor))


__all__ = ["AlignConfig", "align_sentences"]
