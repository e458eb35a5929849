"""The sentence aligners the benchmarks compare; each exposes the same ``align(...)``.

``align(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder, max_align=5) -> list[Bead]``:

* ``ours``: `align`'s own core (``align.sentalign.align_sentences``; it embeds nothing more).
* ``bertalign``: Bertalign's two-pass algorithm with its defaults (embeds overlap windows).
* ``galechurch``: Gale & Church's length-only DP (ignores the vectors and the encoder).
"""

from align.align import align_sentences
from benchmarks.baselines import bertalign, galechurch


def ours(src_vecs, tgt_vecs, src_texts, tgt_texts, *, encoder=None, max_align: int = 5):
    """`align`'s core behind the shared interface: the given vectors only, no encoder calls."""
    return align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, max_align=max_align)


BASELINES = {"bertalign": bertalign.align, "galechurch": galechurch.align}

__all__ = ["BASELINES", "bertalign", "galechurch", "ours"]
