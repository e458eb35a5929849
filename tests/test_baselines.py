"""The baselines the core is measured against: Gale-Church and the Bertalign re-implementation."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.baselines import BASELINES, bertalign, galechurch, ours
from conftest import assert_complete_beads, enid_doc, shared_path


def load_doc(variant: str, stem: str) -> tuple[list[str], list[str], list[tuple]]:
    en, idn, beads = enid_doc(variant, stem)
    return en, idn, [(b.src, b.tgt) for b in beads]


def stems(variant: str) -> list[str]:
    """Every document of an enid-sent-dev variant, in name order (skips without ../shared)."""
    return sorted(path.stem for path in shared_path("data", "enid-sent-dev", variant).glob("*.gold"))


def merged(beads: list[tuple]) -> set[tuple]:
    """The 2-1 and 1-2 beads of a bead list."""
    return {b for b in beads if len(b[0]) + len(b[1]) == 3}


def docs_with_a_merge(count: int) -> list[tuple[list[str], list[str], list[tuple]]]:
    """The first ``count`` hard documents whose gold holds a 2-1 or 1-2 bead (chosen by rule, not by name)."""
    found = []
    for stem in stems("hard"):
        doc = load_doc("hard", stem)
        if merged(doc[2]):
            found.append(doc)
        if len(found) == count:
            break
    return found


class SumEncoder:
    """Embeds a window of sentences as the normalised sum of its sentences' known vectors."""

    name, dim = "sum", 3

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen += texts
        out = np.array([sum(self.table[word] for word in text.split()) for text in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_registry_lists_both_baselines():
    assert BASELINES == {"bertalign": bertalign.align, "galechurch": galechurch.align}


@pytest.mark.parametrize("name", ["ours", *BASELINES])
def test_every_aligner_answers_the_shared_interface(name):
    """What benchmarks/quality.py and speed.py call: vectors, texts, an encoder and max_align."""
    table = dict(zip(("rain", "roads", "buses"), np.eye(3)))
    texts = ["rain", "roads roads", "buses buses buses"]
    encoder = SumEncoder(table)
    vecs = encoder.encode(texts)
    fn = ours if name == "ours" else BASELINES[name]
    beads = fn(vecs, vecs, texts, texts, encoder=encoder, max_align=5)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_galechurch_matches_gold_on_every_clean_document():
    """Clean text is one-to-one with no omissions: sentence lengths alone recover it (Gale-Church's
    constants are the 1993 paper's, not tuned here)."""
    for stem in stems("clean"):
        en, idn, gold = load_doc("clean", stem)
        beads = galechurch.align(None, None, en, idn)
        assert [(b.src, b.tgt) for b in beads] == gold, stem
        assert all(0 < b.score <= 1 for b in beads)


def test_galechurch_finds_merged_units_by_length():
    found = 0
    for en, idn, gold in docs_with_a_merge(20):
        beads = galechurch.align(None, None, en, idn)
        assert_complete_beads(beads, len(en), len(idn))
        found += len(merged(gold) & merged([(b.src, b.tgt) for b in beads]))
    assert found > 0


def test_galechurch_respects_max_align():
    en, idn, _ = docs_with_a_merge(1)[0]
    beads = galechurch.align(None, None, en, idn, max_align=2)
    assert_complete_beads(beads, len(en), len(idn), max_align=2)


def test_window_texts_are_the_sentences_ending_at_each_index():
    texts = ["One.", "  Two. ", "", "Four."]
    assert bertalign.window_text(texts, 1, 2) == "One. Two."
    assert bertalign.window_text(texts, 3, 3) == "Two. BLANK_LINE Four."


def test_bertalign_embeds_every_window_once_and_aligns_a_planted_merge():
    rng = np.random.default_rng(3)
    words = [f"w{k}" for k in range(6)]
    table = {w: rng.standard_normal(3) for w in words}
    src_texts = ["w0", "w1", "w2", "w3", "w4", "w5"]
    tgt_texts = ["w0", "w1 w2", "w3", "w4", "w5"]  # target 1 translates source 1 and 2
    encoder = SumEncoder(table)
    src_vecs, tgt_vecs = encoder.encode(src_texts), encoder.encode(tgt_texts)
    encoder.seen.clear()
    stats: dict = {}
    beads = bertalign.align(src_vecs, tgt_vecs, src_texts, tgt_texts, encoder=encoder, stats=stats)
    windows = sum(6 - size + 1 for size in (2, 3, 4)) + sum(5 - size + 1 for size in (2, 3, 4))
    assert stats["window_texts"] == len(encoder.seen) == windows
    assert "w0 w1" in encoder.seen and "w0 w1 w2 w3" in encoder.seen
    assert_complete_beads(beads, 6, 5)
    assert ((1, 2), (1,)) in [(b.src, b.tgt) for b in beads]


def test_bertalign_handles_an_empty_side():
    encoder = SumEncoder({})
    beads = bertalign.align(np.zeros((2, 3)), np.zeros((0, 3)), ["a", "b"], [], encoder=encoder)
    assert [(b.src, b.tgt) for b in beads] == [((0,), ()), ((1,), ())]
    assert encoder.seen == []


def test_bertalign_with_the_bundled_model_matches_gold_on_clean_text(bundled_encoder):
    en, idn, gold = load_doc("clean", stems("clean")[0])
    beads = bertalign.align(bundled_encoder.encode(en), bundled_encoder.encode(idn), en, idn,
                            encoder=bundled_encoder)
    assert_complete_beads(beads, len(en), len(idn))
    assert [(b.src, b.tgt) for b in beads] == gold


def test_bertalign_with_the_bundled_model_finds_merged_units(bundled_encoder):
    found = 0
    for en, idn, gold in docs_with_a_merge(3):
        beads = bertalign.align(bundled_encoder.encode(en), bundled_encoder.encode(idn), en, idn,
                                encoder=bundled_encoder)
        assert_complete_beads(beads, len(en), len(idn))
        found += len(merged(gold) & merged([(b.src, b.tgt) for b in beads]))
    assert found > 0
