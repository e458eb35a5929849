"""The command line: help text, and one clear line with a non-zero exit for every bad input."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import SAMPLE, assert_one_line_error, run_cli

EN_ARTICLE = (
    "Monday, 3 March 2025\n\nFerry services resume in Bali after storm\n\n"
    "Ferry services between Bali and Lombok resumed on Monday after a three-day halt caused by high waves.\n\n"
    "The harbour master said 42 ships had been waiting at Padangbai port since Friday.\n"
)


def align_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``align ARGS`` run in ``cwd``, with its embedding cache there too."""
    return run_cli(args, cwd / ".test-cache", cwd=cwd)


def test_help_lists_commands_with_examples(tmp_path):
    proc = align_cli("--help", cwd=tmp_path)
    assert proc.returncode == 0
    for command in ("run", "sentences", "segment", "pair"):
        assert command in proc.stdout
    assert "align run corpora/sample -o outputs/sample" in proc.stdout


def test_missing_path(tmp_path):
    proc = align_cli("run", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "nope.txt", "no such file")
    assert not (tmp_path / "out").exists()


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = align_cli("run", str(empty), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "empty.txt", "empty")
    assert not (tmp_path / "out").exists()


def test_binary_file(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    proc = align_cli("run", str(png), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "photo.txt", "binary")
    assert not (tmp_path / "out").exists()


def test_corpus_without_indonesian(tmp_path):
    dump = tmp_path / "english.txt"
    dump.write_text(EN_ARTICLE)
    proc = align_cli("run", str(dump), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "english.txt", "Indonesian")
    assert not (tmp_path / "out").exists()


def test_model_that_cannot_load(tmp_path):
    proc = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "out"),
                     "--model", str(tmp_path / "missing-model"), "--quiet", cwd=tmp_path)
    assert_one_line_error(proc, "missing-model")
    assert not (tmp_path / "out").exists()


def test_output_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = align_cli("run", str(SAMPLE), "-o", str(blocker / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "a-file")


def test_invalid_option_value(tmp_path):
    proc = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "out"), "--max-align", "0",
                     cwd=tmp_path)
    assert proc.returncode != 0
    assert "--max-align" in proc.stderr


def test_sentences_writes_vecalign_beads(tmp_path):
    src = tmp_path / "doc.en"
    tgt = tmp_path / "doc.id"
    src.write_text("The dam is full after weeks of rain.\nFarmers welcomed the news.\nOfficials will open the gates on Friday.\n")
    tgt.write_text("Bendungan itu penuh setelah hujan berminggu-minggu.\nPara petani menyambut baik kabar tersebut.\nPetugas akan membuka pintu air pada hari Jumat.\n")
    out = tmp_path / "doc.align"
    proc = align_cli("sentences", str(src), str(tgt), "-o", str(out), "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # quiet: no progress bar
    assert [line.rsplit(":", 1)[0] for line in out.read_text().splitlines()] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    assert all(0.0 <= float(line.rsplit(":", 1)[1]) <= 1.0 for line in out.read_text().splitlines())


def test_user_rules_extend_boilerplate_removal(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text('[{"name": "rescue-paragraph", "pattern": "^Rescue teams used rubber boats"}]')
    plain, custom = tmp_path / "plain.jsonl", tmp_path / "custom.jsonl"
    assert align_cli("segment", str(SAMPLE), "-o", str(plain), "-q", cwd=tmp_path).returncode == 0
    proc = align_cli("segment", str(SAMPLE), "-o", str(custom), "--rules", str(rules), "-q",
                    cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Rescue teams used rubber boats" in plain.read_text(encoding="utf-8")
    assert "Rescue teams used rubber boats" not in custom.read_text(encoding="utf-8")
