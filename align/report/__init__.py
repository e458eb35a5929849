"""Run reports: report.md and a self-contained report.html written at the end of every `align run`."""

from __future__ import annotations

import os
from pathlib import Path

from align.atomic import atomic_open
from align.report.figures import Chart, bars, histogram
from align.report.html import render_html
from align.report.markdown import render_markdown
from align.report.summary import Summary, summarize
from align.result import RunResult


def charts(summary: Summary) -> list[Chart]:
    """The report's figures: document-pair scores, bead scores, time per stage."""
    figures = [
        histogram({"document pairs": summary.pair_scores}, "Document pair scores", "pair score"),
        histogram(summary.bead_scores, "Bead scores (beads with text on both sides)", "bead score"),
    ]
    if summary.timings:
        names, seconds = zip(*(row for row in summary.timings if row[0] != "total"))
        figures.append(bars(names, seconds, "Time per stage", "seconds"))
    return figures


def write_reports(result: RunResult, outdir: str | os.PathLike) -> list[str]:
    """Write report.md and report.html into ``outdir`` (atomically); return the paths written."""
    summary = summarize(result)
    outdir = Path(outdir)
    written = []
    for name, text in (("report.md", render_markdown(summary)), ("report.html", render_html(summary, charts(summary)))):
        with atomic_open(outdir / name) as handle:
            handle.write(text)
        written.append(str(outdir / name))
    return written
