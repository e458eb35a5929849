"""`align review` and `align export`: the review web app and the reviewed export, as CLI commands."""

from __future__ import annotations

from pathlib import Path

import typer


def review_command(
    outdir: Path = typer.Argument(..., help="Output folder of 'align run'."),
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open the default browser; just print the address."),
) -> None:
    """Review a run in the browser: pairs, beads side by side, accept/reject/merge/split/edit.

    Decisions are saved to OUTDIR/review.jsonl as you take them; 'align export OUTDIR' applies them.
    The page is served on 127.0.0.1 only, until Ctrl-C.

    Example: align review outputs/sample
    """
    from align.review.server import serve

    serve(outdir, port=port, open_browser=not no_browser, announce=lambda line: typer.echo(line))


def export_command(
    outdir: Path = typer.Argument(..., help="Output folder of 'align run' (with its review.jsonl)."),
) -> None:
    """Rewrite corpus.tmx/.tsv/.<src>/.<tgt> and the report with the decisions in OUTDIR/review.jsonl.

    The run's export filters apply (settings from manifest.json), except that beads a reviewer kept
    pass the score filters; the TMX records each review in <prop type="x-review">.

    Example: align export outputs/sample
    """
    from align.review.export import export_reviewed

    summary = export_reviewed(outdir)
    review = {k: v for k, v in summary.drops.items() if k.startswith("review_")}
    typer.echo(f"{summary.decisions} review decisions applied ({review.get('review_reject', 0)} beads rejected, "
               f"{review.get('review_unpair', 0)} beads of unpaired documents dropped) | segments: {summary.segments}"
               f"\nwrote {', '.join(summary.outputs)} to {outdir}")
    for line in summary.stale:
        typer.echo(f"warning: {line} (not applied)", err=True)
