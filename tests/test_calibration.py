"""The default export filter: a calibrated confidence tied to the model, and a threshold that keeps
foreign sentences out of the corpus while exporting nearly every correct pair."""

from __future__ import annotations

import json
import random

import pytest

from align.config import Config
from align.export.calibration import CALIBRATION_FILE, Calibration, calibration_for, load_calibration
from align.export.filters import FilterOptions, filter_pairs
from align.export.text import clean_segment
from align.pipeline import segment_pairs
from align.records import Article, Bead, DocPair, Sentence
from align.result import PairAlignment, RunResult
from conftest import enid_doc, shared_path


def test_stored_calibration_is_for_the_bundled_model_and_increases_with_the_raw_score(bundled_encoder):
    calibration, note = calibration_for(bundled_encoder.name)
    assert calibration is not None and note is None
    assert 0.0 < calibration.threshold < 1.0
    for kind in ("1-1", "2-1", "1-3"):
        scores = [calibration.confidence(raw, kind) for raw in (0.05, 0.3, 0.6, 0.9, 0.999)]
        assert scores == sorted(scores) and all(0.0 <= s <= 1.0 for s in scores)


def test_another_model_ignores_the_calibration_and_says_so(tmp_path):
    calibration, note = calibration_for("st:some/other-model")
    assert calibration is None and "other-model" in note and "raw" in note
    broken = tmp_path / "calibration.json"
    broken.write_text('{"model": "x", "curves": {}}', encoding="utf-8")
    assert load_calibration(broken) is None
    assert calibration_for("x", path=broken)[0] is None
    stored = load_calibration()
    assert stored.model_version  # tied to the model's version too
    calibration, note = calibration_for(stored.model, "another-version")
    assert calibration is None and "another-version" in note


def test_min_score_zero_keeps_every_pair_the_default_drops():
    stored = load_calibration()
    assert stored is not None
    low = Bead((0,), (0,), 0.05)
    result = _result([low], stored)
    pairs = list(segment_pairs(result))
    assert pairs[0].score == stored.confidence(0.05, "1-1") < stored.threshold
    kept, drops = filter_pairs(pairs, FilterOptions(min_score=stored.threshold))
    assert not kept and drops["min_score"] == 1
    kept, drops = filter_pairs(pairs, FilterOptions(min_score=0.0))
    assert len(kept) == 1 and drops["min_score"] == 0


def test_calibration_round_trips_through_json():
    stored = load_calibration()
    again = Calibration.from_json(json.loads(json.dumps(stored.to_json())))
    assert again == stored
    assert json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))["model"] == stored.model


def _result(beads: list[Bead], calibration, en=("A flood closed the road.",), ind=("Banjir menutup jalan.",)) -> RunResult:
    def article(id_, lang, texts):
        return Article(id_, f"{lang}.txt", lang, texts[0], 0, len(texts), list(texts),
                       [Sentence(t, 0, len(t), k) for k, t in enumerate(texts)])

    a, b = article("d.en:0", "en", list(en)), article("d.id:0", "id", list(ind))
    pair = DocPair(a.id, b.id, 0.9)
    return RunResult(config=Config(), outdir=None, inputs={}, articles=[a, b], pairs=[pair],
                     alignments=[PairAlignment(pair, beads)], calibration=calibration)


PLANT_SEED = 2025  # not the seed benchmarks/calibrate.py plants with


def test_planted_foreign_sentences_are_not_exported_by_default(bundled_encoder):
    """Six long EN-ID documents, each with one Indonesian sentence replaced by a sentence of another
    document: by default none of the planted sentences reaches the corpus, and at least 90 % of the
    correct pairs do. (enid-sent-dev is the data the calibration was fit on.)"""
    from align.align import align_sentences

    folder = shared_path("data", "enid-sent-dev", "clean")
    stems = sorted((g.stem for g in folder.glob("*.gold")),
                   key=lambda stem: -len((folder / f"{stem}.en").read_text(encoding="utf-8").splitlines()))
    chosen, others = stems[:6], stems[6:]
    rng = random.Random(PLANT_SEED)
    calibration, _ = calibration_for(bundled_encoder.name)
    leaked, exported, correct_total, correct_exported = [], 0, 0, 0
    for stem in chosen:
        en, ind, gold = enid_doc("clean", stem)
        donor = [text for text in enid_doc("clean", rng.choice(others))[1] if text not in ind]
        index = rng.randrange(len(ind))
        ind[index] = rng.choice(donor)
        beads = align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(ind), en, ind)
        result = _result(beads, calibration, en, ind)
        kept, _ = filter_pairs(segment_pairs(result), FilterOptions(min_score=calibration.threshold))
        kept_texts = {(p.src, p.tgt) for p in kept}
        exported += len(kept)
        for bead, pair in zip(beads, segment_pairs(result)):
            if index in bead.tgt and (clean_segment(pair.src), clean_segment(pair.tgt)) in kept_texts:
                leaked.append(pair)
        truth = {(" ".join(en[i] for i in b.src), " ".join(ind[j] for j in b.tgt)) for b in gold if index not in b.tgt}
        correct_total += len(truth)
        correct_exported += len(truth & kept_texts)
    assert exported > 100
    assert leaked == []
    assert correct_exported >= 0.9 * correct_total, (correct_exported, correct_total)


EN = ["In 2019, 45 people died when the Ciliwung river flooded Jakarta.",
      "Rescue teams used rubber boats to reach families on their roofs.",
      "The governor said the city would build new dams before the next rainy season.",
      "Schools in the east of the city stayed closed for a week."]
ID = ["Pada 2019, 45 orang meninggal ketika Sungai Ciliwung membanjiri Jakarta.",
      "Tim penyelamat memakai perahu karet untuk menjangkau keluarga di atas atap rumah.",
      "Gubernur mengatakan kota itu akan membangun bendungan baru sebelum musim hujan berikutnya.",
      "Sekolah di bagian timur kota tetap tutup selama seminggu."]


def test_each_matched_bead_carries_the_cores_evidence(bundled_encoder):
    """The core gives every matched bead a feature record read from what it computed (sizes,
    anchors, null beads, margins); null beads have none."""
    from align.align import align_sentences
    from align.align.features import FEATURES

    en, ind = EN + ["This sentence has no counterpart at all, it was added by an editor."], ID
    beads = align_sentences(bundled_encoder.encode(en), bundled_encoder.encode(ind), en, ind)
    null_share = sum(len(b.src) + len(b.tgt) for b in beads if not b.src or not b.tgt) / (len(en) + len(ind))
    assert any(not b.src or not b.tgt for b in beads)
    for bead in beads:
        if not bead.src or not bead.tgt:
            assert bead.features is None
            continue
        assert set(bead.features) == set(FEATURES)
        assert bead.features["size"] == len(bead.src) + len(bead.tgt)
        assert bead.features["null_share"] == pytest.approx(null_share, abs=1e-3)
        assert bead.features["rival"] > 0  # a clean translation beats every other pairing of its sentences
    first = next(b for b in beads if 0 in b.src)
    assert first.features["shared"] >= 3  # 2019, 45, Ciliwung, Jakarta on both sides
    assert json.loads(json.dumps(beads[0].features)) == beads[0].features


def test_confidence_reads_the_feature_record_and_falls_back_to_the_raw_score():
    stored = load_calibration()
    record = {"evidence": 4.0, "rival": 4.0, "split": 5.5, "weakest": 4.0, "length": 0.4, "shared": 1, "unmatched": 2,
              "continuation": 0, "size": 2, "null_near": 0, "null_share": 0.05}
    rising = [stored.confidence(0.9, "1-1", {**record, "evidence": e, "split": e + 1.5, "weakest": min(e, 4.0)})
              for e in (-4, 0, 4, 8)]
    assert rising == sorted(rising) and rising[0] < rising[-1]
    assert stored.confidence(0.9, "1-1", None) == stored.confidence(0.9, "1-1")
    assert stored.confidence(0.9, "1-1", {**record, "rival": "high"}) == stored.confidence(0.9, "1-1")


def test_features_travel_through_alignments_jsonl_and_the_checkpoint(tmp_path):
    """`align export` / `align review` recompute the run's confidence from alignments.jsonl, and a
    resumed run reuses beads with their features: both keep the record."""
    from align.checkpoint import AlignmentCheckpoint
    from align.export.calibration import bead_confidence
    from align.pipeline import write_outputs
    from align.review.records import read_run

    stored = load_calibration()
    features = {"evidence": 1.0, "rival": 0.5, "split": 2.5, "weakest": 0.5, "length": 1.2, "shared": 0, "unmatched": 3,
                "continuation": 0, "size": 2, "null_near": 1, "null_share": 0.2}
    result = _result([Bead((0,), (0,), 0.93, features)], stored)
    write_outputs(result, tmp_path / "run")
    recorded = read_run(tmp_path / "run").beads[("d.en:0", "d.id:0")][0]
    assert recorded.features == features
    exported = next(segment_pairs(result)).score
    assert bead_confidence(Bead(recorded.src, recorded.tgt, recorded.score, recorded.features), stored) == exported
    assert exported != stored.confidence(0.93, "1-1")  # the record, not the raw score, decided it

    AlignmentCheckpoint(tmp_path / "out", "sig").add("key", [Bead((0,), (0,), 0.93, features), Bead((1,), (), 0.8)])
    again = AlignmentCheckpoint(tmp_path / "out", "sig").done["key"]
    assert [b.features for b in again] == [features, None]


def test_a_bead_unlike_every_development_bead_cannot_swing_its_confidence():
    """Standardised features are clipped: a feature far outside the development range counts as if
    it were at the edge of it."""
    from align.export.calibration import Z_CLIP

    stored = load_calibration()
    model = stored.models["n-m"]
    record = dict(zip(model.names, model.mean))
    for name, mean, scale in zip(model.names, model.mean, model.scale):
        edge = stored.confidence(0.9, "2-1", {**record, name: mean + Z_CLIP * scale})
        assert stored.confidence(0.9, "2-1", {**record, name: mean + 100 * Z_CLIP * scale}) == edge
