"""Set the alignment core's constants by cross-validation across development sets and geometries.

Every (set, geometry) pair is one task: the sets of benchmarks/devsets.py (EN-ID clean and hard,
Text+Berg dev, natural many-to-many EN-ID) under raw, centred and whitened bundled-model vectors.
Folds leave one set out (all its geometries): a coordinate search over a small grid per constant
maximises the mean strict F1 of the training tasks, then the held-out set is scored with the
constants chosen. Finally the search runs on every set; those constants are the defaults in
align/align/scoring.py (ScoreParams) and align/align/config.py (confidence centre and scale,
fitted by logistic regression of bead correctness on bead evidence, pooled over every task).

The search scores windows by sums of sentence vectors (no re-embedding), so the model is called
only to fill the embedding cache under outputs/devsets/ on a first run. It starts from the
defaults in the code and stops after a pass over GRID that changes nothing (or ``--rounds``
passes), so the defaults it prints are a fixed point of a rerun. A last step sets
``AlignConfig.doubt_margin`` (which merges embed their real text) on the raw-vector tasks with the
bundled model, through the on-disk embedding cache (``--doubt-only`` runs that step alone on the
constants of the last tune.json).

    python benchmarks/tune.py [--rounds 2] [--jobs 2] [--sets ...] [--geometries raw,centred,whitened]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.align import AlignConfig, align_sentences  # noqa: E402
from align.align.scoring import ScoreParams  # noqa: E402
from align.atomic import atomic_open  # noqa: E402
from align.evaluate import score_alignments  # noqa: E402
from benchmarks.devsets import GEOMETRIES, SETS, SHARED, embeddings, load_set, reshape  # noqa: E402

OUT = REPO / "outputs" / "benchmarks"

# The grid each constant is searched over (coordinate search, in this order). The threshold stops at
# -2: below it a pair of unrelated sentences (margin 0) is worth so much more than two 1-0/0-1 beads
# that a long one-sided insertion gets paired with its neighbours (tests/test_sentalign.py).
GRID = {
    "threshold": [-2.0, -1.5, -1.0, -0.5],
    "merge_penalty": [1.0, 1.5, 2.0, 3.0],
    "size_exponent": [0.8, 0.85, 0.9, 0.95],
    "length_weight": [0.1, 0.3, 0.6],
    "anchor_weight": [0.1, 0.3, 0.6],
    "continuation_penalty": [0.0, 0.6, 1.5],
    "null_cost": [0.0, 0.5, 1.0],
    "centre_prior": [0.0, 4.0],
    "scale_floor": [0.02, 0.05],
}


class Task:
    """One (set, geometry): documents, gold beads and vectors."""

    def __init__(self, set_name: str, geometry: str, docs, vectors) -> None:
        self.set_name, self.geometry = set_name, geometry
        self.docs, self.vectors = docs, vectors

    @property
    def name(self) -> str:
        return f"{self.set_name}/{self.geometry}"

    def align(self, config: AlignConfig) -> list:
        return [align_sentences(sv, tv, src, tgt, config) for (_, src, tgt, _), (sv, tv) in zip(self.docs, self.vectors)]

    def score(self, config: AlignConfig) -> dict:
        return score_alignments([gold for *_, gold in self.docs], self.align(config))


def load_tasks(sets: list[str], geometries: list[str], shared: Path) -> list[Task]:
    from align.embed import load_encoder

    encoder = _Lazy(lambda: load_encoder("bundled"))
    tasks = []
    for set_name in sets:
        docs = load_set(set_name, shared / "data")
        cached = embeddings(set_name, docs, encoder)
        for geometry in geometries:
            tasks.append(Task(set_name, geometry, docs, reshape(cached, geometry)))
    return tasks


class _Lazy:
    """An encoder loaded only if the embedding cache misses, and then once."""

    def __init__(self, make) -> None:
        self.make, self.loaded = make, None

    def encode(self, texts):
        self.loaded = self.loaded or self.make()
        return self.loaded.encode(texts)


def objective(tasks: list[Task], params: ScoreParams) -> float:
    """Mean strict F1 over the tasks."""
    config = AlignConfig(scoring=params)
    return float(np.mean([t.score(config)["f1_strict"] for t in tasks]))


def search(tasks: list[Task], start: ScoreParams, rounds: int) -> tuple[ScoreParams, float, list[str]]:
    """Coordinate search over GRID from ``start``, keeping a change only when it helps; returns the
    constants, their mean training F1 and a trace of the search."""
    trace: list[str] = []
    best, best_value = start, objective(tasks, start)
    for _ in range(rounds):
        changed = False
        for name, values in GRID.items():
            for value in values:
                if value == getattr(best, name):
                    continue
                candidate = replace(best, **{name: value})
                score = objective(tasks, candidate)
                if score > best_value + 1e-6:
                    best, best_value, changed = candidate, score, True
            trace.append(f"    {name} = {getattr(best, name)}  (train F1 {best_value:.4f})")
        if not changed:
            break
    return best, best_value, trace


def fit_confidence(tasks: list[Task], params: ScoreParams) -> tuple[float, float]:
    """Centre and scale of the confidence: a logistic regression of 'this matched bead is a gold
    bead' on the bead's per-sentence evidence, pooled over the tasks."""
    unit = 10.0  # a wide confidence scale, so rounded confidences keep the evidence
    config = AlignConfig(scoring=params, confidence_centre=0.0, confidence_scale=unit)
    xs, ys = [], []
    for task in tasks:
        for (*_, gold), pred in zip(task.docs, task.align(config)):
            gold_set = {(b.src, b.tgt) for b in gold}
            for bead in pred:
                if bead.src and bead.tgt:
                    p = min(max(bead.score, 1e-6), 1 - 1e-6)
                    xs.append(unit * np.log(p / (1 - p)))  # the evidence, recovered from the confidence
                    ys.append((bead.src, bead.tgt) in gold_set)
    x, y = np.array(xs), np.array(ys, dtype=float)
    w, c = 1.0, 0.0  # logit = w * x + c
    for _ in range(50):  # Newton steps on the log-likelihood
        p = 1 / (1 + np.exp(-(w * x + c)))
        grad = np.array([((y - p) * x).sum(), (y - p).sum()])
        s = p * (1 - p) + 1e-9
        hess = -np.array([[(s * x * x).sum(), (s * x).sum()], [(s * x).sum(), s.sum()]]) - 1e-6 * np.eye(2)
        w, c = np.array([w, c]) - np.linalg.solve(hess, grad)
    w = max(w, 1e-3)
    return round(float(-c / w), 3), round(float(1 / w), 3)


DOUBT_GRID = [0.5, 1.0, 2.0, 4.0]


def fit_doubt(tasks: list[Task], params: ScoreParams, log) -> float:
    """The doubt margin with the best mean strict F1 on the raw-vector tasks, re-embedding with the
    bundled model (extra texts per sentence printed alongside)."""
    from align.embed import load_encoder

    encoder = load_encoder("bundled")
    raw = [t for t in tasks if t.geometry == "raw"]
    sentences = sum(len(s) + len(t) for task in raw for _, s, t, _ in task.docs)
    best, best_f1 = DOUBT_GRID[0], -1.0
    for margin in DOUBT_GRID:
        asked: list[str] = []

        def embed(texts):
            asked.extend(texts)
            return encoder.encode(texts)

        config = AlignConfig(scoring=params, doubt_margin=margin)
        f1 = {}
        for task in raw:
            pred = [align_sentences(sv, tv, src, tgt, config, embed=embed)
                    for (_, src, tgt, _), (sv, tv) in zip(task.docs, task.vectors)]
            f1[task.set_name] = round(score_alignments([gold for *_, gold in task.docs], pred)["f1_strict"], 4)
        mean = float(np.mean(list(f1.values())))
        log(f"  doubt_margin {margin}: strict F1 {json.dumps(f1)} mean {mean:.4f}, "
            f"extra texts per sentence {len(asked) / sentences:.3f}")
        if mean > best_f1 + 1e-6:
            best, best_f1 = margin, mean
    return best


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--geometries", default=",".join(GEOMETRIES))
    parser.add_argument("--rounds", type=int, default=2, help="coordinate-search passes over GRID")
    parser.add_argument("--jobs", type=int, default=2, help="searches run in parallel (one process each)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--doubt-only", action="store_true", help="only set doubt_margin, on the last tune.json")
    args = parser.parse_args(argv)
    started = time.time()
    sets, geometries = args.sets.split(","), args.geometries.split(",")
    tasks = load_tasks(sets, geometries, args.shared)
    lines: list[str] = []

    def log(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    if args.doubt_only:
        result = json.loads((OUT / "tune.json").read_text(encoding="utf-8"))
        log("doubt margin (re-embedding) on the final constants")
        result["final"]["doubt_margin"] = fit_doubt(tasks, ScoreParams(**result["final"]["params"]), log)
        log(f"final doubt_margin {result['final']['doubt_margin']}")
        with atomic_open(OUT / "tune.json") as handle:
            json.dump(result, handle, indent=1)
        with open(OUT / "tune.log", "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        return result

    start = ScoreParams()
    searches = [[t for t in tasks if t.set_name != held] for held in sets] + [tasks]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        found = pool.starmap(search, [(train, start, args.rounds) for train in searches])
    folds = []
    for held, (params, train_f1, trace) in zip(sets, found):
        log(f"fold: hold out {held}")
        for line in trace:
            log(line)
        held_f1 = {t.geometry: round(t.score(AlignConfig(scoring=params))["f1_strict"], 4)
                   for t in tasks if t.set_name == held}
        log(f"  chosen {json.dumps(asdict(params))}")
        log(f"  held-out {held} strict F1 {held_f1}  (train mean {train_f1:.4f})")
        folds.append({"held_out": held, "params": asdict(params), "train_f1": round(train_f1, 4),
                      "held_out_f1": held_f1})
    params, all_f1, trace = found[-1]
    log("fit on all sets")
    for line in trace:
        log(line)
    centre, scale = fit_confidence(tasks, params)
    final = {t.name: round(t.score(AlignConfig(scoring=params))["f1_strict"], 4) for t in tasks}
    log(f"final ScoreParams {json.dumps(asdict(params))}")
    log(f"final confidence_centre {centre} confidence_scale {scale}")
    log("doubt margin (re-embedding) on the final constants")
    doubt = fit_doubt(tasks, params, log)
    log(f"final doubt_margin {doubt}")
    log(f"final strict F1 (tuned on these) {json.dumps(final)}")
    result = {"folds": folds, "final": {"params": asdict(params), "confidence_centre": centre,
                                        "confidence_scale": scale, "doubt_margin": doubt, "f1_strict": final},
              "seconds": round(time.time() - started, 1)}
    with atomic_open(OUT / "tune.json") as handle:
        json.dump(result, handle, indent=1)
    with atomic_open(OUT / "tune.log") as handle:
        handle.write("\n".join(lines) + "\n")
    return result


if __name__ == "__main__":
    main()
