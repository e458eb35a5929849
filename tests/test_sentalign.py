"""Sentence alignment of document pairs: invariants on random input, accuracy on real text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.export.beads import read_beads
from align.evaluate import score_alignments
from align.align import AlignConfig, align_sentences
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
    config = AlignConfig(max_align=max_align)
    beads = align_sentences(src, tgt, src_texts, tgt_texts, config)
    _check(beads, n, m, max_align)
    assert beads == align_sentences(src.copy(), tgt.copy(), list(src_texts), list(tgt_texts), config)


def _translated(rng, n, dim=32, noise=0.25):
    """Sentence vectors like a compressed multilingual model's: a shared direction plus detail."""
    common = np.zeros(dim, dtype=np.float32)
    common[0] = 2.0 * np.sqrt(dim)
    base = rng.normal(size=(n, dim)).astype(np.float32) + common
    src = base + noise * rng.normal(size=base.shape).astype(np.float32)
    tgt = base + noise * rng.normal(size=base.shape).astype(np.float32)
    return (src / np.linalg.norm(src, axis=1, keepdims=True), tgt / np.linalg.norm(tgt, axis=1, keepdims=True))


def test_long_documents_take_the_coarse_to_fine_path():
    config = AlignConfig(full_cells=2_000)  # force two coarse levels on 600 sentences
    rng = np.random.default_rng(7)
    src, tgt = _translated(rng, 600)
    keep = np.ones(600, dtype=bool)
    keep[[50, 51, 300, 455]] = False  # four sentences without a translation
    tgt = tgt[keep]
    beads = align_sentences(src, tgt, ["x" * 40] * 600, ["y" * 44] * len(tgt), config)
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
    config = AlignConfig(full_cells=50, max_align=4)  # every shape here goes through a coarse level
    beads = align_sentences(_unit(rng, n), _unit(rng, m), ["word one"] * n, ["kata dua"] * m, config)
    _check(beads, n, m, 4)


def test_coarse_levels_follow_drift_when_lengths_track_the_translation():
    config = AlignConfig(full_cells=2_000)  # two coarse levels on 600 sentences
    rng = np.random.default_rng(1)
    src, tgt = _translated(rng, 600, noise=0.5)
    lengths = rng.lognormal(np.log(100), 0.5, 600).astype(int) + 10
    keep = np.ones(600, dtype=bool)
    keep[rng.choice(np.arange(10, 590), 30, replace=False)] = False  # the target side drifts
    src_texts = ["x" * int(n) for n in lengths]
    tgt_texts = ["y" * int(n * 1.1) for n in lengths[keep]]
    beads = align_sentences(src, tgt[keep], src_texts, tgt_texts, config)
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
    _check(align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(id_), en, id_, AlignConfig(allow_null=False)),
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
    cut = bead_gains(Sides.build(src, tgt, src_texts, tgt_texts, params), types, lo, hi, params)
    capitalised = [t.capitalize() for t in tgt_texts]
    whole = bead_gains(Sides.build(src, tgt, src_texts, capitalised, params), types, lo, hi, params)
    diff = (whole - cut).reshape(len(types), 5, 6)
    whole = whole.reshape(len(types), 5, 6)
    for k, (a, b) in enumerate(types.tolist()):
        expected = np.zeros_like(diff[k])
        if a and b:  # target window j - b .. j - 1 starts at sentence 2, "yang ketiga."
            expected[a:, 2 + b] = params.continuation_penalty
        valid = whole[k] > -1e29
        assert np.allclose(diff[k][valid], expected[valid], atol=1e-6), (a, b)


def test_textberg_many_to_many_structure_with_the_bundled_model(bundled_encoder):
    from benchmarks.baselines import galechurch

    folder = shared_path("data", "textberg-dev")
    de = (folder / "dev.de").read_text(encoding="utf-8").splitlines()
    fr = (folder / "dev.fr").read_text(encoding="utf-8").splitlines()
    de_vecs, fr_vecs = bundled_encoder.encode(de), bundled_encoder.encode(fr)
    found = align_sentences(de_vecs, fr_vecs, de, fr)
    _check(found, len(de), len(fr), 5)
    gold = [read_beads(folder / "dev.defr")]
    ours = score_alignments(gold, [found])
    lengths_only = score_alignments(gold, [galechurch.align(de_vecs, fr_vecs, de, fr)])
    assert ours["f1_strict"] > lengths_only["f1_strict"] and ours["f1_lax"] > lengths_only["f1_lax"]
    assert sum(1 for b in found if len(b.src) + len(b.tgt) >= 3) > 20  # real many-to-many is found


def _rotation(rng, dim):
    q, r = np.linalg.qr(rng.normal(size=(dim, dim)))
    return (q * np.sign(np.diag(r))).astype(np.float32)


def test_beads_do_not_depend_on_the_geometry_of_the_vectors(bundled_encoder):
    """A random rotation keeps every cosine: the beads are the same. Removing a mean vector (then
    re-normalising) changes cosines but not meaning: at most a bead or two may move."""
    en, id_, _ = enid_doc("hard", "dev-0137")
    src, tgt = bundled_encoder.encode(en), bundled_encoder.encode(id_)
    base = {(b.src, b.tgt) for b in align_sentences(src, tgt, en, id_)}
    rotation = _rotation(np.random.default_rng(11), src.shape[1])
    rotated = {(b.src, b.tgt) for b in align_sentences(src @ rotation, tgt @ rotation, en, id_)}
    assert rotated == base
    mean = np.concatenate([src, tgt]).mean(axis=0)

    def centred(vecs):
        out = vecs - mean
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)

    moved = base ^ {(b.src, b.tgt) for b in align_sentences(centred(src), centred(tgt), en, id_)}
    assert len(moved) <= 4  # a bead or two, each counted on both sides of the difference


def test_a_long_one_sided_insertion_is_found_as_insertions():
    """600 translated sentences with 900 unrelated target sentences in one block, through the
    coarse-to-fine ragged band: the block comes out as 0-1 beads and the rest as 1-1."""
    rng = np.random.default_rng(4)
    src, tgt = _translated(rng, 600)
    strangers, _ = _translated(np.random.default_rng(5), 900)
    tgt = np.concatenate([tgt[:300], strangers, tgt[300:]])
    beads = align_sentences(src, tgt, ["x" * 40] * 600, ["y" * 44] * 1500, AlignConfig(full_cells=20_000))
    _check(beads, 600, 1500, 5)
    alone = {b.tgt[0] for b in beads if not b.src}
    assert set(range(300, 1200)) <= alone
    pairs = {(b.src, b.tgt) for b in beads if b.src and b.tgt}
    assert len(pairs & {((i,), (i if i < 300 else i + 900,)) for i in range(600)}) >= 0.97 * 600


def test_doubtful_merges_embed_their_real_text_within_the_budget(bundled_encoder):
    en, id_, _ = enid_doc("hard", "dev-0163")  # six merged units
    src, tgt = bundled_encoder.encode(en), bundled_encoder.encode(id_)
    asked: list[str] = []

    def embed(texts):
        asked.extend(texts)
        return bundled_encoder.encode(texts)

    config = AlignConfig()
    beads = align_sentences(src, tgt, en, id_, config, embed=embed)
    _check(beads, len(en), len(id_), 5)
    assert len(asked) <= config.max_windows_share * (len(en) + len(id_))
    singles = set(en) | set(id_)
    assert all(text not in singles for text in asked)  # only windows of several sentences
    none = align_sentences(src, tgt, en, id_, AlignConfig(max_windows_share=0.0), embed=embed)
    assert none == align_sentences(src, tgt, en, id_, config)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 7), st.integers(1, 7), st.integers(2, 5), st.integers(0, 10_000))
def test_band_gains_best_split_is_the_best_pair_of_beads(n, m, max_align, seed):
    from align.align import dp
    from align.align.band import BandGains

    rng = np.random.default_rng(seed)
    types = dp.bead_types(max_align)
    lo, hi = dp.full_band(n, m)
    gains = rng.normal(size=(len(types), int(dp.row_starts(lo, hi)[-1]))).astype(np.float32)
    band = BandGains(gains, types, lo, hi)
    shapes = {tuple(t) for t in types.tolist()}
    grid = gains.reshape(len(types), n + 1, m + 1)
    for i0, i1, j0, j1 in [(0, n, 0, m), (n // 2, n, 0, m), (0, n, m // 2, m)]:
        found = [float(grid[types.tolist().index([x - i0, y - j0]), x, y] + grid[types.tolist().index([i1 - x, j1 - y]), i1, j1])
                 for x in range(i0, i1 + 1) for y in range(j0, j1 + 1)
                 if (x, y) not in ((i0, j0), (i1, j1)) and (x - i0, y - j0) in shapes and (i1 - x, j1 - y) in shapes]
        best = band.best_split(i0, i1, j0, j1)
        assert (best is None) == (not found)
        assert best is None or np.isclose(best, max(found))


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 25), st.integers(2, 25), st.integers(0, 10_000))
def test_a_dearer_null_bead_never_leaves_more_sentences_alone(n, m, seed):
    """The path maximises gain minus null_cost x (null beads), so raising the cost cannot add null beads."""
    from dataclasses import replace

    from align.align import dp
    from align.align.scoring import ScoreParams, Sides, bead_gains

    rng = np.random.default_rng(seed)
    src, tgt = _unit(rng, n), _unit(rng, m)
    src_texts = [f"Sentence {i} has {rng.integers(1, 30)} words in it." for i in range(n)]
    tgt_texts = [f"Kalimat {j} memiliki {rng.integers(1, 30)} kata." for j in range(m)]
    types = dp.bead_types(5)
    lo, hi = dp.full_band(n, m)
    counts = []
    for cost in (0.0, 0.5, 1.0, 3.0):
        params = replace(ScoreParams(), null_cost=cost)
        sides = Sides.build(src, tgt, src_texts, tgt_texts, params)
        steps = dp.best_path(bead_gains(sides, types, lo, hi, params), types, lo, hi)
        counts.append(sum(1 for k in steps[:, 2] if 0 in types[k]))
    assert counts == sorted(counts, reverse=True)


def test_a_real_window_vector_equal_to_the_sum_is_centred_as_the_sum():
    """A window's real vector is centred on the scale of its sentences' sum: the normalised sum of
    the given vectors comes out as the normalised sum of the shifted ones."""
    from align.align.evidence import _centred
    from align.align.scoring import ScoreParams, Sides

    rng = np.random.default_rng(2)
    src, tgt = _translated(rng, 12)
    sides = Sides.build(src, tgt, ["a sentence"] * 12, ["kalimat"] * 12, ScoreParams())
    for first, end in [(0, 2), (3, 6), (9, 12)]:
        raw_sum = src[first:end].astype(np.float64).sum(axis=0)
        expected = raw_sum - (end - first) * sides.src_shift
        got = _centred(raw_sum / np.linalg.norm(raw_sum), sides, "s", first, end)
        assert np.allclose(got, expected / np.linalg.norm(expected))


@settings(max_examples=25, deadline=None)
@given(st.integers(3, 14), st.integers(3, 14), st.integers(0, 10_000))
def test_real_window_text_only_ever_lowers_the_merges_of_the_path(n, m, seed):
    """Whatever vectors the model gives a window's real text, rescoring never raises a gain, and
    only the sides of merges on the path (several sentences each) are sent to the model."""
    from align.align import dp
    from align.align.band import BandGains
    from align.align.evidence import RealWindows
    from align.align.scoring import Sides, bead_gains

    rng = np.random.default_rng(seed)
    src, tgt = _unit(rng, n), _unit(rng, m)
    src_texts, tgt_texts = [f"s{i} " * (i + 1) for i in range(n)], [f"t{j} " * (j + 2) for j in range(m)]
    config = AlignConfig(doubt_margin=1e9, max_windows_share=10.0)  # every merge on the path is doubtful
    types = dp.bead_types(config.max_align)
    lo, hi = dp.full_band(n, m)
    sides = Sides.build(src, tgt, src_texts, tgt_texts, config.scoring)
    gains = bead_gains(sides, types, lo, hi, config.scoring)
    before = gains.copy()
    steps = dp.best_path(gains, types, lo, hi)
    asked: list[str] = []

    def embed(texts):
        asked.extend(texts)
        return _unit(rng, len(texts))

    RealWindows(sides, src_texts, tgt_texts, embed, config).rescore(steps, BandGains(gains, types, lo, hi), types)
    assert (gains <= before).all()
    pairs = [tuple(t) for t in types.tolist()]
    sides_of_merges = set()
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        if a and b and a + b > 2:
            sides_of_merges |= {" ".join(src_texts[i - a : i])} if a > 1 else set()
            sides_of_merges |= {" ".join(tgt_texts[j - b : j])} if b > 1 else set()
    assert set(asked) == sides_of_merges
