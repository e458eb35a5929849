"""`align eval`: score bead files against gold beads, or an `align run` folder against a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

import typer

from align.errors import InputError
from align.export.beads import read_beads
from align.evaluate.metrics import score_alignments
from align.evaluate.run import evaluate_run, load_gold_dataset

GOLD_SUFFIX = ".gold"
PRED_SUFFIXES = (".align", ".pred", ".beads")


def eval_command(
    pred: Path = typer.Argument(..., help="Bead file, folder of *.align bead files, or (with --gold-dataset) "
                                          "an 'align run' output folder."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold bead file, or folder of *.gold files "
                                                           "matched to PRED's files by stem."),
    gold_dataset: Optional[Path] = typer.Option(None, "--gold-dataset", help="Gold set folder like "
                                                "../shared/data/eval-dev: score a run's document and sentence pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Score alignments against gold: Vecalign's strict/lax P/R/F1 per bead file set, or end to end.

    Examples:

      align eval --gold ../shared/data/enid-sent-dev/hard predictions/

      align eval --gold-dataset ../shared/data/eval-dev outputs/eval-dev
    """
    if (gold is None) == (gold_dataset is None):
        raise InputError("align eval: give exactly one of --gold (bead files) or --gold-dataset (run folder)")
    if gold is not None:
        report = score_bead_files(gold, pred)
        typer.echo(json.dumps(report, indent=2) if as_json else format_bead_report(report))
    else:
        report = {"gold_dataset": str(gold_dataset), "run": str(pred),
                  **evaluate_run(load_gold_dataset(gold_dataset), pred)}
        typer.echo(json.dumps(report, indent=2) if as_json else format_run_report(report))


def matched_files(gold: Path, pred: Path) -> list[tuple[Path, Path]]:
    """(gold, prediction) file pairs: two files, or two folders matched by file stem."""
    for path in (gold, pred):
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    if gold.is_file() and pred.is_file():
        return [(gold, pred)]
    if not (gold.is_dir() and pred.is_dir()):
        raise InputError(f"{pred}: give two bead files or two folders (gold {gold} is a "
                         f"{'folder' if gold.is_dir() else 'file'})")
    gold_files = sorted(gold.glob(f"*{GOLD_SUFFIX}"))
    if not gold_files:
        raise InputError(f"{gold}: folder holds no *{GOLD_SUFFIX} files")
    preds = {p.stem: p for p in sorted(pred.iterdir()) if p.suffix in PRED_SUFFIXES}
    missing = [g.stem for g in gold_files if g.stem not in preds]
    if missing:
        raise InputError(f"{pred}: no prediction ({'/'.join(PRED_SUFFIXES)}) for {len(missing)} of "
                         f"{len(gold_files)} gold files, e.g. {missing[0]}")
    return [(g, preds[g.stem]) for g in gold_files]


def score_bead_files(gold: Path, pred: Path) -> dict:
    """Vecalign's pooled scores over matched bead files, with per-type counts."""
    files = matched_files(gold, pred)
    gold_docs = [read_beads(g) for g, _ in files]
    pred_docs = [read_beads(p) for _, p in files]
    return {"gold": str(gold), "pred": str(pred), "documents": len(files),
            **score_alignments(gold_docs, pred_docs)}


def _prf_table(rows: Sequence[tuple[str, float, float, float]], first: str) -> list[str]:
    width = max(len(first), *(len(r[0]) for r in rows))
    lines = [f"{first:<{width}}  precision  recall      f1"]
    lines += [f"{name:<{width}}  {p:9.4f}  {r:6.4f}  {f:6.4f}" for name, p, r, f in rows]
    return lines


def format_bead_report(report: dict) -> str:
    lines = [f"gold {report['gold']} | pred {report['pred']} | {report['documents']} document(s)", ""]
    lines += _prf_table([
        ("strict", report["precision_strict"], report["recall_strict"], report["f1_strict"]),
        ("lax", report["precision_lax"], report["recall_lax"], report["f1_lax"]),
        ("null beads (1-0/0-1)", report["null_precision"], report["null_recall"], report["null_f1"]),
    ], "beads")
    lines += ["", f"{'type':<6}{'gold':>7}{'pred':>7}{'exact':>7}{'recall':>9}{'precision':>11}"]
    lines += [f"{kind:<6}{v['gold']:>7}{v['predicted']:>7}{v['exact']:>7}{v['recall']:>9.4f}{v['precision']:>11.4f}"
              for kind, v in report["per_kind"].items()]
    return "\n".join(lines)


def format_run_report(report: dict) -> str:
    lines = [f"gold set {report['gold_dataset']} | run {report['run']}", ""]
    docs = report.get("documents")
    if docs:
        lines += _prf_table([("document pairs", docs["precision"], docs["recall"], docs["f1"])], "documents")
        lines += [f"  {docs['correct']} of {docs['predicted']} predicted pairs correct, {docs['gold']} gold pairs; "
                  f"{docs['gold_unpaired_left_unpaired']} of {docs['gold_unpaired']} gold-unpaired articles left "
                  f"unpaired; {docs['articles_mapped']} of {docs['articles']} run articles mapped onto gold", ""]
    rows = []
    for key, name in (("alignments", "all beads (alignments.jsonl)"), ("corpus", "exported (corpus.tsv)")):
        if key in report:
            s = report[key]
            rows.append((f"{name} strict", s["precision_strict"], s["recall_strict"], s["f1_strict"]))
            rows.append((f"{name} lax", s["precision_lax"], s["recall_lax"], s["f1_lax"]))
    if rows:
        lines += _prf_table(rows, "sentence pairs")
        for key in ("alignments", "corpus"):
            if key in report:
                s = report[key]
                src, tgt = s["langs"]
                lines.append(f"  {key}: {s['rows']} pairs, {s['rows_correct']} exactly a gold bead; text not found "
                             f"in gold: {s['rows_unmapped_src']} {src}, {s['rows_unmapped_tgt']} {tgt}")
    return "\n".join(lines)
