"""Tunables of the export stage (filters of the exported corpus) and of the report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportConfig:
    """Settings of the export stage."""

    min_score: float | None = None  # bead confidence below which a pair is not exported; None: calibrated default
    paths: str = "relative"  # how outputs name source files: relative (to the input root), absolute, name
    drop_unmatched: bool = True  # 1-0/0-1 beads stay out of TMX/TSV
    dedupe: bool = True  # repeated segment pairs merged (best score kept)
    drop_trivial: bool = True  # drop pairs with a side of no letters, or the same text on both sides
    max_length_ratio: float = 3.0  # character-length ratio above which a segment pair is dropped (0 disables)
    created: str | None = None  # fixed TMX creation date (ISO 8601) for byte-identical outputs; default now
    report_pairs: int = 15  # lowest-scoring document pairs shown in the report
    report_beads: int = 25  # lowest-scoring beads shown in the report

    def __post_init__(self) -> None:
        if self.min_score is not None and not 0.0 <= self.min_score <= 1.0:
            raise ValueError(f"min_score must lie between 0 and 1, not {self.min_score}")
        for name in ("max_length_ratio", "report_pairs", "report_beads"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, not {getattr(self, name)}")
