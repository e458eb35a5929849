"""Article-level language ID tells Indonesian from Malay, Javanese and Sundanese.

The articles in tests/data/langid/ were written for this test; no word list or constant of the
language identifier was chosen by looking at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from align.segment import segment_text
from align.segment.langid import detect_language

DATA = Path(__file__).parent / "data" / "langid"
NEIGHBOURS = ("id", "ms", "jv", "su")


def articles(code: str) -> list[str]:
    return [a.strip() for a in (DATA / f"{code}.txt").read_text(encoding="utf-8").split("\n\n") if a.strip()]


def test_the_set_holds_at_least_30_articles_of_3_to_6_sentences_per_language():
    for code in NEIGHBOURS:
        found = articles(code)
        assert len(found) >= 30
        assert all(3 <= text.count(". ") + 1 <= 6 for text in found)


def test_indonesian_is_told_from_its_neighbours():
    """Whether an article is Indonesian is right for >= 98 % of the articles of all four languages."""
    labelled = [(code, detect_language(text)) for code in NEIGHBOURS for text in articles(code)]
    right = sum((want == "id") == (got == "id") for want, got in labelled)
    assert right / len(labelled) >= 0.98


@pytest.mark.parametrize("code", NEIGHBOURS)
def test_each_neighbour_is_recognised(code):
    found = [detect_language(text) for text in articles(code)]
    assert sum(got == code for got in found) / len(found) >= 0.9


def test_segmented_articles_get_the_language_of_their_text():
    """Through the segmenter (lines labelled by family, articles resolved), a mixed dump keeps
    each article's language, so Malay, Javanese and Sundanese never enter an EN-ID pair."""
    english = ("Officials said the new bridge would open next month after two years of work. "
               "Drivers will pay a small toll during the first year. The city expects traffic in "
               "the centre to fall by a fifth.")
    picks = {code: articles(code)[7] for code in NEIGHBOURS}
    dump = "\n\n\n".join([f"Bridge opens\n\n{english}"] + [f"Berita {code}\n\n{text}" for code, text in picks.items()])
    found = segment_text(dump, "mixed.txt").articles
    assert [a.lang for a in found] == ["en", *NEIGHBOURS]
