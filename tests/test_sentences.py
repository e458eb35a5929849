"""Sentence splitting for English and Indonesian: abbreviations, numbers, quotes, spans."""

from __future__ import annotations

import pytest

from align.segment.sentences import split_sentences
from conftest import shared_path


def pieces(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize("text, expected", [
    ("Vice President J.D. Vance met leaders on Jan. 14. He told them the U.S. would stay.",
     ["Vice President J.D. Vance met leaders on Jan. 14.", "He told them the U.S. would stay."]),
    ("Prices rose 5.5%, according to the U.S. Bureau of Labor Statistics. Others fell.",
     ["Prices rose 5.5%, according to the U.S. Bureau of Labor Statistics.", "Others fell."]),
    ('"Are we going to walk away?" Vance asked. "No."',
     ['"Are we going to walk away?" Vance asked.', '"No."']),
    ("It was said by Robert K. Lee of Lee & Co. Trading was light.",
     ["It was said by Robert K. Lee of Lee & Co.", "Trading was light."]),
    ("The meeting began at 9 a.m. and ended after 4 p.m. Officials attended.",
     ["The meeting began at 9 a.m. and ended after 4 p.m.", "Officials attended."]),
    ("The results were... disappointing. Then the power went out... Nobody knew.",
     ["The results were... disappointing.", "Then the power went out...", "Nobody knew."]),
])
def test_english_abbreviations_numbers_and_quotes(text, expected):
    assert pieces(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("Hal itu disampaikan Ir. H. Ahmad Syarif, M.Si., di Jl. Medan Merdeka Selatan No. 8-9, "
     "Senin (17/2/2025). Sedikitnya 1.000 titik rusak.",
     ["Hal itu disampaikan Ir. H. Ahmad Syarif, M.Si., di Jl. Medan Merdeka Selatan No. 8-9, "
      "Senin (17/2/2025).", "Sedikitnya 1.000 titik rusak."]),
    ("Ia merujuk kajian Setiadi dkk. yang terbit di jurnal. Biayanya Rp1,5 triliun.",
     ["Ia merujuk kajian Setiadi dkk. yang terbit di jurnal.", "Biayanya Rp1,5 triliun."]),
    ("PT Bank Rakyat Indonesia (Persero) Tbk. mencatat laba. Warga dari Kec. Cilandak ikut.",
     ["PT Bank Rakyat Indonesia (Persero) Tbk. mencatat laba.", "Warga dari Kec. Cilandak ikut."]),
    ("Pengacara Rudi Hartono, S.H., M.H., menggugat. Prof. Dr. Bambang menilai dll. Namun ditolak.",
     ["Pengacara Rudi Hartono, S.H., M.H., menggugat.", "Prof. Dr. Bambang menilai dll.",
      "Namun ditolak."]),
    ('"Apakah sudah dihitung?" tanyanya. IHSG turun ke 6.788,52 pukul 10.00 WIB.',
     ['"Apakah sudah dihitung?" tanyanya.', "IHSG turun ke 6.788,52 pukul 10.00 WIB."]),
])
def test_indonesian_abbreviations_and_numbers(text, expected):
    assert pieces(text, "id") == expected


def test_spans_cover_the_text_without_surrounding_space():
    text = "  First one.   Second one!  Third?  "
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third?"]
    assert split_sentences("", "en") == [] and split_sentences("   ", "id") == []


def test_abbreviations_are_matched_with_their_case_and_context():
    assert pieces("He said no. Then he left.", "en") == ["He said no.", "Then he left."]
    assert pieces("He fell ill. The doctor came.", "en") == ["He fell ill.", "The doctor came."]
    assert pieces("It was modern art. The show ended.", "en") == ["It was modern art.",
                                                                  "The show ended."]
    assert pieces("JL. SUDIRMAN NO. 5 JAKARTA. Kantor itu tutup.", "id") == [
        "JL. SUDIRMAN NO. 5 JAKARTA.", "Kantor itu tutup."]
    assert pieces("Votes are cast on Nov. What happens next?", "en") == [
        "Votes are cast on Nov.", "What happens next?"]


def test_a_stray_closing_quote_stays_with_its_sentence():
    assert pieces('Ia pergi ke pasar. "', "id") == ['Ia pergi ke pasar. "']
    assert pieces('Ia menang di Carolina Selatan. " Bachmann mundur.', "id") == [
        'Ia menang di Carolina Selatan. "', "Bachmann mundur."]
    assert pieces("He got grade A. The data was old.", "en") == ["He got grade A.",
                                                                "The data was old."]


@pytest.mark.parametrize("name, lang", [("en_gold.txt", "en"), ("id_gold.txt", "id"),
                                        ("id_gold2.txt", "id")])
def test_hand_marked_sentences(name, lang):
    """Every hand-marked sentence of ../shared/data/sentsplit-dev comes out exactly."""
    path = shared_path("data", "sentsplit-dev", name)
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        gold = block.split("\n")
        assert pieces(" ".join(gold), lang) == gold
