"""The segmenter: articles, boilerplate, language and sentences from a raw dump.

``segment_text(text, file)`` segments one file; :mod:`.dumps` finds article boundaries,
:mod:`.clean` holds the structural furniture rules as data, :mod:`.repeats` finds furniture by
repetition (in a file, and across a run with ``drop_repeated_sentences`` once every file is
segmented), :mod:`.langid` names each article's language (cld2 adapted by the language profiles of
:mod:`align.languages`), :mod:`.sentences` splits paragraphs into sentences with character spans,
with the words of the article's language profile. Every tunable is a field of :class:`SegmentConfig`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from align.segment.clean import Rule
from align.segment.config import SegmentConfig
from align.segment.dumps import split_articles
from align.segment.repeats import drop_repeated_sentences
from align.records import Article

__all__ = ["segment_text", "SegmentResult", "SegmentConfig", "Rule", "drop_repeated_sentences",
           "merge_examples"]


@dataclass
class SegmentResult:
    """The articles found in one dump, the number of lines each furniture rule dropped and a few
    of those lines per rule (for the report), and what the file shows the run's other files
    (``drop_repeated_sentences`` reads it): the keys of the lines that recur in it as furniture, the
    labels of its recurring "Label: value" lines and, marked, its headlines and title labels."""

    articles: list[Article] = field(default_factory=list)
    removed: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    furniture: set[str] = field(default_factory=set)


def segment_text(text: str, file: str, rules: list[Rule] | None = None,
                 config: SegmentConfig | None = None) -> SegmentResult:
    """Segment one decoded dump (``file`` names it in ids and provenance).

    Sentence spans index into ``text``; line spans count lines of ``text.split("\\n")``, 0-based and
    inclusive. ``rules`` replaces the default furniture rules (see ``clean.load_rules``).
    """
    return SegmentResult(*split_articles(text, file, rules, config))


def merge_examples(into: dict[str, list[str]], more: dict[str, list[str]], limit: int) -> None:
    """Add ``more`` examples per rule to ``into``, at most ``limit`` distinct ones per rule."""
    for rule, lines in more.items():
        kept = into.setdefault(rule, [])
        for line in lines:
            if len(kept) < limit and line not in kept:
                kept.append(line)
