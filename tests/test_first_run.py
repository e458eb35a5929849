"""The first run after an install compiles the alignment kernels in the background and says so; later runs
load them from numba's cache and show no such row."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import COMPARED, CREATED, REPO, SAMPLE, read_outputs

from align.pipeline import ONE_TIME_COMPILE


def _run(outdir, numba_cache) -> str:
    env = dict(os.environ, NUMBA_CACHE_DIR=str(numba_cache), PYTHONPATH=str(REPO))
    command = [sys.executable, "-c", "import sys; from align.cli import app; sys.argv[0] = 'align'; app()",
               "run", str(SAMPLE), "-o", str(outdir), "--created", CREATED, "--quiet"]
    subprocess.run(command, env=env, check=True, cwd=REPO, capture_output=True, text=True)
    return (outdir / "report.md").read_text(encoding="utf-8").split("## Timings")[1]


def test_compile_time_is_reported_as_a_one_time_cost(tmp_path):
    first = _run(tmp_path / "first", tmp_path / "numba")  # a fresh numba cache: a first run after install
    second = _run(tmp_path / "second", tmp_path / "numba")
    assert ONE_TIME_COMPILE in first and ONE_TIME_COMPILE not in second
    assert read_outputs(tmp_path / "first") == read_outputs(tmp_path / "second")
    assert set(read_outputs(tmp_path / "first")) == set(COMPARED)
