"""What a pipeline run produced, for the CLI summary and the run report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from align.config import Config
from align.export.calibration import Calibration
from align.records import Article, Bead, DocPair


@dataclass
class PairAlignment:
    """The sentence beads of one document pair."""

    pair: DocPair
    beads: list[Bead]


@dataclass
class RunResult:
    """Everything a run decided, plus counts and timings; outputs are already on disk."""

    config: Config
    outdir: Path
    inputs: dict[str, str]  # file path -> sha256 of its bytes
    articles: list[Article]
    pairs: list[DocPair]
    alignments: list[PairAlignment]
    removed_lines: Counter = field(default_factory=Counter)  # boilerplate rule -> lines dropped
    removed_examples: dict[str, list[str]] = field(default_factory=dict)  # rule -> a few lines it dropped
    skipped_files: dict[str, str] = field(default_factory=dict)  # file -> reason it was skipped
    filter_drops: Counter = field(default_factory=Counter)  # export filter -> segment pairs dropped
    segments_written: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    sentences_embedded: int = 0  # texts sent to the model (cache misses)
    outputs: list[str] = field(default_factory=list)  # file names written in outdir
    run_id: str = ""  # the run's id, as in manifest.json
    model_name: str = ""  # the encoder's full name (what the calibration is tied to)
    calibration: Calibration | None = None  # the calibration applied to exported scores, if any
    min_score: float = 0.0  # the export threshold applied (the calibrated default or --min-score)
    warnings: list[str] = field(default_factory=list)  # things the user should know (also in the report)

    def articles_by_lang(self) -> Counter:
        langs = getattr(self.articles, "langs", None)  # an ArticleStore knows them without reading articles
        return Counter(langs if langs is not None else (a.lang for a in self.articles))
