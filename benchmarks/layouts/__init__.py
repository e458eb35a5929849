"""The layout zoo: news layouts rendered from the eval-dev documents, with gold, into outputs/.

``DEV`` layouts were looked at while writing segmenter rules. ``FIRST_LOOK`` layouts were written
without looking at segmenter output and scored once before any failure was looked at; their
failures were looked at and fixed afterwards, so they count as seen since (their first-look
figures are in benchmarks/layouts/README.md). ``UNSEEN`` layouts were written after the rule work
and no rule or constant changed after their first score. ``TUNE`` layouts were written by another
hand without reading the segmenter, as material the segmenter may be tuned on (seen by design; their
first-look figures are in the README). ``TEST`` layouts (heldout7.py) are test material only: kept
out of ``ALL``, scored with ``benchmarks/segment.py --test-layouts``, never tuned on. ``TEST10`` layouts
(heldout10.py, a later hand) are test material in the same way, scored by the same flag and labelled
``test10`` so the two sets can be told apart. ``TEST13`` layouts (heldout13.py, a third hand) are test
material too, scored by the same flag and labelled ``test13``. Site names are invented.
``render(name, shared, folder)`` writes one layout's files and a gold.jsonl (one record per article:
file, key, lang, title, sentences) and returns the folder.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from benchmarks.layouts import (dev, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7,
                                heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, variants)
from benchmarks.layouts.common import load_docs

DEV = dict(dev.LAYOUTS)
FIRST_LOOK = {**heldout.LAYOUTS, "forum": heldout2.render_forum, **heldout3.LAYOUTS,
              "quality": heldout4.render_quality, "feed": heldout5.render_feed,
              # unseen until a regression on them was looked at (seg2): seen since
              "digest": heldout2.render_digest, "print": heldout5.render_print,
              **heldout6.LAYOUTS}  # written by seg2, scored once, then failures fixed: seen since
UNSEEN = {"paged": heldout4.render_paged}
TUNE = {**heldout8.LAYOUTS, **heldout9.LAYOUTS,  # tuning material written by zoo8: seen by design
        **heldout11.LAYOUTS,  # tuning material written by zoo11: seen by design
        **heldout12.LAYOUTS}  # tuning material written by zoo12: seen by design
VARIANTS = dict(variants.LAYOUTS)  # the four dev kinds with other strings, written by seg to tune on
ALL = {**DEV, **FIRST_LOOK, **UNSEEN, **TUNE, **VARIANTS}
TEST = dict(heldout7.LAYOUTS)  # test material: not in ALL, nothing is tuned on it
TEST10 = dict(heldout10.LAYOUTS)  # second test set (zoo10): not in ALL, nothing is tuned on it
TEST13 = dict(heldout13.LAYOUTS)  # third test set (zoo13): not in ALL, nothing is tuned on it
_CLASHES = (ALL.keys() & TEST.keys()) | (ALL.keys() & TEST10.keys()) | (TEST.keys() & TEST10.keys()) \
    | (TEST13.keys() & (ALL.keys() | TEST.keys() | TEST10.keys()))
assert not _CLASHES, f"layout names used twice: {sorted(_CLASHES)}"  # a tuning name must never render a test layout


def render(name: str, shared: Path, folder: Path, seed: int = 13) -> Path:
    """Render layout ``name`` into ``folder / name`` (replacing what was there)."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    for old in target.iterdir():
        old.unlink()
    files = {**ALL, **TEST, **TEST10, **TEST13}[name](load_docs(shared), random.Random(seed))
    with open(target / "gold.jsonl", "w", encoding="utf-8") as handle:
        for item in files:
            (target / item.name).write_text(item.text, encoding="utf-8")
            for record in item.gold:
                handle.write(json.dumps({"file": item.name, **record}, ensure_ascii=False) + "\n")
    return target
