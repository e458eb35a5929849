"""The run report as Markdown (GitHub pipe tables)."""

from __future__ import annotations

from typing import Sequence

from align.languages import name_of
from align.report.summary import ReviewItem, Summary


def cell(value: object) -> str:
    """One table cell: floats to 4 decimals, no pipes or newlines."""
    text = f"{value:.4f}" if isinstance(value, float) else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A pipe table; numbers are right-aligned."""
    align = ["---:" if rows and isinstance(rows[0][i], (int, float)) else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _review(items: Sequence[ReviewItem], src: str, tgt: str) -> str:
    if not items:
        return "_none_"
    return table(["score", "type", name_of(src), name_of(tgt), "where"],
                 [(i.score, i.kind, i.src_text, i.tgt_text, f"{i.src_ref} / {i.tgt_ref}") for i in items])


def render_markdown(summary: Summary) -> str:
    """The whole report: counts per stage, filters, bead types, weakest pairs and beads, timings, signature."""
    parts = [f"# {summary.title}", "", f"Run `{summary.run_id}` (see manifest.json). "
             "See report.html for the score histograms.", ""]
    if summary.warnings:
        parts += ["## Warnings", "", *(f"- {w}" for w in summary.warnings), ""]
    parts += ["## Corpus counts per stage", "", table(["stage", "what", "count"], summary.counts), ""]
    if summary.bead_kinds:
        parts += ["## Beads by type", "", table(["type", "beads", "share"], summary.bead_kinds), ""]
    parts += ["## Segment pairs filtered out, and why", "",
              table(["filter", "pairs dropped"], summary.filtered) if summary.filtered else "_none_", "",
              "\n\n".join(summary.threshold), ""]
    if summary.boilerplate:
        parts += ["## Boilerplate lines dropped, by rule", "", table(["rule", "lines", "example lines"], summary.boilerplate), ""]
    parts += ["## Lowest-scoring document pairs", "", _review(summary.lowest_pairs, summary.src, summary.tgt), "",
              "## Lowest-scoring beads", "", _review(summary.lowest_beads, summary.src, summary.tgt), ""]
    parts += ["## Unpaired articles", "", table(["lang", "article", "title", "file"], summary.unpaired)
              if summary.unpaired else "_none_", ""]
    if summary.unpaired_more:
        parts += [f"... and {summary.unpaired_more} more (articles.jsonl and pairs.jsonl hold them all).", ""]
    parts += ["## Unmatched sentences (1-0 / 0-1 beads)", "", summary.null_meaning, "",
              table(["score", "lang", "where", "sentence"], summary.unmatched) if summary.unmatched else "_none_", ""]
    if summary.unmatched_more:
        parts += [f"... and {summary.unmatched_more} more (alignments.jsonl holds them all).", ""]
    if summary.skipped:
        parts += ["## Files skipped", "", table(["file", "reason"], summary.skipped), ""]
    if summary.timings:
        parts += ["## Timings", "", table(["stage", "seconds"], summary.timings), ""]
    parts += ["## Signature", "", f"`{summary.signature[0][1]}`", "", table(["item", "value"], summary.signature[1:]), "",
              "### Inputs (sha256)", "", table(["file", "sha256"], summary.inputs), ""]
    if summary.outputs:
        parts += ["## Outputs", "", ", ".join(f"`{name}`" for name in summary.outputs), ""]
    return "\n".join(parts)
