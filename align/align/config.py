"""Tunables of sentence alignment: the bead types, the search band and the scoring constants."""

from __future__ import annotations

from dataclasses import dataclass, field

from align.align.scoring import ScoreParams


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the align stage."""

    max_align: int = 5  # largest bead size x+y
    full_cells: int = 1_000_000  # grids up to this many cells are searched whole; larger ones coarse-to-fine
    band_margin: int = 8  # sentences either side of the coarse path searched at the fine level
    coarse_factor: int = 8  # sentences per block one level up
    skip_square: int = 3  # coarse blocks per side a run of skips may span and still be searched whole
    confidence_centre: float = 0.01  # per-sentence evidence (margin above chance) scored 0.5
    confidence_scale: float = 0.01
    scoring: ScoreParams = field(default_factory=ScoreParams)
