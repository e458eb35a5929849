"""Sentence alignment of document pairs: invariants on random input, accuracy on real text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align import align as sentalign
from align.export.beads import read_beads
from align.evaluate import score_alignments
from align.align import align_sentences
from conftest import assert_complete_beads, enid_doc, shared_path


def _unit(rng, rows, dim=16):
    vecs = rng.normal(size=(rows, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def _check(beads, n, m, max_align):
    assert_complete_beads(beads, n, m, max_align)
    assert all(0.0 <= b.score <= 1.0 for b in beads)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 15), st.integers(0, 15), st.integers(2, 6), st.integers(0, 10_000))
def test_random_documents_give_valid_beads(n, m, max_align, seed):
    rng = np.random.default_rng(seed)
    src_texts = [f"Sentence {i} with {rng.integers(100)} words." for i in range(n)]
    tgt_texts = [f"Kalimat {j} dengan {rng.integers(100)} kata." for j in range(m)]
    src, tgt = _unit(rng, n), _unit(rng, m)
    beads = align_sentences(src, tgt, src_texts, tgt_texts, max_align=max_align)
    _check(beads, n, m, max_align)
    assert beads == align_sentences(src.copy(), tgt.copy(), list(src_texts), list(tgt_texts), max_align=max_align)


def _translated(rng, n, dim=32, noise=0.25):
    """Sentence vectors like a compressed multilingual model's: a shared direction plus detail."""
    common = np.zeros(dim, dtype=np.float32)
    common[0] = 2.0 * np.sqrt(dim)
    base = rng.normal(size=(n, dim)).astype(np.float32) + common
    src = base + noise * rng.normal(size=base.shape).astype(np.float32)
    tgt = base + noise * rng.normal(size=base.shape).astype(np.float32)
    return (src / np.linalg.norm(src, axis=1, keepdims=True), tgt / np.linalg.norm(tgt, axis=1, keepdims=True))


def test_long_documents_take_the_coarse_to_fine_path(monkeypatch):
    monkeypatch.setattr(sentalign, "FULL_CELLS", 2_000)  # force two coarse levels on 600 sentences
    rng = np.random.default_rng(7)
    src, tgt = _translated(rng, 600)
    keep = np.ones(600, dtype=bool)
    keep[[50, 51, 300, 455]] = False  # four sentences without a translation
    tgt = tgt[keep]
    beads = align_sentences(src, tgt, ["x" * 40] * 600, ["y" * 44] * len(tgt))
    _check(beads, 600, len(tgt), 5)
    expected = {((int(i),), (k,)) for k, i in enumerate(np.flatnonzero(keep))}
    expected |= {((i,), ()) for i in (50, 51, 300, 455)}
    assert {(b.src, b.tgt) for b in beads} == expected


def test_empty_sides_become_null_beads():
    rng = np.random.default_rng(0)
    beads = align_sentences(_unit(rng, 2), np.zeros((0, 16), np.float32), ["a", "b"], [])
    assert [(b.src, b.tgt) for b in beads] == [((0,), ()), ((1,), ())]


@pytest.mark.parametrize("variant", ["clean", "hard"])
def test_real_documents_align_with_the_bundled_model(bundled_encoder, variant):
    stems = ["dev-0001", "dev-0003", "dev-0136", "dev-0137"]
    gold, pred = [], []
    for en, id_, beads in (enid_doc(variant, stem) for stem in stems):
        found = align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(id_), en, id_)
        _check(found, len(en), len(id_), 5)
        gold.append(beads)
        pred.append(found)
    scores = score_alignments(gold, pred)
    assert scores["f1_strict"] >= (1.0 if variant == "clean" else 0.85)
    if variant == "clean":
        assert all(b.score > 0.5 for doc in pred for b in doc)


def test_window_statistics_match_brute_force():
    from align.align.scoring import mean_window, window_norms

    rng = np.random.default_rng(3)
    vecs = _unit(rng, 9).astype(np.float64)
    for size in (1, 2, 3):
        sums = np.array([vecs[i - size : i].sum(0) for i in range(size, 10)])
        norms = window_norms(vecs, size)
        assert np.allclose(norms[size:], np.linalg.norm(sums, axis=1))
        assert np.allclose(mean_window(vecs, norms, size), (sums / norms[size:, None]).mean(0))


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 90), st.integers(1, 90), st.integers(0, 10_000))
def test_coarse_to_fine_handles_any_shape(n, m, seed):
    rng = np.random.default_rng(seed)
    original = sentalign.FULL_CELLS
    sentalign.FULL_CELLS = 50  # every shape here goes through at least one coarse level
    try:
        beads = align_sentences(_unit(rng, n), _unit(rng, m), ["a b"] * n, ["c d"] * m, max_align=4)
    finally:
        sentalign.FULL_CELLS = original
    _check(beads, n, m, 4)


def test_coarse_levels_follow_drift_when_lengths_track_the_translation(monkeypatch):
    monkeypatch.setattr(sentalign, "FULL_CELLS", 2_000)  # two coarse levels on 600 sentences
    rng = np.random.default_rng(1)
    src, tgt = _translated(rng, 600, noise=0.5)
    lengths = rng.lognormal(np.log(100), 0.5, 600).astype(int) + 10
    keep = np.ones(600, dtype=bool)
    keep[rng.choice(np.arange(10, 590), 30, replace=False)] = False  # the target side drifts
    src_texts = ["x" * int(n) for n in lengths]
    tgt_texts = ["y" * int(n * 1.1) for n in lengths[keep]]
    beads = align_sentences(src, tgt[keep], src_texts, tgt_texts)
    _check(beads, 600, int(keep.sum()), 5)
    expected = {((int(i),), (k,)) for k, i in enumerate(np.flatnonzero(keep))}
    found = {(b.src, b.tgt) for b in beads}
    assert len(expected & found) >= 0.97 * len(expected)


def test_contentless_lines_stand_alone_instead_of_joining_a_bead(bundled_encoder):
    en = ["The minister opened the new bridge on Monday.", "Traffic is expected to fall by a third.",
          "Local shops welcomed the news."]
    id_ = ["Menteri meresmikan jembatan baru itu pada hari Senin.", ".....", "- _-",
           "Lalu lintas diperkirakan turun sepertiga.", "Toko-toko setempat menyambut kabar itu."]
    beads = align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(id_), en, id_)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((), (1,)), ((), (2,)), ((1,), (3,)), ((2,), (4,))]
    _check(align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(id_), en, id_, allow_null=False),
           len(en), len(id_), 5)


def test_a_bead_starting_at_a_lowercase_continuation_costs_the_penalty():
    from align.align import dp
    from align.align.scoring import ScoreParams, Sides, bead_gains

    rng = np.random.default_rng(5)
    src, tgt = _unit(rng, 4), _unit(rng, 5)
    src_texts = ["One sentence.", "Another one.", "A third.", "The last."]
    tgt_texts = ["Satu kalimat.", "Yang kedua:", "yang ketiga.", "Keempat.", "Terakhir."]
    types = dp.bead_types(3)
    lo, hi = dp.full_band(4, 5)
    params = ScoreParams()
    cut = bead_gains(Sides.build(src, tgt, src_texts, tgt_texts), types, lo, hi, params)
    whole = bead_gains(Sides.build(src, tgt, src_texts, [t.capitalize() for t in tgt_texts]), types, lo, hi, params)
    diff = whole - cut
    for k, (a, b) in enumerate(types.tolist()):
        expected = np.zeros_like(diff[k])
        if a and b:  # target window j - b .. j - 1 starts at sentence 2, "yang ketiga."
            expected[a:, 2 + b] = params.continuation_penalty
        valid = whole[k] > -1e29
        assert np.allclose(diff[k][valid], expected[valid], atol=1e-6), (a, b)


def test_textberg_many_to_many_structure_with_the_bundled_model(bundled_encoder):
    folder = shared_path("data", "textberg-dev")
    de = (folder / "dev.de").read_text(encoding="utf-8").splitlines()
    fr = (folder / "dev.fr").read_text(encoding="utf-8").splitlines()
    found = align_sentences(bundled_encoder.encode(de), bundled_encoder.encode(fr), de, fr)
    _check(found, len(de), len(fr), 5)
    scores = score_alignments([read_beads(folder / "dev.defr")], [found])
    assert scores["f1_strict"] >= 0.90  # Bertalign's algorithm, same embeddings: 0.880
