"""The sentence aligners the benchmarks compare; each exposes the same ``align(...)``.

``align(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder, max_align=5) -> list[Bead]``:

* ``ours``: `align`'s own core (``align.align.align_sentences``), embedding the real text of
  doubtful many-to-many windows with ``encoder``.
* ``ours_sums``: the same core scoring every window by sums of sentence vectors (no model calls).
* ``bertalign``: Bertalign's two-pass algorithm with its defaults (embeds overlap windows).
* ``galechurch``: Gale & Church's length-only DP (ignores the vectors and the encoder).
"""

from align.align import AlignConfig, align_sentences
from benchmarks.baselines import bertalign, galechurch


def ours(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder=None, max_align: int = 5):
    """`align`'s core behind the shared interface; doubtful windows go to ``encoder`` when given."""
    return align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, AlignConfig(max_align=max_align),
                           embed=encoder.encode if encoder is not None else None)


def ours_sums(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder=None, max_align: int = 5):
    """`align`'s core with windows scored by sums of sentence vectors only: no encoder calls."""
    return align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, AlignConfig(max_align=max_align))


BASELINES = {"bertalign": bertalign.align, "galechurch": galechurch.align}

__all__ = ["BASELINES", "bertalign", "galechurch", "ours", "ours_sums"]
