"""`align run` on the bundled sample corpus with the real bundled model, checked against our gold."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from align.export.tmxread import read_tmx
from conftest import CREATED, REPO, run_cli

GOLD = json.loads((REPO / "tests" / "data" / "sample_gold.json").read_text(encoding="utf-8"))
OUTPUTS = ["corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id", "articles.jsonl", "pairs.jsonl",
           "alignments.jsonl", "report.md", "report.html"]


def run_sample(outdir: Path, cache: Path) -> subprocess.CompletedProcess:
    proc = run_cli(["run", "corpora/sample", "-o", outdir, "--created", CREATED, "--quiet"], cache, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def sample_runs(tmp_path_factory):
    """Two runs over the sample sharing one embedding cache: a cold one and a warm one."""
    base = tmp_path_factory.mktemp("e2e")
    first = run_sample(base / "first", base / "cache")
    second = run_sample(base / "second", base / "cache")
    return base, first, second


def manifest(outdir: Path) -> dict:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_output_is_written(sample_runs):
    base, first, _ = sample_runs
    for name in OUTPUTS:
        assert (base / "first" / name).stat().st_size > 0, name
    assert first.stdout == ""  # --quiet
    assert manifest(base / "first")["stages"]["pair"]["pairs"] == 4
    assert sorted(p.name for p in base.iterdir() if p.name.startswith(".")) == []  # no work or staging folder left


def test_true_pairs_found_and_unpaired_left_alone(sample_runs):
    base, _, _ = sample_runs
    articles = jsonl(base / "first" / "articles.jsonl")
    titles = {a["id"]: a["title"] for a in articles}
    found = {(titles[p["src"]], titles[p["tgt"]]) for p in jsonl(base / "first" / "pairs.jsonl")}
    assert found == {(p["en_title"], p["id_title"]) for p in GOLD["pairs"]}
    paired = {article_id for p in jsonl(base / "first" / "pairs.jsonl") for article_id in (p["src"], p["tgt"])}
    for lang in ("en", "id"):
        for title in GOLD["unpaired"][lang]:
            holders = [a for a in articles if title in a["paragraphs"]]
            assert len(holders) == 1 and holders[0]["lang"] == lang, f"unpaired article not segmented: {title}"
            assert holders[0]["id"] not in paired


def test_most_tmx_units_are_gold_translations(sample_runs):
    base, _, _ = sample_runs
    units = read_tmx(base / "first" / "corpus.tmx")
    found = {(u.segments["en"], u.segments["id"]) for u in units}
    gold = {tuple(pair) for doc in GOLD["pairs"] for pair in doc["sentence_pairs"]}
    correct = found & gold
    assert len(correct) / len(found) >= 0.85, sorted(found - gold)
    assert len(correct) / len(gold) >= 0.85, sorted(gold - found)


def test_corpus_files_agree_line_for_line(sample_runs):
    base, _, _ = sample_runs
    units = len(read_tmx(base / "first" / "corpus.tmx"))
    for name in ("corpus.tsv", "corpus.en", "corpus.id"):
        assert len((base / "first" / name).read_text(encoding="utf-8").splitlines()) == units, name


def test_second_run_embeds_nothing_and_is_byte_identical(sample_runs):
    base, first, second = sample_runs
    assert manifest(base / "second")["stages"]["embed"]["new"] == 0
    assert manifest(base / "first")["stages"]["embed"]["new"] > 0
    for name in ("corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id", "alignments.jsonl", "pairs.jsonl"):
        assert (base / "first" / name).read_bytes() == (base / "second" / name).read_bytes(), name
