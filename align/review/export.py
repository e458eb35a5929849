"""`align export`: the corpus files and report of a run rewritten with the reviewer's decisions.

Reads the run's records, replays ``review.jsonl``, and hands the beads to the run's own filters and
writers (align.export) with the run's settings from ``manifest.json``: rejected beads and pairs go,
merged, split and edited beads go out as the reviewer left them, and a bead a reviewer kept passes
the score filters and carries a ``<prop type="x-review">`` in the TMX.
"""

from __future__ import annotations

import hashlib
import shutil
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from align.atomic import atomic_open, swap_in
from align.config import Config, from_dict
from align.errors import AlignError, InputError
from align.export.filters import filter_pairs
from align.export.moses import write_moses
from align.export.tmx import write_tmx
from align.export.tsv import write_tsv
from align.records import AlignedPair, Bead, DocPair
from align.result import PairAlignment, RunResult
from align.review.log import ReviewLog, now
from align.review.records import read_run
from align.review.state import ReviewState


@dataclass
class ExportSummary:
    """What `align export` wrote."""

    segments: int
    drops: Counter
    decisions: int
    stale: list[str]
    outputs: list[str]


def load_state(folder: str | Path) -> ReviewState:
    """The run in ``folder`` with every decision of its review.jsonl applied."""
    state = ReviewState(read_run(folder))
    state.replay(ReviewLog(folder).read())
    return state


def reviewed_pairs(state: ReviewState) -> Iterator[AlignedPair]:
    """Every bead of every active document pair, rejected beads left out, as a segment pair."""
    articles = state.run.articles
    for pair_state in state.pairs.values():
        if not pair_state.active:
            continue
        src, tgt = articles[pair_state.pair.src], articles[pair_state.pair.tgt]
        for bead in pair_state.beads:
            if bead.verdict != "reject":
                kind = f"{len(bead.src)}-{len(bead.tgt)}"
                yield AlignedPair(state.text(pair_state, bead, "src"), state.text(pair_state, bead, "tgt"),
                                  state.run.confidence(bead.src, bead.tgt, bead.score, bead.features), src.id, tgt.id,
                                  src.file, tgt.file, kind, bead.review)


def review_drops(state: ReviewState) -> Counter:
    """Beads the review took out: rejected ones, and those of document pairs the reviewer unpaired."""
    drops: Counter = Counter(review_reject=0, review_unpair=0)
    for pair_state in state.pairs.values():
        if pair_state.active:
            drops["review_reject"] += sum(1 for b in pair_state.beads if b.verdict == "reject")
        else:
            drops["review_unpair"] += len(pair_state.beads)
    return drops


def run_config(manifest: dict, source: str = "manifest.json") -> Config:
    """The run's settings, from the ``config`` tree its manifest records (defaults when it has none)."""
    data = manifest.get("config")
    return from_dict(data, source) if isinstance(data, dict) else Config()


def export_reviewed(folder: str | Path) -> ExportSummary:
    """Rewrite corpus.tmx/.tsv/.<src>/.<tgt>, the reports and the manifest of the run in ``folder`` with
    its review, as one set: they are written into a staging folder swapped in at the end, so a killed
    export leaves the previous set whole."""
    from align.pipeline import filter_options, open_staging

    folder = Path(folder)
    state = load_state(folder)
    config = run_config(state.run.manifest, str(folder / "manifest.json"))
    calibration = state.run.calibration
    min_score = config.export.min_score if config.export.min_score is not None else (
        calibration.threshold if calibration else 0.0)  # as `align run` chose it
    kept, drops = filter_pairs(reviewed_pairs(state), filter_options(config.export, min_score))
    drops.update(review_drops(state))
    result = _run_result(state, config, drops, 0, min_score)  # a bad manifest fails before any write
    staging = open_staging(folder)
    try:
        outputs = _write_reviewed(staging, state, config, kept, result)
        _update_manifest(staging, state, outputs, result.segments_written)
        swap_in(staging, folder, own=lambda _name: False)  # every file not rewritten carries over
    except OSError as exc:
        raise AlignError(f"{exc.filename or folder}: cannot write output ({exc.strerror or exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ExportSummary(result.segments_written, drops, state.decisions, state.stale, outputs)


def _write_reviewed(staging: Path, state: ReviewState, config: Config, kept: list[AlignedPair], result: RunResult) -> list[str]:
    """Write the corpus files and the reports into ``staging``; the names written."""
    from align.pipeline import creation_date
    from align.report import write_reports

    src_lang, tgt_lang = state.run.langs
    moses = [f"corpus.{src_lang}", f"corpus.{tgt_lang}"]
    result.segments_written = write_tmx(staging / "corpus.tmx", kept, src=src_lang, tgt=tgt_lang,
                                        created=creation_date(config.export.created))
    write_tsv(staging / "corpus.tsv", kept)
    write_moses(staging / moses[0], staging / moses[1], kept)
    reports = [Path(p).name for p in write_reports(result, staging)]
    return ["corpus.tmx", "corpus.tsv", *moses, *reports]


def _run_result(state: ReviewState, config: Config, drops: Counter, segments: int, min_score: float) -> RunResult:
    """The RunResult a report needs, rebuilt from the records, the manifest and the review."""
    alignments = [
        PairAlignment(DocPair(s.pair.src, s.pair.tgt, s.pair.score, s.pair.evidence),
                      [Bead(b.src, b.tgt, b.score, b.features) for b in s.beads if b.verdict != "reject"])
        for s in state.pairs.values() if s.active
    ]
    try:
        return _result_of_manifest(state, config, drops, segments, min_score, alignments)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"{state.run.folder / 'manifest.json'}: not the manifest of 'align run' "
                         f"({exc.__class__.__name__}: {exc})") from exc


def _result_of_manifest(state: ReviewState, config: Config, drops: Counter, segments: int, min_score: float,
                        alignments: list[PairAlignment]) -> RunResult:
    manifest = state.run.manifest
    stages = manifest.get("stages", {})
    return RunResult(
        config=config, outdir=state.run.folder,
        inputs={i["path"]: i["sha256"] for i in manifest.get("inputs", [])},
        articles=list(state.run.articles.values()), pairs=[a.pair for a in alignments], alignments=alignments,
        removed_lines=Counter(stages.get("segment", {}).get("boilerplate", {})),
        removed_examples=dict(stages.get("segment", {}).get("examples", {})),
        skipped_files={s["path"]: s["reason"] for s in manifest.get("skipped", [])},
        filter_drops=drops, segments_written=segments,
        timings=dict(stages.get("export", {}).get("timings", {})),
        sentences_embedded=int(stages.get("embed", {}).get("new", 0)),
        outputs=[o["name"] for o in manifest.get("outputs", []) if not o["name"].startswith("report.")],
        run_id=str(manifest.get("run", {}).get("id", "")), model_name=state.run.model_name,
        calibration=state.run.calibration, min_score=min_score,
    )


def _update_manifest(folder: Path, state: ReviewState, outputs: list[str], segments: int) -> None:
    """Record the export in manifest.json and refresh the hashes of the files it rewrote."""
    manifest = state.run.manifest
    if not manifest:
        return
    for entry in manifest.get("outputs", []):
        if entry.get("name") in outputs:
            entry["sha256"] = hashlib.sha256((folder / entry["name"]).read_bytes()).hexdigest()
    manifest["review"] = {"exported": now(), "decisions": state.decisions, "segments": segments,
                          **{k: v for k, v in state.counts().items() if k in ("reviewed", "changed", "rejected")}}
    with atomic_open(folder / "manifest.json") as handle:
        handle.write(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
