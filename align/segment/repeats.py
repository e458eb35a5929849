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

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace

import numpy as np

from align.records import Article
from align.segment.config import SegmentConfig

__all__ = ["line_template", "exact_key", "wildcard_templates", "prefix_template", "label_prefix", "prefix_end",
           "recurring", "recurring_any", "drop_repeated_sentences", "LIST_MARK"]

_DIGITS = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w.'’&-]*")
_MASKED_RUN = re.compile(r"X(?:\s+X)+")
_LITERAL_WORD = re.compile(r"[a-z]{2,}")
_LITERAL_MARK = re.compile(r"[|:;()/@#©>»›]")
_CONTEXT = 6  # lines (sentences) on each side that tell a copy from another place of a recurring one
LIST_MARK = re.compile(r"^(?:[•·▪►›»*–-]|\d{1,2}[.)])\s+")  # a list item's bullet or number
_MIN_TITLE_WORDS = 3  # a sentence in a body shorter than this ("World", "Smart TV") is no link to a title
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


def recurring_any(keys: list[list[str]], min_count: int, lines: list, context: int = _CONTEXT) -> set[str]:
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
                            furniture: set[str] | frozenset = frozenset(),
                            ) -> tuple[list[Article], Counter, dict[str, list[str]]]:
    """The run-level pass over every article's sentences (per-file segmentation sees one file only).

    * "title_link": a sentence that repeats another article's title inside an article, or as a
      list item ("• Title", "2. Title"), links to it (tables of contents, related and trending
      lists); it is dropped and does not count as a recurrence of the title.
    * "repeated_sentence": a sentence whose text (digits masked) recurs in
      ``config.min_repeat_articles`` different articles, counted by its surroundings as lines are
      (:func:`recurring_any`): the sentences before and after it in its file (across article ends)
      differ from place to place for furniture, while copies of one page or article (saved twice,
      in one file or several) repeat them, so they count once and a corpus of copies keeps its text.
      Neither a shared title (a section label taken for many titles) nor a whole short article (a
      masthead or a footer cut off on its own) makes copies. Sentences whose key is in
      ``furniture`` (lines found recurring as furniture inside some file of the run:
      ``SegmentResult.furniture``) are dropped too: a small file shows too few copies of its
      masthead or labels, the large files of the same site show them. A headline longer than a
      label (``config.max_label_words``) is kept: a file may list it in a column of its own.
    * "dateline": then a prefix of the lead (the first paragraph after the title: "Jakarta, SITE - ",
      "CITY: ") whose template opens the leads of ``config.min_repeat_articles`` articles, each time
      before other text, is cut.

    Returns the articles (those left without sentences dropped), the number of sentences dropped
    or trimmed per rule and a few examples of each.
    """
    config = config or SegmentConfig()
    removed: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def note(rule: str, text: str) -> None:
        removed[rule] += 1
        if text not in examples[rule] and len(examples[rule]) < config.examples_per_rule:
            examples[rule].append(text)

    links = _title_links(articles)
    common = _common_sentences(articles, links, config.min_repeat_articles)
    kept_articles = []
    for article in articles:
        keep = []
        for s in article.sentences:
            if (article.id, s.start) in links:
                note("title_link", s.text)
            elif _key_hash(exact_key(s.text)) in common or exact_key(s.text) in furniture and (
                    s.paragraph > 0 or len(s.text.split()) <= config.max_label_words):
                note("repeated_sentence", s.text)
            else:
                keep.append(s)
        if len(keep) == len(article.sentences):
            kept_articles.append(article)
        elif keep:
            kept_articles.append(_rebuilt(article, keep))
    return _trim_repeated_datelines(kept_articles, config, note), removed, dict(examples)


def _common_sentences(articles: list[Article], links: set, min_count: int) -> set[int]:
    """Hashes (:func:`_key_hash`) of the sentence keys that recur in ``min_count`` articles or more,
    in ``min_count`` distinct surroundings (the ``_CONTEXT`` keys before, or those after, each place
    in its file's sequence of sentences; title links left out).

    Counted over arrays of 64-bit hashes, not sets of strings and context tuples: a corpus of
    millions of sentences costs tens of bytes per sentence here.
    """
    by_file: dict[str, list[tuple[int, np.ndarray]]] = defaultdict(list)
    for number, article in enumerate(articles):
        keys = [_key_hash(exact_key(s.text)) for s in article.sentences if (article.id, s.start) not in links]
        by_file[article.file].append((number, np.array(keys, dtype=np.uint64)))
    columns: dict[str, list[np.ndarray]] = defaultdict(list)
    for parts in by_file.values():
        keys = np.concatenate([k for _n, k in parts])
        columns["key"].append(keys)
        columns["article"].append(np.concatenate([np.full(len(k), n, dtype=np.uint64) for n, k in parts]))
        columns["before"].append(_context_hashes(keys, range(-_CONTEXT, 0)))
        columns["after"].append(_context_hashes(keys, range(1, _CONTEXT + 1)))
    if not columns:
        return set()
    key, *others = (np.concatenate(columns[name]) for name in ("key", "article", "before", "after"))
    counts = [_distinct_per_key(key, values) for values in others]
    places, before, after = (c[1] for c in counts)
    found = (places >= min_count) & (np.maximum(before, after) >= min_count)
    return set(counts[0][0][found].tolist())


def _key_hash(key: str) -> int:
    """A 64-bit hash of a sentence key (equal keys, equal hashes; unequal ones collide with odds of 2**-64)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


def _context_hashes(keys: np.ndarray, offsets: range) -> np.ndarray:
    """For each place k, one hash of the keys at k + offset (positions beyond the file's ends are
    left out, so a context cut by the file's edge differs from a full one)."""
    n = len(keys)
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for slot, offset in enumerate(offsets):
            shifted = np.full(n, _MIX[-1], dtype=np.uint64)  # "no sentence here"
            lo, hi = max(0, -offset), min(n, n - offset)  # places whose k + offset lies in the file
            if lo < hi:
                shifted[lo:hi] = keys[lo + offset : hi + offset]
            mixed = (shifted ^ (shifted >> np.uint64(31))) * _MIX[slot % len(_MIX)]
            out = (out * _MIX[(slot + 3) % len(_MIX)]) ^ mixed
    return out


def _distinct_per_key(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct key (sorted) and how many distinct values it occurs with."""
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (keys[1:] != keys[:-1]) | (values[1:] != values[:-1])
    return np.unique(keys[first], return_counts=True)


def _trim_repeated_datelines(articles: list[Article], config: SegmentConfig, note) -> list[Article]:
    """Articles with a lead prefix cut where its template opens many articles' leads (see above)."""
    def lead(article: Article):
        body = [s for s in article.sentences if s.paragraph == 1]  # never the title
        return body[0] if body else None

    ids: dict[str, set] = defaultdict(set)
    rests: dict[str, set] = defaultdict(set)
    for article in articles:
        sentence = lead(article)
        template = sentence and prefix_template(sentence.text, config.max_prefix_words)
        if template:
            ids[template].add(article.id)
            rests[template].add(exact_key(sentence.text[prefix_end(sentence.text):]))
    common = {t for t in ids if min(len(ids[t]), len(rests[t])) >= config.min_repeat_articles}
    if not common:
        return articles
    out = []
    for article in articles:
        sentence = lead(article)
        if not sentence or prefix_template(sentence.text, config.max_prefix_words) not in common:
            out.append(article)
            continue
        end = prefix_end(sentence.text)
        note("dateline", sentence.text[:end])
        trimmed = replace(sentence, text=sentence.text[end:], start=sentence.start + end)
        sentences = [trimmed if s is sentence else s for s in article.sentences]
        paragraphs = list(article.paragraphs)
        p = sentence.paragraph
        if paragraphs[p].startswith(sentence.text[:end]):
            paragraphs[p] = paragraphs[p][end:]
        out.append(replace(article, paragraphs=paragraphs, sentences=sentences))
    return out


def _title_links(articles: list[Article]) -> set[tuple[str, int]]:
    """(article id, sentence start) of the sentences that repeat another article's title as a link.

    A link is a sentence inside an article (``_MIN_TITLE_WORDS`` words or more) or a list item
    ("• Title", "2. Title", each of its sentences) whose text is a title. Only the title of one
    story counts (its copies share their text): a line that opens several different articles, an
    article without text under it, or one whose text opens with another title (a list), is no
    headline to link to.
    """
    # article id -> (hashes of its title keys, hash of its first body key, hash of its whole body)
    heads: dict[str, tuple[set[int], int, int]] = {}
    for article in articles:
        body = [exact_key(LIST_MARK.sub("", s.text)) for s in article.sentences if s.paragraph > 0]
        head = [s.text for s in article.sentences if s.paragraph == 0]
        if body and head and not LIST_MARK.match(head[0]):  # a list item is no headline
            keys = {_key_hash(exact_key(" ".join(head))), *(_key_hash(exact_key(text)) for text in head)}
            heads[article.id] = (keys, _key_hash(body[0]), _key_hash("\n".join(body)))  # keys hold no newline
    titled: dict[int, set] = defaultdict(set)
    for article_id, (keys, _first, _body) in heads.items():
        for key in keys:
            titled[key].add(article_id)
    # Text that opens with another article's title is a list of titles cut off as an article: no story.
    lists = {i for i, (_keys, first, _body) in heads.items() if titled.get(first, set()) - {i}}
    for article_id in lists:
        del heads[article_id]
    titled, stories = defaultdict(set), defaultdict(set)
    for article_id, (keys, _first, body) in heads.items():
        for key in keys:
            titled[key].add(article_id)
            stories[key].add(body)

    def names_title(text: str, article_id: str) -> bool:
        key = _key_hash(exact_key(LIST_MARK.sub("", text)))
        return len(stories.get(key, ())) == 1 and bool(titled[key] - {article_id})

    links = set()
    for article in articles:
        by_paragraph = _by_paragraph(article.sentences)
        for p, text in enumerate(article.paragraphs):
            in_paragraph = by_paragraph.get(p, [])
            if LIST_MARK.match(text) and names_title(text, article.id):
                links.update((article.id, s.start) for s in in_paragraph)
                continue
            for s in in_paragraph:
                inside = p > 0 or article.id in lists  # a list's first item is a link too
                if (LIST_MARK.match(s.text) or inside and len(s.text.split()) >= _MIN_TITLE_WORDS) \
                        and names_title(s.text, article.id):
                    links.add((article.id, s.start))
    return links


def _rebuilt(article: Article, keep) -> Article:
    """The article with only the ``keep`` sentences, paragraphs renumbered."""
    kept = _by_paragraph(keep)
    number = {p: k for k, p in enumerate(sorted(kept))}
    paragraphs = [" ".join(s.text for s in kept[p]) for p in sorted(kept)]
    sentences = [replace(s, paragraph=number[s.paragraph]) for s in keep]
    head_kept = kept.get(0, []) == _by_paragraph(article.sentences).get(0, [])
    title = article.title if head_kept else paragraphs[0]
    return replace(article, title=title, paragraphs=paragraphs, sentences=sentences)


def _by_paragraph(sentences) -> dict[int, list]:
    """Sentences grouped by paragraph number, in order."""
    groups: dict[int, list] = defaultdict(list)
    for sentence in sentences:
        groups[sentence.paragraph].append(sentence)
    return groups
