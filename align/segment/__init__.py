"""The segmenter: articles, boilerplate, language and sentences from a raw dump.

``segment_text(text, file)`` is the stage's one entry point; :mod:`.dumps` finds article boundaries,
:mod:`.clean` holds the boilerplate rules as data, :mod:`.langid` names each article's language (cld2
adapted by the language profiles of :mod:`align.languages`), :mod:`.sentences` splits paragraphs into
sentences with character spans, with the words of the article's language profile.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from align.segment.clean import Rule
from align.segment.dumps import split_articles
from align.records import Article

__all__ = ["segment_text", "SegmentResult", "Rule"]


@dataclass
class SegmentResult:
    """The articles found in one dump and the number of lines each boilerplate rule dropped."""

    articles: list[Article] = field(default_factory=list)
    removed: Counter = field(default_factory=Counter)


def segment_text(text: str, file: str, rules: list[Rule] | None = None) -> SegmentResult:
    """Segment one decoded dump (``file`` names it in ids and provenance).

    Sentence spans index into ``text``; line spans count lines of ``text.split("\\n")``, 0-based and
    inclusive. ``rules`` replaces the default boilerplate rules (see ``clean.load_rules``).
    """
    articles, removed = split_articles(text, file, rules)
    return SegmentResult(articles, removed)
