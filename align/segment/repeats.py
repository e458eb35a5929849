"""Furniture found by repetition: lines, line templates and lead prefixes that recur.

A line's template masks digits and capitalised words (names, places, site names), so
"Penulis Dewi Lestari | Editor Budi Santoso" and "Penulis Agus Prasetyo | Editor Maya Sari" share
one. A template counts as furniture when it recurs in ``SegmentConfig.min_repeats`` places or more
(copies printed right under each other, like a title printed three times, count once) and keeps
some literal text: a template made only of masked words ("Smart TV", "World") never counts, so
short headlines survive unless repeated word for word.

Per file this runs inside :func:`align.segment.dumps.split_articles`; across files (a folder of
saved pages, one article each) :func:`drop_repeated_sentences` runs once over every article's
sentences after per-file segmentation, wherever that ran (this process, workers or Ray).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from align.records import Article
from align.segment.config import SegmentConfig

__all__ = ["line_template", "exact_key", "wildcard_templates", "prefix_template", "label_prefix", "prefix_end",
           "recurring", "recurring_any", "drop_repeated_sentences"]

_DIGITS = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w.'’&-]*")
_MASKED_RUN = re.compile(r"X(?:\s+X)+")
_LITERAL_WORD = re.compile(r"[a-z]{2,}")
_LITERAL_MARK = re.compile(r"[|:;()/@#©>»›]")
_PREFIX = re.compile(r"^(.{2,60}?)\s*(?:[-–—]{1,2}|[|:])\s+(?=[\"“‘'A-Z0-9])")


def exact_key(text: str) -> str:
    """The line with digits masked and spaces collapsed (dates and counts vary, wording does not)."""
    return _DIGITS.sub("0", " ".join(text.split())).lower()


def line_template(text: str) -> str | None:
    """The line with digits and capitalised words masked, or None when too little literal is left.

    A template keeps a lowercase word or two marks ("(X/X)", "X | X"): "X:" (a speaker's name
    before a quote) or "X X" (a short headline) are no templates.
    """
    masked = _MASKED_RUN.sub("X", _CAPITALISED.sub("X", _DIGITS.sub("0", " ".join(text.split()))))
    if not _LITERAL_WORD.search(masked) and len(_LITERAL_MARK.findall(masked)) < 2:
        return None
    return masked


def wildcard_templates(text: str, max_words: int) -> list[str]:
    """Templates of a short line with any one of its words left open ("Posted by * » X 0, 0 0:0 pm").

    A member name, a handle or a count in an otherwise fixed line varies: each variant keeps three
    literal tokens or more. Lines over ``max_words`` words have none.
    """
    masked = _MASKED_RUN.sub("X", _CAPITALISED.sub("X", _DIGITS.sub("0", " ".join(text.split()))))
    tokens = masked.split()
    if len(tokens) > max_words or len(tokens) < 3:
        return []
    out = []
    for k in range(len(tokens)):
        if sum(1 for j, t in enumerate(tokens) if j != k and t != "X") >= 3:
            out.append(" ".join(tokens[:k] + ["*"] + tokens[k + 1:]))
    return out


def prefix_template(text: str, max_words: int) -> str | None:
    """Template of a dateline-like prefix ("JAKARTA, SITE.com --", "City (AGENCY) -"), or None."""
    match = _PREFIX.match(text)
    if not match or match.group(1).count(" ") >= max_words:
        return None
    head = match.group(0)
    return _MASKED_RUN.sub("X", _CAPITALISED.sub("X", _DIGITS.sub("0", " ".join(head.split()))))


def label_prefix(text: str, max_words: int) -> str | None:
    """A field label before the text ("Title: ", "Judul | "), lower-cased, or None."""
    match = _PREFIX.match(text)
    if not match or match.group(1).count(" ") >= max_words or match.group(0).rstrip()[-1] not in ":|":
        return None
    return " ".join(match.group(0).lower().split())


def prefix_end(text: str) -> int:
    """Length of the dateline-like prefix of ``text`` (0 when it has none)."""
    match = _PREFIX.match(text)
    return match.end() if match else 0


def recurring(keys: list[str | None], min_count: int, lines: list | None = None) -> set[str]:
    """Keys occurring in ``min_count`` places or more; a key repeated on the next line counts once.

    ``lines`` (default ``keys``) identify the lines themselves: places whose neighbouring lines are
    the same again count once, so copies of one whole page or article are not furniture.
    """
    return recurring_any([[] if key is None else [key] for key in keys], min_count, lines or keys)


def recurring_any(keys: list[list[str]], min_count: int, lines: list, context: int = 6) -> set[str]:
    """Like :func:`recurring` for lines that each have several keys (their wildcard templates).

    A key counts by its distinct surroundings (the ``context`` lines before, and those after, its
    places): a line recurring between the same neighbours is a copy, not furniture.
    """
    before: dict[str, set] = defaultdict(set)
    after: dict[str, set] = defaultdict(set)
    previous: set[str] = set()
    for k, line_keys in enumerate(keys):
        current = set(line_keys)
        for key in current - previous:
            before[key].add(tuple(lines[max(0, k - context):k]))
            after[key].add(tuple(lines[k + 1:k + 1 + context]))
        previous = current
    return {key for key in before if max(len(before[key]), len(after[key])) >= min_count}


def drop_repeated_sentences(articles: list[Article], config: SegmentConfig | None = None,
                            ) -> tuple[list[Article], Counter, dict[str, list[str]]]:
    """Drop sentences whose text (digits masked) recurs in ``config.min_repeat_articles`` different
    articles. Copies of one article (same title, e.g. a page saved twice) count once, so a corpus of
    repeated copies keeps its text.

    Returns the articles (those left without sentences dropped), the number of sentences dropped
    and a few examples of them, under the rule name "repeated_sentence".
    """
    config = config or SegmentConfig()
    seen: dict[str, set] = defaultdict(set)
    for article in articles:
        identity = _identity(article)
        for sentence in article.sentences:
            seen[exact_key(sentence.text)].add(identity)
    common = {key for key, stories in seen.items() if len(stories) >= config.min_repeat_articles}
    removed: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    if not common:
        return articles, removed, examples
    kept_articles = []
    for article in articles:
        keep = [s for s in article.sentences if exact_key(s.text) not in common]
        for s in article.sentences:
            if exact_key(s.text) in common:
                removed["repeated_sentence"] += 1
                if s.text not in examples["repeated_sentence"] and len(
                        examples["repeated_sentence"]) < config.examples_per_rule:
                    examples["repeated_sentence"].append(s.text)
        if len(keep) == len(article.sentences):
            kept_articles.append(article)
            continue
        if not keep:
            continue
        kept_articles.append(_rebuilt(article, keep))
    return kept_articles, removed, examples


def _identity(article: Article):
    """What makes two articles copies of one story: the same title (else the same sentences)."""
    if article.title.strip():
        return exact_key(article.title)
    return tuple(exact_key(s.text) for s in article.sentences)


def _rebuilt(article: Article, keep) -> Article:
    """The article with only the ``keep`` sentences, paragraphs renumbered."""
    old = sorted({s.paragraph for s in keep})
    number = {p: k for k, p in enumerate(old)}
    paragraphs = [" ".join(s.text for s in keep if s.paragraph == p) for p in old]
    sentences = [replace(s, paragraph=number[s.paragraph]) for s in keep]
    title = article.title if 0 in number else paragraphs[0]
    return replace(article, title=title, paragraphs=paragraphs, sentences=sentences)
