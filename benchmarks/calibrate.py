"""Fit the calibrated confidence of exported segment pairs and its default threshold.

Builds labelled beads from the development sets in ../shared/data/enid-sent-dev: every document of
the clean and hard variants is aligned by `align`'s own core (embeddings through the usual disk
cache), and a bead with text on both sides is *correct* when it is exactly a gold bead. A planted
copy of each set adds wrong pairs of the kind users meet: in every document one sentence is replaced
by an unrelated sentence of another document (the Indonesian side in even documents, the English
side in odd ones), and a bead holding it is wrong. A logistic regression (scikit-learn) per bead
group (1-1, other n-m) maps the standardised feature record the core gives each bead
(`align.align.features`) to P(correct); a curve on the raw score's log-odds per group is kept for
beads recorded without features.

The default threshold is the lowest calibrated confidence at which the exported beads are at least
``--precision`` correct, judged on out-of-fold confidences (folds group all copies of a document,
so no document is scored by a fit that saw it). Figures per fold and per set are printed and stored
with the coefficients in ``align/data/calibration.json``; outputs/benchmarks/calibration.md holds
the table. These figures come from the data the calibration is fit on.

    python benchmarks/calibrate.py [--model bundled] [--precision 0.99] [--shared ../shared]

Rerun it whenever the core's bead scores change: the stored calibration is tied to the model name
and the align version it was fit with.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align import __version__  # noqa: E402
from align.align import AlignConfig, align_sentences  # noqa: E402
from align.align.features import FEATURES  # noqa: E402
from align.atomic import atomic_open  # noqa: E402
from align.embed import load_encoder  # noqa: E402
from align.embed.base import model_version  # noqa: E402
from align.export.calibration import (  # noqa: E402
    CALIBRATION_FILE, GROUPS, Z_CLIP, Calibration, FeatureModel, bead_group, log_odds)
from benchmarks.devsets import SHARED, load_set  # noqa: E402

OUT = REPO / "outputs" / "benchmarks"
# what the regression reads: the record without the bead size (the groups split by it, and within
# the n-m group the development beads are nearly all of one size, so it would only extrapolate)
MODEL_FEATURES = tuple(name for name in FEATURES if name != "size")
PLANT_SEED = 16  # which sentence is replaced, and by which foreign sentence
FOLDS = 5


@dataclass
class LabelledBead:
    set_name: str
    stem: str
    group: str
    raw: float
    correct: bool
    features: dict | None


def plant(docs: list, seed: int) -> list[tuple[str, list[str], list[str], list, tuple[int, int]]]:
    """Each document with one sentence replaced by a sentence of another document of the same set.

    Returns (stem, en, id, gold, (side, index)) with side 0 = English, 1 = Indonesian.
    """
    rng = random.Random(seed)
    planted = []
    for k, (stem, en, ind, gold) in enumerate(docs):
        side = 1 if k % 2 == 0 else 0
        sides = [list(en), list(ind)]
        own = set(sides[side])
        donor = rng.choice([d for d in docs if d[0] != stem])
        foreign = rng.choice([s for s in (donor[1], donor[2])[side] if s not in own])
        index = rng.randrange(len(sides[side]))
        sides[side][index] = foreign
        planted.append((stem, sides[0], sides[1], gold, (side, index)))
    return planted


def label_beads(set_name: str, docs, encoder, max_align: int) -> list[LabelledBead]:
    """Align every document and label each bead with text on both sides."""
    labelled = []
    for stem, en, ind, gold, *mark in docs:
        beads = align_sentences(encoder.encode(en), encoder.encode(ind), en, ind, AlignConfig(max_align=max_align),
                                embed=encoder.encode)
        truth = {(b.src, b.tgt) for b in gold}
        for bead in beads:
            if not bead.src or not bead.tgt:
                continue
            planted = bool(mark) and mark[0][1] in (bead.src, bead.tgt)[mark[0][0]]
            labelled.append(LabelledBead(set_name, stem, bead_group(bead.kind), bead.score,
                                         (bead.src, bead.tgt) in truth and not planted, bead.features))
    return labelled


def fit_curves(rows: list[LabelledBead]) -> dict:
    """One logistic curve per bead group: (slope, intercept) on the raw score's log-odds."""
    from sklearn.linear_model import LogisticRegression

    curves = {}
    for group in GROUPS:
        part = [r for r in rows if r.group == group]
        model = LogisticRegression(C=1.0).fit([[log_odds(r.raw)] for r in part], [r.correct for r in part])
        curves[group] = (round(float(model.coef_[0][0]), 6), round(float(model.intercept_[0]), 6))
    return curves


def fit_models(rows: list[LabelledBead]) -> dict:
    """One logistic regression per bead group over the standardised feature record."""
    from sklearn.linear_model import LogisticRegression

    models = {}
    for group in GROUPS:
        part = [r for r in rows if r.group == group]
        X = np.array([[r.features[name] for name in MODEL_FEATURES] for r in part], dtype=np.float64)
        mean, scale = X.mean(axis=0), X.std(axis=0)
        scale[scale < 1e-9] = 1.0
        z = np.clip((X - mean) / scale, -Z_CLIP, Z_CLIP)
        model = LogisticRegression(C=1.0, max_iter=1000).fit(z, [r.correct for r in part])
        models[group] = FeatureModel(MODEL_FEATURES, tuple(round(float(x), 6) for x in mean),
                                     tuple(round(float(x), 6) for x in scale),
                                     tuple(round(float(x), 6) for x in model.coef_[0]),
                                     round(float(model.intercept_[0]), 6))
    return models


def fit(rows: list[LabelledBead]) -> Calibration:
    """The calibration (threshold still unset) fit on ``rows``."""
    return Calibration("", "", fit_curves(rows), 0.0, {}, fit_models(rows))


def apply(calibration: Calibration, rows: list[LabelledBead]) -> np.ndarray:
    return np.array([calibration.confidence(r.raw, "1-1" if r.group == "1-1" else "2-1", r.features) for r in rows])


def lowest_threshold(confidence: np.ndarray, correct: np.ndarray, precision: float) -> float:
    """The lowest threshold (0.01 steps) at which the beads kept are at least ``precision`` correct."""
    for threshold in np.round(np.arange(0.0, 1.0, 0.01), 2):
        kept = confidence >= threshold
        if kept.any() and correct[kept].mean() >= precision:
            return float(threshold)
    return 0.99


def figures(confidence: np.ndarray, correct: np.ndarray, threshold: float) -> dict:
    """Precision of the kept beads, and the share of correct beads lost, at ``threshold``."""
    kept = confidence >= threshold
    return {"beads": int(len(correct)), "wrong": int((~correct).sum()), "kept": int(kept.sum()),
            "precision": round(float(correct[kept].mean()) if kept.any() else 1.0, 4),
            "correct_lost": round(float((correct & ~kept).sum() / max(correct.sum(), 1)), 4),
            "wrong_kept": int((~correct & kept).sum())}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--max-align", type=int, default=5)
    parser.add_argument("--precision", type=float, default=0.99, help="Target share of correct exported pairs.")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    args = parser.parse_args(argv)
    encoder = load_encoder(args.model, cache_dir=args.cache_dir)

    rows: list[LabelledBead] = []
    for variant in ("clean", "hard"):
        docs = load_set(f"enid-{variant}", args.shared / "data")
        rows += label_beads(variant, docs, encoder, args.max_align)
        rows += label_beads(f"{variant}+planted", plant(docs, PLANT_SEED), encoder, args.max_align)
        print(f"{variant}: {len(rows)} beads so far", file=sys.stderr, flush=True)

    stems = sorted({r.stem for r in rows})
    fold_of = {stem: k % FOLDS for k, stem in enumerate(random.Random(PLANT_SEED).sample(stems, len(stems)))}
    out_of_fold, curves_only = np.zeros(len(rows)), np.zeros(len(rows))
    for fold in range(FOLDS):
        train = [r for r in rows if fold_of[r.stem] != fold]
        test = [rows[i] for i, r in enumerate(rows) if fold_of[r.stem] == fold]
        index = [i for i, r in enumerate(rows) if fold_of[r.stem] == fold]
        fitted = fit(train)
        out_of_fold[index] = apply(fitted, test)
        curves_only[index] = apply(fitted, [replace(r, features=None) for r in test])
    correct = np.array([r.correct for r in rows])
    threshold = lowest_threshold(out_of_fold, correct, args.precision)

    report = {"threshold": threshold, "pooled (out of fold)": figures(out_of_fold, correct, threshold)}
    for fold in range(FOLDS):
        mask = np.array([fold_of[r.stem] == fold for r in rows])
        report[f"fold {fold + 1}"] = figures(out_of_fold[mask], correct[mask], threshold)
    for name in sorted({r.set_name for r in rows}):
        mask = np.array([r.set_name == name for r in rows])
        report[f"set {name}"] = figures(out_of_fold[mask], correct[mask], threshold)
    raw = np.array([r.raw for r in rows])
    raw_threshold = lowest_threshold(raw, correct, args.precision)
    report["raw score alone"] = {"threshold": raw_threshold, **figures(raw, correct, raw_threshold)}
    curve_threshold = lowest_threshold(curves_only, correct, args.precision)
    report["raw-score curves (no features; out of fold)"] = {"threshold": curve_threshold,
                                                             **figures(curves_only, correct, curve_threshold)}

    final = fit(rows)
    calibration = Calibration(
        model=encoder.name, model_version=model_version(args.model), curves=final.curves, models=final.models,
        threshold=threshold,
        fit={"align": __version__, "data": "enid-sent-dev clean, hard and planted copies", "folds": FOLDS,
             "target_precision": args.precision, "max_align": args.max_align, "figures": report},
    )
    with atomic_open(args.out) as handle:
        handle.write(json.dumps(calibration.to_json(), indent=1) + "\n")
    markdown = render(calibration, report)
    with atomic_open(OUT / "calibration.md") as handle:
        handle.write(markdown)
    print(markdown)
    return report


def render(calibration: Calibration, report: dict) -> str:
    lines = ["# Calibrated confidence of exported pairs", "",
             f"Model `{calibration.model}`; logistic regression per bead group ({', '.join(GROUPS)}) over the "
             f"features {', '.join(MODEL_FEATURES)}; default threshold "
             f"**{calibration.threshold:.2f}** (lowest with out-of-fold precision >= "
             f"{calibration.fit['target_precision']}). Figures on the data the calibration is fit on.", "",
             "| part | beads | wrong | kept | precision | correct lost | wrong kept |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, f in report.items():
        if isinstance(f, dict):
            label = f"{name} (threshold {f['threshold']:.2f})" if "threshold" in f else name
            lines.append(f"| {label} | {f['beads']} | {f['wrong']} | {f['kept']} | {f['precision']:.4f} "
                         f"| {f['correct_lost']:.4f} | {f['wrong_kept']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
