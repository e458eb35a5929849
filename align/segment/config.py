"""Tunables of the segmenter (articles, furniture, language per article, sentences)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SegmentConfig:
    """Settings of the segment stage."""

    min_lang_words: int = 10  # words a paragraph needs before its language counts
    confident_share: float = 0.75  # share of one language that makes a paragraph's label confident
    min_article_lang_words: int = 25  # words an article needs before its language is trusted
    max_title_words: int = 50  # a line repeated on the next line is a title (a longer one, a duplicate)
    strong_advert: int = 7  # advert cue score from which a paragraph is an advert
    family_min_words: int = 3  # distinctive words that let a family member (ms vs id) overrule cld2
    family_word_ratio: float = 2.0  # ... when it has this many times the distinctive words of cld2's choice
