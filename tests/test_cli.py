"""The command line: help text, and one clear line with a non-zero exit for every bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, assert_one_line_error, run_cli, sample_config

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
    assert not list(tmp_path.glob(".*spill*"))  # the articles waited on disk beside the output, then went


def test_help_shows_whole_descriptions_paths_usage_and_choices(tmp_path):
    main = align_cli("--help", cwd=tmp_path).stdout
    commands = " ".join(main.split("Commands:")[1].split())
    for description in ("Segment, pair and align dumps; write corpus.tmx/.tsv/.<src>/.<tgt>, JSONL records and report.md.",
                        "Pair --src articles with the --tgt articles that translate them (unmatched ones stay unpaired)."):
        assert description in commands  # whole, not cut with "..."
    assert "--debug" in main
    run = align_cli("run", "--help", cwd=tmp_path).stdout
    assert "Usage: " in run and " PATHS..." in run.splitlines()[0]
    assert "{paths}" not in run and "<list[" not in run
    from align import languages
    from align.inputs import PATH_STYLES

    src_help = " ".join(run.split("--src")[1].split("--tgt")[0].split())
    assert all(code in src_help for code in languages.codes())  # the choices, from the registry
    assert f"--paths <{'|'.join(PATH_STYLES)}>" in run
    refused = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "out"), "--paths", "url", cwd=tmp_path)
    assert refused.returncode != 0 and "--paths" in refused.stderr and not (tmp_path / "out").exists()


def test_quiet_prints_nothing_on_success_and_bars_stay_off_a_log(tmp_path):
    quiet = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "q"), "--quiet", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    loud = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "l"), cwd=tmp_path)  # stderr is a pipe here
    assert loud.returncode == 0 and "wrote corpus.tmx" in loud.stdout
    assert "\r" not in loud.stderr and "it/s" not in loud.stderr and "|" not in loud.stderr  # no progress bars
    assert "segmented 4 file(s)" in loud.stderr  # status lines stay
    total = float(loud.stdout.split(" | ")[-1].split("s (")[0])
    report = (tmp_path / "l" / "report.md").read_text(encoding="utf-8")
    reported = float(report.split("| total | ")[1].split(" |")[0])
    assert f"{reported:.1f}" == f"{total:.1f}"  # one total, shared by the command line and the report


def test_model_path_that_does_not_exist_is_refused_before_any_work(tmp_path):
    proc = align_cli("run", str(SAMPLE), "-o", str(tmp_path / "out"), "--model", "./not/a/path", cwd=tmp_path)
    line = assert_one_line_error(proc, "./not/a/path", "does not exist")
    assert "hub" not in line.lower() and "hugging" not in line.lower()
    assert not (tmp_path / "out").exists()


DEBUG_PROGRAM = r'''
import sys
import align.pipeline as pipeline

def broken(*args, **kwargs):
    raise ZeroDivisionError("a bug in alignment")

pipeline.align_pairs = broken
from align.cli import app
sys.argv = ["align", *sys.argv[1:]]
app()
'''


def test_debug_shows_the_traceback_of_an_unexpected_error(tmp_path):
    program = tmp_path / "broken.py"
    program.write_text(DEBUG_PROGRAM, encoding="utf-8")
    args = ["run", str(SAMPLE), "-o", str(tmp_path / "out"), "-q"]
    plain = subprocess.run([sys.executable, str(program), *args], capture_output=True, text=True, cwd=tmp_path,
                           env=dict(os.environ, ALIGN_CACHE_DIR=str(tmp_path / "cache")))
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert_one_line_error(plain, "internal error", "ZeroDivisionError", "--debug")
    debug = subprocess.run([sys.executable, str(program), "--debug", *args], capture_output=True, text=True,
                           cwd=tmp_path, env=dict(os.environ, ALIGN_CACHE_DIR=str(tmp_path / "cache")))
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "in broken" in debug.stderr
    assert not (tmp_path / "out").exists()


def test_the_align_logger_carries_status_lines_for_library_users(tmp_path, caplog):
    import logging

    from align.pipeline import run

    with caplog.at_level(logging.INFO, logger="align"):
        run([str(SAMPLE)], tmp_path / "out", sample_config(tmp_path / "cache", {"quiet": False}))
    messages = [r.getMessage() for r in caplog.records if r.name == "align"]
    assert any(m.startswith("segmented 4 file(s)") for m in messages), messages
    assert any(m.startswith("paired") for m in messages)


def test_the_model_loads_before_segmentation(tmp_path, monkeypatch):
    from align import pipeline
    from align.config import Config
    from align.errors import ModelError

    def must_not_run(*args, **kwargs):
        raise AssertionError("segmentation started before the model was checked")

    monkeypatch.setattr(pipeline, "segment_files", must_not_run)
    with pytest.raises(ModelError):
        pipeline.run([str(SAMPLE)], tmp_path / "out", Config(model=str(tmp_path / "missing-model")))
    assert not (tmp_path / "out").exists()
