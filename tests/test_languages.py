"""The language registry: profiles are data files, found without code edits, and the stages use them."""

from __future__ import annotations

import math

import pytest

from align import languages
from align.errors import AlignError
from align.languages import registry
from align.pair import length_prior
from align.segment.dates import parse_date_line
from align.segment.sentences import split_sentences
from conftest import assert_one_line_error, run_cli


def pieces(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


def test_every_profile_loads_with_its_code_and_name():
    assert {"en", "id", "ms", "jv", "su", "de", "fr"} <= set(languages.codes())
    for profile in languages.all_profiles():
        assert profile.name and profile.length > 0
        assert profile.langid.detector_codes, f"{profile.code}: language ID cannot name it"


@pytest.fixture
def profile_folder(tmp_path, monkeypatch):
    """The registry reading a private copy of the profiles, so a test can add one."""
    for path in registry.DATA.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(registry, "DATA", tmp_path)
    for cached in (registry._profiles, registry.splitting_words):
        cached.cache_clear()
    yield tmp_path
    for cached in (registry._profiles, registry.splitting_words):
        cached.cache_clear()


def test_a_new_profile_is_found_and_used_without_code_edits(profile_folder):
    (profile_folder / "nl.toml").write_text(
        'code = "nl"\nname = "Dutch"\nlength = 1.1\n'
        '[sentences]\nnever_final = ["dhr", "mevr"]\n'
        '[langid]\ndetector_codes = ["nl"]\n', encoding="utf-8")
    assert languages.has("nl") and languages.name_of("nl") == "Dutch"
    assert pieces("Gisteren sprak dhr. Jansen met de pers. Hij was kort.", "nl") == [
        "Gisteren sprak dhr. Jansen met de pers.", "Hij was kort."]
    assert math.isclose(length_prior("en", "nl"), math.log(1.1))


def test_a_broken_profile_is_one_clear_error(profile_folder):
    (profile_folder / "xx.toml").write_text('code = "xx"\nname = "X"\n[sentences]\nnever_finl = []\n',
                                            encoding="utf-8")
    with pytest.raises(AlignError, match=r"xx\.toml: not a language profile .*never_finl"):
        languages.codes()


@pytest.mark.parametrize("line", ['[sentences]\nnever_final = "Dr"', '[dates]\nconnectors = "on"'])
def test_a_word_list_written_as_one_string_is_refused(profile_folder, line):
    """A forgotten pair of brackets would otherwise make a set of single letters."""
    (profile_folder / "xx.toml").write_text(f'code = "xx"\nname = "X"\n{line}\n', encoding="utf-8")
    with pytest.raises(AlignError, match=r"xx\.toml: not a language profile .*list of words"):
        languages.codes()


def test_a_month_name_must_mean_one_month_in_every_profile(profile_folder):
    """Date lines are read with the month names of all profiles at once."""
    (profile_folder / "xx.toml").write_text('code = "xx"\nname = "X"\n[dates]\nmonths = ' + str(
        [["mar"]] + [[f"m{k}"] for k in range(2, 13)]) + "\n", encoding="utf-8")
    with pytest.raises(AlignError, match="month 'mar' is 1 here but 3 in"):
        languages.codes()


def test_a_code_without_a_profile_splits_on_punctuation_alone():
    assert not languages.has("ru")
    assert pieces("Это было давно. Он ушёл.", "ru") == ["Это было давно.", "Он ушёл."]


def test_german_and_french_sentences_and_dates():
    assert pieces("Die Expedition begann am 14. März 1956. Dr. Meier leitete sie bzw. half.", "de") == [
        "Die Expedition begann am 14. März 1956.", "Dr. Meier leitete sie bzw. half."]
    assert pieces("M. Dupont est arrivé. Mme Martin voit la p. 45 du livre.", "fr") == [
        "M. Dupont est arrivé.", "Mme Martin voit la p. 45 du livre."]
    assert parse_date_line("Donnerstag, 14. März 2019, 10:25 MEZ") == "2019-03-14T10:25+01:00"
    assert parse_date_line("jeudi 1er février 2019 à 14h30") == "2019-02-01T14:30"
    assert parse_date_line("Khamis, 14 Mac 2019") == "2019-03-14"


def test_the_length_prior_follows_the_pair():
    assert length_prior("en", "id") > 0 > length_prior("id", "en")
    assert math.isclose(length_prior("en", "id"), -length_prior("id", "en"))


@pytest.mark.parametrize("flags, needle", [(["--src", "xx"], "--src xx: no such language profile"),
                                           (["--src", "fr", "--tgt", "fr"], "both 'fr'")])
def test_the_cli_refuses_an_unknown_or_doubled_language(tmp_path, flags, needle):
    dump = tmp_path / "dump.txt"
    dump.write_text("Title\n\nSome text here.\n", encoding="utf-8")
    proc = run_cli(["run", dump, "-o", tmp_path / "out", *flags], tmp_path / "cache")
    assert_one_line_error(proc, needle)
    assert not (tmp_path / "out").exists()
