"""Tunables of sentence alignment: the bead types, the search band, re-embedding and the scoring
constants (the scoring and confidence constants are set by benchmarks/tune.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from align.align.scoring import ScoreParams


@dataclass(frozen=True)
class AlignConfig:
    """Settings of the align stage."""

    max_align: int = 5  # largest bead size x+y
    allow_null: bool = True  # allow 1-0 / 0-1 beads (sentences without a counterpart)
    full_cells: int = 100_000  # grids up to this many cells are searched whole; larger ones coarse-to-fine
    band_margin: int = 8  # sentences either side of the coarse path searched at the fine level
    coarse_factor: int = 8  # sentences per block one level up
    skip_square: int = 3  # coarse blocks per side a run of skips may span and still be searched whole
    confidence_centre: float = -17.748  # per-sentence evidence (scaled margin above chance) scored 0.5
    confidence_scale: float = 5.976  # evidence units per e-fold of the confidence odds
    doubt_margin: float = 1.0  # a merge on the path a split comes this close to embeds its real text (if an encoder is given)
    max_windows_share: float = 0.3  # at most this many re-embedded windows per sentence of the document
    reembed_rounds: int = 3  # DP reruns after rescoring doubtful windows, each looking at the new path
    scoring: ScoreParams = field(default_factory=ScoreParams)
