"""Same inputs and settings give byte-identical outputs, whatever the order the files were listed in,
the state of the embedding cache, the output folder or the process's hash seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CREATED, SAMPLE, run_cli

CORPUS_FILES = ("corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id")
RECORDS = ("articles.jsonl", "pairs.jsonl", "alignments.jsonl")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """The sample in two folders with the same file names, the second with its numbers changed."""
    root = tmp_path_factory.mktemp("determinism")
    files = []
    for folder, shift in (("a", 0), ("b", 7)):
        (root / folder).mkdir()
        for path in sorted(SAMPLE.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if shift:
                text = "\n".join(re.sub(r"\b\d{3,}\b", lambda m: str(int(m.group()) + shift), line)
                                 for line in text.split("\n"))
            (root / folder / path.name).write_text(text, encoding="utf-8")
            files.append(root / folder / path.name)
    return files


def align_run(inputs: list[Path], out: Path, cache: Path, hash_seed: str, *extra: str,
              env: dict | None = None) -> Path:
    proc = run_cli(["run", *inputs, "-o", out, "-q", *extra], cache, env={"PYTHONHASHSEED": hash_seed, **(env or {})})
    assert proc.returncode == 0, proc.stderr
    assert "pairs: 0 " not in proc.stdout
    return out


def read(out: Path, names=CORPUS_FILES + RECORDS) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def first(corpus, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("first")
    return align_run(corpus, root / "out", root / "cache", "1", "--created", CREATED)


def test_file_order_cache_state_and_hash_seed_do_not_change_outputs(corpus, first, tmp_path):
    listed_backwards = align_run(list(reversed(corpus)), tmp_path / "backwards", tmp_path / "unused", "2",
                                 "--created", CREATED, "--cache-dir", "off")
    assert read(listed_backwards) == read(first)
    assert not (tmp_path / "unused").exists()  # that run embedded everything afresh
    folders_swapped = [corpus[-1].parent, corpus[0].parent]
    by_folder = align_run(folders_swapped, tmp_path / "folders", first.parent / "cache", "3", "--created", CREATED)
    assert read(by_folder) == read(first)


def test_tmx_date_from_source_date_epoch(corpus, first, tmp_path):
    epoch = "1738281600"  # 2025-01-31T00:00:00Z
    out = align_run(corpus, tmp_path / "epoch", first.parent / "cache", "4", env={"SOURCE_DATE_EPOCH": epoch})
    assert read(out, CORPUS_FILES) == read(first, CORPUS_FILES)
    assert b'creationdate="20250131T000000Z"' in (out / "corpus.tmx").read_bytes()


def test_a_rerun_into_the_same_folder_is_identical(corpus, first, tmp_path):
    again = tmp_path / "again"
    align_run(corpus, again, first.parent / "cache", "5", "--created", CREATED)
    before = read(again)
    align_run(corpus, again, first.parent / "cache", "6", "--created", CREATED)
    assert read(again) == before == read(first)
