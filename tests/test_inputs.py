"""Decoding dump files: encodings, line ends, control characters, and clear refusals."""

from __future__ import annotations

import pytest

from align import inputs
from align.errors import InputError
from align.inputs import collect_files, read_dump

TEXT = "Selasa, 18 Februari 2025\nJudul berita\n\nCafé di Jakarta dibuka. Warga datang.\n"


@pytest.mark.parametrize("raw", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    TEXT.encode("latin-1"),
    TEXT.encode("cp1252"),
])
def test_encodings_and_line_ends_decode_to_the_same_text(tmp_path, raw):
    path = tmp_path / "dump.txt"
    path.write_bytes(raw)
    assert read_dump(path) == TEXT


def test_control_characters_become_spaces_and_keep_line_numbers(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(("Judul\x0c berita\n" + "Isi paragraf yang panjang sekali. " * 20 + "\x07\n").encode())
    text = read_dump(path)
    assert "\x0c" not in text and "\x07" not in text and text.count("\n") == 2


def test_a_page_break_at_a_line_edge_stays_a_form_feed(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes("Halaman satu.\n\x0cHalaman dua\x0c di sini.\n\x0c".encode())
    assert read_dump(path) == "Halaman satu.\n\x0cHalaman dua  di sini.\n\x0c"


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (bytes(range(256)) * 8, "binary"),
])
def test_unusable_files_are_refused_with_one_line(tmp_path, raw, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=message) as caught:
        read_dump(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_file_without_line_breaks_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "oneline.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(InputError, match="no line breaks"):
        read_dump(path)


def test_missing_paths_and_folders(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        collect_files([tmp_path / "absent.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no text files"):
        collect_files([tmp_path / "empty"])
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_text("y")
    assert collect_files([tmp_path]) == [(tmp_path / "a.txt").resolve()]


@pytest.mark.parametrize("line, message", [('{"id": "a"', "not valid JSON"), ('["a", "b"]', "not a JSON object"),
                                           ("3", "not a JSON object")])
def test_a_jsonl_line_that_is_no_object_is_refused_with_its_file_and_line(tmp_path, line, message):
    path = tmp_path / "articles.jsonl"
    with pytest.raises(InputError, match=rf"articles\.jsonl:2: {message}"):
        inputs.jsonl_records('{"id": "a"}\n' + line + "\n", path)
