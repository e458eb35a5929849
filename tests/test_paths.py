"""Source references name files relative to the input root by default, so a shared corpus does not
leak the local folders of the machine it was made on."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.errors import InputError
from align.inputs import collect_files, source_names
from conftest import REPO, SAMPLE


def test_no_absolute_input_path_in_the_outputs(sample_run):
    """The sample run was given the absolute path of corpora/sample."""
    out = sample_run.outdir
    for name in ("corpus.tsv", "corpus.tmx", "report.md", "report.html", "articles.jsonl", "manifest.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert str(SAMPLE) not in text and str(REPO) not in text, name
    rows = (out / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    assert rows and all(row.split("\t")[0].split("#")[0] in {p.name for p in SAMPLE.glob("*.txt")} for row in rows)
    assert 'type="x-en-file">001_dayfeed.txt<' in (out / "corpus.tmx").read_text(encoding="utf-8")


def test_path_styles(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    for path in (tmp_path / "a" / "x.txt", tmp_path / "a" / "deep" / "y.txt", tmp_path / "b" / "z.txt"):
        path.write_text("text\n", encoding="utf-8")
    given = [tmp_path / "a", tmp_path / "b" / "z.txt"]
    files = collect_files(given)
    relative = source_names(files, given)
    assert sorted(relative.values()) == ["a/deep/y.txt", "a/x.txt", "b/z.txt"]
    assert sorted(source_names(files, [tmp_path / "a"], "relative").values())[:2] == ["deep/y.txt", "x.txt"]
    assert sorted(source_names(files, given, "name").values()) == ["x.txt", "y.txt", "z.txt"]
    assert all(Path(v).is_absolute() for v in source_names(files, given, "absolute").values())
    with pytest.raises(InputError, match="--paths"):
        source_names(files, given, "url")
