"""Sentence vectors stored as float16 (the default) give the run that float32 storage gives: the same
pairs, beads and exported segments; scores agree to the documented tolerance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from align.embed.config import EmbedConfig
from align.pipeline import embed_articles
from align.records import Article, Sentence
from conftest import CREATED, run_cli

SCORE_TOLERANCE = 0.005  # README: float16 storage moves pair and bead scores by at most this much


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("dtype")
    (base / "f32.toml").write_text('[embed]\nvector_dtype = "float32"\n', encoding="utf-8")
    for name, extra in (("f16", []), ("f32", ["--config", base / "f32.toml"])):
        proc = run_cli(["run", "corpora/sample", "-o", base / name, "--created", CREATED, "--quiet", *extra],
                       base / "cache", timeout=900)
        assert proc.returncode == 0, proc.stderr
    return base / "f16", base / "f32"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_float16_storage_keeps_pairs_beads_and_segments(runs):
    f16, f32 = runs
    for name in ("corpus.en", "corpus.id", "articles.jsonl"):
        assert (f16 / name).read_bytes() == (f32 / name).read_bytes(), name
    pairs16, pairs32 = _jsonl(f16 / "pairs.jsonl"), _jsonl(f32 / "pairs.jsonl")
    assert [(p["src"], p["tgt"]) for p in pairs16] == [(p["src"], p["tgt"]) for p in pairs32]
    assert max(abs(a["score"] - b["score"]) for a, b in zip(pairs16, pairs32)) <= SCORE_TOLERANCE
    beads16, beads32 = _jsonl(f16 / "alignments.jsonl"), _jsonl(f32 / "alignments.jsonl")
    assert [(b["pair"], b["src"], b["tgt"]) for b in beads16] == [(b["pair"], b["src"], b["tgt"]) for b in beads32]
    assert max(abs(a["score"] - b["score"]) for a, b in zip(beads16, beads32)) <= SCORE_TOLERANCE


def test_manifest_and_report_say_which_storage_was_used(runs):
    for folder, dtype in zip(runs, ("float16", "float32")):
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["stages"]["embed"]["vector_dtype"] == dtype
        assert f"embed.vector_dtype | {dtype}" in (folder / "report.md").read_text(encoding="utf-8")


class _Encoder:
    name, dim = "fixed", 8

    def encode(self, texts):
        rng = np.random.default_rng(len(texts))
        vectors = rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_vectors_are_stored_in_the_chosen_dtype_once_per_sentence():
    articles = [Article(id=f"a{k}", file="f", lang="en", title="", line_start=0, line_end=0, paragraphs=[],
                        sentences=[Sentence(f"Sentence {k} {j}.", 0, 0, 0) for j in range(3)]) for k in range(4)]
    for dtype in ("float16", "float32"):
        vectors = embed_articles(articles, _Encoder(), True, EmbedConfig(vector_dtype=dtype))
        assert {v.dtype for v in vectors.values()} == {np.dtype(dtype)}
        assert all(np.shares_memory(vectors["a0"].base, v) for v in vectors.values())  # views of one matrix


def test_unknown_vector_dtype_is_refused():
    with pytest.raises(ValueError, match="vector_dtype"):
        EmbedConfig(vector_dtype="int8")


def test_vectors_on_disk_give_the_outputs_vectors_in_memory_give(tmp_path, monkeypatch):
    """Two-stage pairing, alignment and export read the vectors from the run's vector files exactly
    as from memory (a synthetic corpus big enough for the two-stage path, hash encoder)."""
    from align import pipeline
    from align.config import Config, override
    from align.embed.cache import CachedEncoder
    from align.executors import local
    from benchmarks.memory import HashEncoder, synthesise

    synthesise(tmp_path / "corpus", 120)
    monkeypatch.setattr(local, "load_encoder", lambda model, **options: CachedEncoder(HashEncoder(), "off"))
    written = []
    real_write = pipeline.VectorFile.write
    monkeypatch.setattr(pipeline.VectorFile, "write", lambda self, *a: written.append(self.path) or real_write(self, *a))
    outputs = {}
    for on_disk in (True, False):
        config = override(Config(), {"quiet": True, "export.created": CREATED, "embed.vectors_on_disk": on_disk})
        result = pipeline.run([tmp_path / "corpus"], tmp_path / str(on_disk), config)
        assert len(result.pairs) >= 100
        outputs[on_disk] = {name: (tmp_path / str(on_disk) / name).read_bytes()
                            for name in ("pairs.jsonl", "alignments.jsonl", "corpus.tsv", "corpus.tmx")}
    assert outputs[True] == outputs[False]
    assert len(set(written)) == 2  # the leads' file and the whole articles' file
    assert not [p for p in tmp_path.rglob(".vectors-*")]  # deleted once aligned


def test_vector_file_reads_back_what_was_written(tmp_path):
    from align.embed.store import VectorFile

    store = VectorFile(tmp_path / "v.bin", 4, "float16", {"a": (0, 2), "b": (2, 5), "empty": (5, 5)})
    vectors = np.arange(20, dtype=np.float32).reshape(5, 4) / 7
    store.write([4, 0, 2], vectors[[4, 0, 2]])
    store.write([1, 3], vectors[[1, 3]])
    assert np.array_equal(store["a"], vectors[:2].astype(np.float16))
    assert np.array_equal(store["b"], vectors[2:].astype(np.float16)) and store["empty"].shape == (0, 4)
    assert set(store) == {"a", "b", "empty"} and store.get("missing") is None
    store.close()
    assert not (tmp_path / "v.bin").exists()
