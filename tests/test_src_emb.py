"""`align sentences --src-emb/--tgt-emb`: precomputed vectors in, no model loaded, one clear line for
every array that does not fit the text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import assert_one_line_error, run_cli

EN = ["The dam is full after weeks of rain.", "Farmers welcomed the news.", "Officials will open the gates on Friday."]
ID = ["Bendungan itu penuh setelah hujan berminggu-minggu.", "Para petani menyambut baik kabar tersebut.",
      "Petugas akan membuka pintu air pada hari Jumat."]
NO_MODEL = "/nonexistent/model"  # loading it would fail: a run that succeeds never loaded a model


def _write(tmp_path: Path, src_vecs, tgt_vecs) -> list[str]:
    (tmp_path / "doc.en").write_text("\n".join(EN) + "\n", encoding="utf-8")
    (tmp_path / "doc.id").write_text("\n".join(ID) + "\n", encoding="utf-8")
    np.save(tmp_path / "src.npy", src_vecs)
    np.save(tmp_path / "tgt.npy", tgt_vecs)
    return ["sentences", tmp_path / "doc.en", tmp_path / "doc.id", "-o", tmp_path / "doc.align", "-q",
            "--model", NO_MODEL, "--src-emb", tmp_path / "src.npy", "--tgt-emb", tmp_path / "tgt.npy"]


def _vectors(rows: int = 3, dim: int = 24, seed: int = 0):
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(rows, dim)).astype(np.float32)
    tgt = (src + 0.2 * rng.normal(size=src.shape)).astype(np.float32)
    return src, tgt  # deliberately not normalised: the command normalises rows itself


def test_precomputed_vectors_align_without_a_model(tmp_path):
    src, tgt = _vectors()
    proc = run_cli(_write(tmp_path, src, tgt), tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "doc.align").read_text().splitlines()
    assert [line.rsplit(":", 1)[0] for line in lines] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert not (tmp_path / "cache").exists()  # nothing embedded, nothing cached


@pytest.mark.parametrize("change, needles", [
    (lambda s, t: (s[:2], t), ["src.npy", "2 rows", "doc.en has 3 lines"]),
    (lambda s, t: (s, t.astype(np.float64)), ["tgt.npy", "dtype float64", "float32"]),
    (lambda s, t: (s, t[:, :10].copy()), ["tgt.npy", "dimension 10", "24"]),
    (lambda s, t: (s.reshape(-1), t), ["src.npy", "2-D"]),
    (lambda s, t: (np.where(np.arange(3)[:, None] == 1, np.nan, s).astype(np.float32), t), ["src.npy", "row 1", "NaN"]),
    (lambda s, t: (s, np.where(np.arange(3)[:, None] == 2, np.inf, t).astype(np.float32)), ["tgt.npy", "row 2", "infinite"]),
    (lambda s, t: (s, np.where(np.arange(3)[:, None] == 0, 0, t).astype(np.float32)), ["tgt.npy", "row 0", "all zeros"]),
])
def test_arrays_that_do_not_fit_give_one_line(tmp_path, change, needles):
    src, tgt = change(*_vectors())
    proc = run_cli(_write(tmp_path, src, tgt), tmp_path / "cache")
    assert_one_line_error(proc, *needles)
    assert not (tmp_path / "doc.align").exists()


def test_one_flag_without_the_other(tmp_path):
    src, tgt = _vectors()
    args = _write(tmp_path, src, tgt)[:-2]  # drop --tgt-emb
    assert_one_line_error(run_cli(args, tmp_path / "cache"), "--src-emb and --tgt-emb")


def test_a_file_that_is_not_npy(tmp_path):
    src, tgt = _vectors()
    args = _write(tmp_path, src, tgt)
    (tmp_path / "src.npy").write_text("not an array\n")
    assert_one_line_error(run_cli(args, tmp_path / "cache"), "src.npy", "not a NumPy .npy array")
