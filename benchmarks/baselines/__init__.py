"""Baseline sentence aligners to measure `align` against; each exposes the same ``align(...)``.

``align(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder, max_align=5) -> list[Bead]``:

* ``bertalign``: Bertalign's two-pass algorithm with its defaults (embeds overlap windows).
* ``galechurch``: Gale & Church's length-only DP (ignores the vectors and the encoder).
"""

from benchmarks.baselines import bertalign, galechurch

BASELINES = {"bertalign": bertalign.align, "galechurch": galechurch.align}

__all__ = ["BASELINES", "bertalign", "galechurch"]
