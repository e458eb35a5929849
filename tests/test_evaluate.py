"""Bead files and Vecalign's strict/lax metrics."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.export.beads import format_bead, parse_bead, read_beads
from align.evaluate import score_alignments
from align.records import Bead
from conftest import shared_path


def beads(*pairs):
    return [Bead(tuple(s), tuple(t), 0.0) for s, t in pairs]


def test_parse_and_format_round_trip():
    assert parse_bead("[0,1]:[2]") == Bead((0, 1), (2,), 0.0)
    assert parse_bead("[]:[3]:0.25") == Bead((), (3,), 0.25)
    assert parse_bead(" [4]:[] ") == Bead((4,), (), 0.0)
    line = format_bead(Bead((5, 6), (7,), 0.93456))
    assert line == "[5,6]:[7]:0.9346"
    assert parse_bead(line) == Bead((5, 6), (7,), 0.9346)


def test_read_beads_names_the_bad_line(tmp_path):
    path = tmp_path / "x.gold"
    path.write_text("[0]:[0]\n\n[1]:[1]:0.5\nnonsense\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x.gold:4"):
        read_beads(path)
    path.write_text("[0]:[0]\n\n[1]:[1]:0.5\n", encoding="utf-8")
    assert [(b.src, b.tgt) for b in read_beads(path)] == [((0,), (0,)), ((1,), (1,))]


def test_perfect_alignment_scores_one():
    gold = beads(([0], [0]), ([1, 2], [1]), ([3], []), ([], [2]))
    result = score_alignments([gold], [gold])
    assert result["f1_strict"] == result["f1_lax"] == 1.0
    assert result["null_precision"] == result["null_recall"] == 1.0
    assert result["gold_kinds"] == {"0-1": 1, "1-0": 1, "1-1": 1, "2-1": 1}


def test_strict_and_lax_follow_vecalign():
    gold = beads(([0], [0]), ([1, 2], [1]), ([3], []))
    pred = beads(([0], [0]), ([1], [1]), ([2], []), ([3], []))
    result = score_alignments([gold], [pred])
    # precision: 4 predicted beads; strict hits [0]:[0] and [3]:[]; lax also [1]:[1]; [2]:[] misses
    assert result["precision_strict"] == pytest.approx(2 / 4)
    assert result["precision_lax"] == pytest.approx(3 / 4)
    # recall: gold non-null beads [0]:[0] (found) and [1,2]:[1] (lax-found via [1]:[1])
    assert result["recall_strict"] == pytest.approx(1 / 2)
    assert result["recall_lax"] == pytest.approx(1.0)
    assert result["null_1-0"] == {"hits": 1, "predicted": 2, "gold": 1, "precision": 0.5, "recall": 1.0}


def test_scores_pool_over_documents():
    gold = [beads(([0], [0])), beads(([0], [0]), ([1], [1]))]
    pred = [beads(([0], [0])), beads(([0], [1]), ([1], [0]))]
    result = score_alignments(gold, pred)
    assert result["precision_strict"] == pytest.approx(1 / 3)
    assert result["recall_strict"] == pytest.approx(1 / 3)


def test_target_only_beads_are_never_lax_matches():
    gold = beads(([], [0]), ([0], [1]))
    pred = beads(([0], [0, 1]))
    result = score_alignments([gold], [pred])
    assert result["precision_lax"] == 1.0  # [0]:[0,1] overlaps gold [0]:[1]
    assert result["precision_strict"] == 0.0
    assert result["null_0-1"]["recall"] == 0.0


def test_gold_files_of_the_dev_set_parse():
    folder = shared_path("data", "enid-sent-dev", "hard")
    gold = read_beads(folder / "dev-0001.gold")
    n_en = len((folder / "dev-0001.en").read_text(encoding="utf-8").splitlines())
    assert sorted(i for b in gold for i in b.src) == list(range(n_en))
    assert score_alignments([gold], [gold])["f1_strict"] == 1.0
