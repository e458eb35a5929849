"""End-to-end evaluation of run folders (`align eval --gold-dataset`) and bead files (`align eval --gold`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.errors import InputError
from align.export.beads import read_beads
from align.evaluate.run import GoldIndex, canonical, evaluate_run, load_gold_dataset
from align.pipeline import write_jsonl
from benchmarks import run_all
from benchmarks.pairing import load_eval_dev
from conftest import shared_path

# A tiny gold set in eval-dev's format, text written for this test.
GOLD_DOCS = [
    {"pair_id": "t-1", "en": ["Rain floods Jakarta", "Heavy rain fell on Monday. Roads were closed.", "Buses ran late."],
     "id_sents": ["Hujan membanjiri Jakarta", "Hujan deras turun pada hari Senin. Jalan-jalan ditutup.",
                  "Bus terlambat."],
     "gold": [[[0], [0]], [[1], [1]], [[2], [2]]]},
    {"pair_id": "t-2", "en": ["Team wins final", "The home team won the final 2-1.", "Fans celebrated all night."],
     "id_sents": ["Tim menjuarai final", "Tim tuan rumah memenangkan final 2-1.", "Para penggemar merayakan semalaman."],
     "gold": [[[0], [0]], [[1], [1]], [[2], [2]]]},
]
UNPAIRED = [{"key": "t-only-en", "lang": "en", "sents": ["Stocks fall", "Shares fell sharply on Friday."]}]


def _article(id_: str, lang: str, sentences: list[str]) -> dict:
    return {"id": id_, "file": f"run.{lang}.txt", "lang": lang, "title": sentences[0], "date": None,
            "line_start": 0, "line_end": 3, "paragraphs": sentences, "sentences": sentences,
            "sentence_spans": [[0, 0, 0]] * len(sentences)}


@pytest.fixture()
def gold_dir(tmp_path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    write_jsonl(folder / "docs.jsonl", GOLD_DOCS)
    write_jsonl(folder / "unpaired.jsonl", UNPAIRED)
    return folder


@pytest.fixture()
def run_dir(tmp_path) -> Path:
    """A run that split 'Heavy rain ... closed.' into two sentences, paired the unpaired article with
    t-2's Indonesian article, and whose text differs from gold in case, spacing and quotes only."""
    folder = tmp_path / "run"
    folder.mkdir()
    articles = [
        _article("en:0", "en", ["Rain floods  Jakarta", "Heavy rain fell on Monday.", "Roads were closed.", "Buses ran late."]),
        _article("id:0", "id", ["Hujan membanjiri Jakarta", "Hujan deras turun pada hari Senin.", "Jalan-jalan ditutup.",
                                "Bus terlambat."]),
        _article("en:1", "en", ["STOCKS FALL", "Shares fell sharply on Friday."]),
        _article("id:1", "id", ["Tim menjuarai final", "Tim tuan rumah memenangkan final 2-1.",
                                "Para penggemar merayakan semalaman."]),
    ]
    write_jsonl(folder / "articles.jsonl", articles)
    write_jsonl(folder / "pairs.jsonl", [{"src": "en:0", "tgt": "id:0", "score": 0.9},
                                          {"src": "en:1", "tgt": "id:1", "score": 0.2}])
    beads = [("en:0", "id:0", [0], [0]), ("en:0", "id:0", [1], [1]), ("en:0", "id:0", [2], [2]),
             ("en:0", "id:0", [3], []), ("en:1", "id:1", [0], [0]), ("en:1", "id:1", [1], [1, 2])]
    write_jsonl(folder / "alignments.jsonl", [{"pair": [e, i], "src": s, "tgt": t, "score": 0.5} for e, i, s, t in beads])
    tsv = ["en:0\tid:0\tRain floods Jakarta\tHujan membanjiri Jakarta\t0.9",
           "en:0\tid:0\tHeavy rain fell on Monday.\tHujan deras turun pada hari Senin.\t0.8",
           "en:0\tid:0\tRoads were closed.\tJalan-jalan ditutup.\t0.8",
           "en:1\tid:1\tShares fell sharply on Friday.\tA sentence the gold set does not hold.\t0.3"]
    (folder / "corpus.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    return folder


def test_canonical_keeps_letters_and_digits_only():
    assert canonical("“Hujan”  deras, 2-1!") == "hujanderas21"
    assert canonical("ﬁnal") == "final"


def test_gold_index_maps_text_onto_the_segments_it_overlaps():
    index = GoldIndex([("a", ["One two.", "Three four."]), ("b", ["One two."])])
    assert index.locate("two. Three") == (0, 1)
    assert index.locate("one TWO") == (0,)
    assert index.locate("One two.", prefer="b") == (2,)
    assert index.unique_doc("One two.") is None and index.unique_doc("four") == "a"
    assert index.locate("absent") is None and index.locate("...") is None


def test_evaluate_run_scores_documents_and_sentence_pairs(gold_dir, run_dir):
    scores = evaluate_run(load_gold_dataset(gold_dir), run_dir)
    docs = scores["documents"]
    assert (docs["predicted"], docs["gold"], docs["correct"]) == (2, 2, 1)
    assert docs["precision"] == 0.5 and docs["recall"] == 0.5
    assert docs["gold_unpaired_left_unpaired"] == 0 and docs["articles_mapped"] == 4
    # all beads: the split sentence maps twice onto gold bead t-1/1 (counted once); the 1-0 bead is
    # not a sentence pair; the two beads of the wrong document pair are wrong
    aligned = scores["alignments"]
    assert aligned["rows"] == 5 and aligned["rows_correct"] == 3
    assert aligned["precision_strict"] == pytest.approx(2 / 4)
    assert aligned["recall_strict"] == pytest.approx(2 / 6)
    corpus = scores["corpus"]
    assert corpus["rows"] == 4 and corpus["rows_unmapped_tgt"] == 1 and corpus["rows_unmapped_src"] == 0
    assert corpus["precision_strict"] == pytest.approx(2 / 3)
    assert corpus["recall_strict"] == pytest.approx(2 / 6)


def test_a_run_in_the_other_direction_scores_the_same(gold_dir, run_dir):
    """`--src id --tgt en` writes the Indonesian side first; the gold set is English first."""
    forward = evaluate_run(load_gold_dataset(gold_dir), run_dir)
    pairs = [json.loads(line) for line in (run_dir / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    write_jsonl(run_dir / "pairs.jsonl", [dict(p, src=p["tgt"], tgt=p["src"]) for p in pairs])
    beads = [json.loads(line) for line in (run_dir / "alignments.jsonl").read_text(encoding="utf-8").splitlines()]
    write_jsonl(run_dir / "alignments.jsonl", [dict(b, pair=b["pair"][::-1], src=b["tgt"], tgt=b["src"]) for b in beads])
    rows = [line.split("\t") for line in (run_dir / "corpus.tsv").read_text(encoding="utf-8").splitlines()]
    (run_dir / "corpus.tsv").write_text("".join("\t".join([r[1], r[0], r[3], r[2], r[4]]) + "\n" for r in rows),
                                        encoding="utf-8")
    backward = evaluate_run(load_gold_dataset(gold_dir), run_dir)
    for key in ("documents", "alignments", "corpus"):
        assert backward[key] == forward[key], key


def test_evaluate_run_rejects_a_folder_without_run_outputs(gold_dir, tmp_path):
    with pytest.raises(InputError, match="no articles.jsonl"):
        evaluate_run(load_gold_dataset(gold_dir), tmp_path / "gold")


def test_align_eval_gold_dataset_prints_table_and_json(gold_dir, run_dir):
    runner = CliRunner()
    table = runner.invoke(app, ["eval", "--gold-dataset", str(gold_dir), str(run_dir)])
    assert table.exit_code == 0, table.output
    assert "document pairs" in table.output and "exported (corpus.tsv) strict" in table.output
    as_json = runner.invoke(app, ["eval", "--gold-dataset", str(gold_dir), str(run_dir), "--json"])
    assert json.loads(as_json.output)["documents"]["correct"] == 1


def test_align_eval_needs_exactly_one_gold(run_dir):
    done = CliRunner().invoke(app, ["eval", str(run_dir)])
    assert done.exit_code == 2 and "exactly one of --gold" in done.output


# ---- real data: eval-dev rendered as a perfect run; enid-sent-dev bead files ----------------------


def _gold_run(folder: Path, eval_dev: Path, swap: int = 0) -> int:
    """Write eval-dev's own segmentation and alignment as an `align run` folder; swap the Indonesian
    sides of the first ``swap`` consecutive pairs of pairs. Returns the number of beads written."""
    articles, gold = load_eval_dev(eval_dev)
    pairs = sorted(gold)
    for k in range(0, 2 * swap, 2):
        (e1, i1), (e2, i2) = pairs[k], pairs[k + 1]
        pairs[k], pairs[k + 1] = (e1, i2), (e2, i1)
    by_id = {a.id: a for a in articles}
    folder.mkdir()
    write_jsonl(folder / "articles.jsonl", [a.to_json() for a in articles])
    write_jsonl(folder / "pairs.jsonl", [{"src": e, "tgt": i, "score": 1.0} for e, i in pairs])
    beads = [(e, i, k) for e, i in pairs for k in range(min(len(by_id[e].sentences), len(by_id[i].sentences)))]
    write_jsonl(folder / "alignments.jsonl", [{"pair": [e, i], "src": [k], "tgt": [k], "score": 1.0} for e, i, k in beads])
    rows = [f"{e}\t{i}\t{by_id[e].sentences[k].text}\t{by_id[i].sentences[k].text}\t1.0" for e, i, k in beads]
    (folder / "corpus.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(beads)


@pytest.fixture()
def gold_as_predictions(tmp_path) -> tuple[Path, Path]:
    """enid-sent-dev hard's gold bead files, and a folder holding them again as predictions."""
    hard = shared_path("data", "enid-sent-dev", "hard")
    pred = tmp_path / "pred"
    pred.mkdir()
    for gold in sorted(hard.glob("*.gold")):
        shutil.copy(gold, pred / f"{gold.stem}.align")
    return hard, pred


def test_eval_dev_gold_rendered_as_a_run_scores_perfectly(tmp_path):
    eval_dev = shared_path("data", "eval-dev")
    written = _gold_run(tmp_path / "run", eval_dev)
    _, gold = load_eval_dev(eval_dev)
    scores = evaluate_run(load_gold_dataset(eval_dev), tmp_path / "run")
    assert scores["documents"]["correct"] == scores["documents"]["gold"] == len(gold)
    assert scores["documents"]["gold_unpaired_left_unpaired"] == scores["documents"]["gold_unpaired"]
    for key in ("alignments", "corpus"):
        assert scores[key]["rows"] == written
        assert scores[key]["f1_strict"] == 1.0 and scores[key]["rows_unmapped_src"] == 0


def test_eval_dev_swapped_pairs_lose_their_documents_and_sentences(tmp_path):
    eval_dev = shared_path("data", "eval-dev")
    _gold_run(tmp_path / "run", eval_dev, swap=5)
    gold = len(load_eval_dev(eval_dev)[1])
    scores = evaluate_run(load_gold_dataset(eval_dev), tmp_path / "run")
    assert scores["documents"]["correct"] == gold - 2 * 5  # each swap spoils two pairs
    assert scores["documents"]["recall"] == pytest.approx((gold - 10) / gold)
    assert scores["corpus"]["precision_strict"] < 1.0 and scores["corpus"]["rows_unmapped_tgt"] == 0


def test_align_eval_bead_folders_by_stem(gold_as_predictions):
    hard, pred = gold_as_predictions
    first = sorted(pred.iterdir())[0]
    lines = first.read_text(encoding="utf-8").splitlines()
    first.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")  # lose the first bead of one document

    done = CliRunner().invoke(app, ["eval", "--gold", str(hard), str(pred), "--json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    def two_one(folder: Path, suffix: str) -> int:
        return sum(b.kind == "2-1" for path in folder.glob(f"*{suffix}") for b in read_beads(path))

    gold_2_1, predicted_2_1 = two_one(hard, ".gold"), two_one(pred, ".align")
    assert report["documents"] == len(list(hard.glob("*.gold"))) and report["precision_strict"] == 1.0
    assert report["per_kind"]["2-1"]["gold"] == gold_2_1 > 0
    assert report["per_kind"]["2-1"]["predicted"] == report["per_kind"]["2-1"]["exact"] == predicted_2_1
    assert report["per_kind"]["2-1"]["precision"] == 1.0
    assert report["recall_strict"] < 1.0

    (pred / f"{first.stem}.align").unlink()
    missing = CliRunner().invoke(app, ["eval", "--gold", str(hard), str(pred)])
    assert missing.exit_code == 2 and "no prediction" in missing.output


def test_run_all_rescores_saved_predictions_with_align_eval(gold_as_predictions):
    """benchmarks/run_all.py re-scores any result that names its gold and prediction folders."""
    hard, pred = gold_as_predictions
    results = {"quality": {"results": {"enid-hard": {
        "align": {"f1_strict": 1.0, "f1_lax": 1.0, "gold": str(hard), "predictions": str(pred)},
        "other": {"f1_strict": 0.5, "f1_lax": 0.6, "gold": str(hard), "predictions": str(pred)}}}}}
    checks = run_all.rescore(results)
    assert [(c["reported_f1_strict"], c["align_eval_f1_strict"], c["same"]) for c in checks] == [
        (1.0, 1.0, True), (0.5, 1.0, False)]
