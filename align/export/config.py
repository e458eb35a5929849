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
    max_length_ratio: float | None = 3.0  # character-length ratio above which a segment pair is dropped
    report_pairs: int = 15  # lowest-scoring document pairs shown in the report
    report_beads: int = 25  # lowest-scoring beads shown in the report
