"""The run report as one self-contained HTML page: inline CSS, figures as data URIs, no scripts."""

from __future__ import annotations

from html import escape
from typing import Sequence

from align.languages import name_of
from align.report.figures import Chart
from align.report.summary import ReviewItem, Summary

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; vertical-align: top; text-align: left; }
th { background: #f0f3f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.review td.text { width: 40%; }
div.figures { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; flex: 1 1 28em; max-width: 36em; } figure img { width: 100%; height: auto; }
table.signature td, table.inputs td { overflow-wrap: anywhere; }
figcaption { font-size: 0.9em; color: #555; } code { font-size: 0.9em; word-break: break-all; }
"""


def cell(value: object, lang: str | None = None, css: str | None = None) -> str:
    """One ``<td>``: floats to 4 decimals and right-aligned, text escaped."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = f"{value:.4f}" if isinstance(value, float) else str(value)
        css = css or "num"
    else:
        text = escape(str(value))
    attrs = (f' lang="{lang}"' if lang else "") + (f' class="{css}"' if css else "")
    return f"<td{attrs}>{text}</td>"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], css: str = "") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    klass = f' class="{css}"' if css else ""
    return f"<table{klass}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def figure(chart: Chart) -> str:
    caption = escape(chart.caption)
    return f'<figure><img src="{chart.data_uri}" alt="{caption}"><figcaption>{caption}</figcaption></figure>'


def page(title: str, body: str) -> str:
    """A complete HTML5 document around ``body``."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n")


def _review(items: Sequence[ReviewItem], src: str, tgt: str) -> str:
    if not items:
        return "<p>None.</p>"
    rows = [
        "<tr>" + cell(i.score) + cell(i.kind) + cell(i.src_text, src, "text") + cell(i.tgt_text, tgt, "text")
        + cell(f"{i.src_ref} / {i.tgt_ref}") + "</tr>"
        for i in items
    ]
    head = "".join(f"<th>{escape(h)}</th>" for h in ("score", "type", name_of(src), name_of(tgt), "where"))
    return f'<table class="review">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def render_html(summary: Summary, charts: Sequence[Chart]) -> str:
    """The whole report, same sections as the Markdown one plus the figures."""
    parts = [f"<p>Run <code>{escape(summary.run_id)}</code> (see manifest.json).</p>"]
    if summary.warnings:
        parts += ["<h2>Warnings</h2>", "<ul>" + "".join(f"<li>{escape(w)}</li>" for w in summary.warnings) + "</ul>"]
    parts += ["<h2>Corpus counts per stage</h2>", table(["stage", "what", "count"], summary.counts, "counts")]
    if summary.bead_kinds:
        parts += ["<h2>Beads by type</h2>", table(["type", "beads", "share"], summary.bead_kinds, "kinds")]
    parts += ["<h2>Segment pairs filtered out, and why</h2>",
              table(["filter", "pairs dropped"], summary.filtered, "filters") if summary.filtered else "<p>None.</p>",
              *(f"<p>{escape(line)}</p>" for line in summary.threshold)]
    if summary.boilerplate:
        parts += ["<h2>Boilerplate lines dropped, by rule</h2>", table(["rule", "lines", "example lines"], summary.boilerplate)]
    parts += ["<h2>Scores</h2>", '<div class="figures">', *(figure(c) for c in charts), "</div>"]
    parts += ["<h2>Lowest-scoring document pairs</h2>", _review(summary.lowest_pairs, summary.src, summary.tgt),
              "<h2>Lowest-scoring beads</h2>", _review(summary.lowest_beads, summary.src, summary.tgt)]
    parts += ["<h2>Unpaired articles</h2>", table(["lang", "article", "title", "file"], summary.unpaired, "unpaired")
              if summary.unpaired else "<p>None.</p>"]
    if summary.unpaired_more:
        parts.append(f"<p>... and {summary.unpaired_more} more (articles.jsonl and pairs.jsonl hold them all).</p>")
    parts += ["<h2>Unmatched sentences (1-0 / 0-1 beads)</h2>", f"<p>{escape(summary.null_meaning)}</p>",
              table(["score", "lang", "where", "sentence"], summary.unmatched, "unmatched")
              if summary.unmatched else "<p>None.</p>"]
    if summary.unmatched_more:
        parts.append(f"<p>... and {summary.unmatched_more} more (alignments.jsonl holds them all).</p>")
    if summary.skipped:
        parts += ["<h2>Files skipped</h2>", table(["file", "reason"], summary.skipped)]
    if summary.timings:
        parts += ["<h2>Timings</h2>", table(["stage", "seconds"], summary.timings, "timings")]
    parts += ["<h2>Signature</h2>", table(["item", "value"], summary.signature, "signature"),
              "<h3>Inputs (sha256)</h3>", table(["file", "sha256"], summary.inputs, "inputs")]
    if summary.outputs:
        parts += ["<h2>Outputs</h2>", "<p>" + ", ".join(f"<code>{escape(n)}</code>" for n in summary.outputs) + "</p>"]
    return page(summary.title, "\n".join(parts))
