"""Shared test helpers: the ../shared data folder (skip cleanly without it), the bundled encoder, and
the `align` CLI run in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "corpora" / "sample"
CREATED = "2025-01-31T00:00:00Z"  # a fixed TMX creation date, so runs compare byte for byte


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside a development checkout)")
    return path


def eval_dev_documents(limit: int) -> list[dict]:
    """The first ``limit`` records of ../shared/data/eval-dev/docs.jsonl (skip when absent)."""
    path = shared_path("data", "eval-dev", "docs.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:limit]]


@pytest.fixture(scope="session")
def bundled_encoder(tmp_path_factory):
    """The real bundled model behind a cache private to this test session."""
    from align.embed import load_encoder

    return load_encoder("bundled", cache_dir=str(tmp_path_factory.mktemp("embed-cache")))


FILE_PERMISSIONS_BINDING = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
"""Prefix that makes a root process obey file permissions (it drops the two capabilities that let
root read and write past them), so permission tests mean the same as root and as a user."""


def run_cli(args, cache: Path, *, env: dict | None = None, program: Path | None = None, cwd: Path = REPO,
            timeout: int = 600) -> subprocess.CompletedProcess:
    """``align ARGS`` (or the script ``program`` with ARGS) in a subprocess, with the embedding cache in
    ``cache`` and ``env`` added to the environment, bound by file permissions even when run as root.
    Whatever it does, it prints no traceback."""
    python = [*FILE_PERMISSIONS_BINDING, sys.executable]
    prefix = [*python, str(program)] if program else [*python, "-m", "align.cli"]
    proc = subprocess.run([*prefix, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, ALIGN_CACHE_DIR=str(cache), **(env or {})), timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Non-zero exit and exactly one ``align:`` line on stderr, holding every needle; returns it."""
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("align: ")]
    assert len(errors) == 1, proc.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


COMPARED = ("corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id", "articles.jsonl", "pairs.jsonl",
            "alignments.jsonl")
"""The outputs two runs on the same input must agree on byte for byte."""


def sample_config(cache: Path, settings: dict | None = None):
    """The tests' Config: a private cache, a fixed date, quiet, and ``settings`` (dotted paths)."""
    from align.config import Config, override

    base = {"embed.cache_dir": str(cache), "export.created": CREATED, "quiet": True}
    return override(Config(), {**base, **(settings or {})})


def run_sample(outdir: Path, cache: Path, settings: dict | None = None) -> dict[str, bytes]:
    """``run`` (in this process) over corpora/sample with a fixed date; the compared outputs' bytes."""
    from align.pipeline import run

    run([str(SAMPLE)], outdir, sample_config(cache, settings))
    return read_outputs(outdir)


def read_outputs(outdir: Path) -> dict[str, bytes]:
    return {name: (outdir / name).read_bytes() for name in COMPARED}


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """One ``run`` over corpora/sample (real bundled model, cold private cache, fixed date) shared by
    the tests that only read its outputs: its RunResult."""
    from align.pipeline import run

    root = tmp_path_factory.mktemp("sample-run")
    return run([str(SAMPLE)], root / "out", sample_config(root / "cache"))


def enid_doc(variant: str, stem: str) -> tuple[list[str], list[str], list]:
    """English and Indonesian sentences and gold beads of one enid-sent-dev document (skips without it)."""
    from align.export.beads import read_beads

    folder = shared_path("data", "enid-sent-dev", variant)
    en = (folder / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    id_ = (folder / f"{stem}.id").read_text(encoding="utf-8").splitlines()
    return en, id_, read_beads(folder / f"{stem}.gold")


def assert_complete_beads(beads, n: int, m: int, max_align: int = 5) -> None:
    """Beads are monotonic, cover every sentence exactly once and respect max_align."""
    assert [i for b in beads for i in b.src] == list(range(n)), "monotonic, every sentence exactly once"
    assert [j for b in beads for j in b.tgt] == list(range(m)), "monotonic, every sentence exactly once"
    assert all(0 < len(b.src) + len(b.tgt) <= max_align for b in beads)
