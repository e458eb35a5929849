"""Furniture found by repetition: lines, line templates and lead prefixes that recur.

A line's template masks digits and capitalised words (names, places, site names), so
"Penulis Dewi Lestari | Editor Budi Santoso" and "Penulis Agus Prasetyo | Editor Maya Sari" share
one. A template counts as furniture when it recurs in ``SegmentConfig.min_repeats`` places or more
(copies printed right under each other, like a title printed three times, count once) and keeps
some literal text: a template made only of masked words ("Smart TV", "World") never counts, so
short headlines survive unless repeated word for word.

Per file this runs inside :func:`align.segment.dumps.split_articles`; across files (a folder of
saved pages, one article each) :func:`drop_repeated_sentences` runs once over every article's
sentences after per-file segmentation, wherever that ran (this process, workers or Ray): there
sentences, sentence templates with one word varying, long passages (adverts, promos) and
"Label: value" lines recur across articles, and what single files showed (their furniture, their
headlines, their title labels) is applied to the others.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Protocol

import numpy as np

from align.records import Article
from align.segment.clean import DATELINE
from align.segment.config import SegmentConfig

__all__ = ["line_template", "exact_key", "core_key", "title_cores", "headline_mark", "title_label_mark", "wildcard_templates", "field_label", "prefix_template",
           "label_prefix", "prefix_end", "recurring", "recurring_any", "drop_repeated_sentences", "LIST_MARK"]

_DIGITS = re.compile(r"\d+")
_HEADLINE = "\x00headline:"
_TITLE_LABEL = "\x00title label:"
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w.'’&-]*")
_MASKED_RUN = re.compile(r"X(?:\s+X)+")
_LITERAL_WORD = re.compile(r"[a-z]{2,}")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")  # a whole lower-case word (a token of a template)
_LITERAL_MARK = re.compile(r"[|:;()/@#©>»›]")
LIST_MARK = re.compile(r"^(?:[•·▪►›»*–-]|\d{1,2}[.)])\s+")  # a list item's bullet or number
_SENTENCE_VALUE = re.compile(r"^\s*[\"“‘'«]|.*[.!?…][\"'”’»)]*\s*$")  # a quote, or a value ending a sentence
_FIELD = re.compile(r"^([^\W\d_][\w'’ .-]{0,40}?)\s*:\s+\S")
_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")  # quotes, arrows, brackets, stops at a text's ends
_LEAD_MARKS, _TRAIL_MARKS = re.compile(r"^[\W_]+"), re.compile(r"[\W_]+$")
_WORDISH = re.compile(r"[^\W_]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_PREFIX = re.compile(r"^(.{2,60}?)\s*(?:[-–—]{1,2}|[|:])\s+(?=[\"“‘'A-Z0-9])")


def headline_mark(key: str) -> str:
    """The entry of a run's ``furniture`` set saying that a file shows the line of ``key`` as a
    headline (right above its byline or date line): no file's furniture then drops it as a title."""
    return _HEADLINE + key


def title_label_mark(label: str) -> str:
    """The entry of a run's ``furniture`` set saying that a file cut ``label`` ("title:") off the
    titles of many of its articles: it is cut off titles of the run's other files too."""
    return _TITLE_LABEL + label


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


def wildcard_templates(text: str, max_words: int, min_lower: int = 0) -> list[str]:
    """Templates of a short line with any one of its words left open ("Posted by * » X 0, 0 0:0 pm").

    A member name, a handle or a count in an otherwise fixed line varies: each variant keeps three
    literal tokens or more, and ``min_lower`` whole lower-case words. Lines over ``max_words`` words
    have none.
    """
    if text.count(" ") >= max_words:
        return []
    masked = _MASKED_RUN.sub("X", _CAPITALISED.sub("X", _DIGITS.sub("0", " ".join(text.split()))))
    tokens = masked.split()
    if len(tokens) > max_words or len(tokens) < 3:
        return []
    lower = [bool(_LOWER_WORD.fullmatch(t)) for t in tokens]
    literal, n_lower = sum(1 for t in tokens if t != "X"), sum(lower)
    if n_lower < min_lower:
        return []
    return [" ".join(tokens[:k] + ["*"] + tokens[k + 1:]) for k, token in enumerate(tokens)
            if literal - (token != "X") >= 3 and n_lower - lower[k] >= min_lower]


def core_key(text: str) -> str:
    """:func:`exact_key` of a line without the marks, quotes and stops at its ends."""
    return _EDGE_MARKS.sub("", exact_key(text))


def title_cores(text: str, max_wrap: int, min_words: int) -> set[str]:
    """The :func:`core_key` of each text a line may wrap as a headline ('4 thoughts on "TITLE"',
    "← Previous post: TITLE", "TITLE →"): the line without up to ``max_wrap`` words at either end
    (some words cut, none of them ending a sentence, some letter or digit among them), keeping
    ``min_words`` words or more."""
    keys = exact_key(text).split()  # word by word: exact_key masks and lowers each word alone
    n = len(keys)
    if n <= min_words:
        return set()
    ends, wordy = _Lazy(keys, _SENTENCE_END.search), _Lazy(keys, _WORDISH.search)  # (only words near the ends are read)
    heads, tails = _Lazy(keys, lambda k: _LEAD_MARKS.sub("", k)), _Lazy(keys, lambda k: _TRAIL_MARKS.sub("", k))
    cores = set()
    for a in range(min(max_wrap, n - min_words) + 1):
        if a and ends[a - 1]:
            break
        for b in range(min(max_wrap, n - a - min_words) + 1):
            if b and ends[n - b]:
                break
            first = next((i for i in range(a, n - b) if wordy[i]), None)
            if (a or b) and first is not None and (any(wordy[i] for i in range(a)) or any(wordy[i] for i in range(n - b, n))):
                last = next(i for i in range(n - b - 1, first - 1, -1) if wordy[i])
                core = [*keys[first:last + 1]]
                core[0], core[-1] = heads[first], tails[last]
                if first == last:
                    core[0] = _TRAIL_MARKS.sub("", heads[first])
                cores.add(" ".join(core))
    return cores


class _Lazy:
    """``function(items[k])`` for each k, worked out when first asked for."""

    def __init__(self, items: list[str], function) -> None:
        self.items, self.function, self.found = items, function, {}

    def __getitem__(self, k: int):
        if k not in self.found:
            self.found[k] = self.function(self.items[k])
        return self.found[k]


def field_label(text: str, max_words: int) -> str | None:
    """The label of a "Label: value" line ("Watch the video:", "Foto:"), lower-cased, or None.

    The label has at most ``max_words`` words and is not in capitals ("JAKARTA: " opens a lead).
    """
    match = _FIELD.match(text)
    if not match or match.group(1).count(" ") >= max_words or match.group(1).isupper():
        return None
    return _DIGITS.sub("0", match.group(1).lower()) + ":"


def _field_value(text: str) -> str | None:
    """What follows the label of a "Label: value" line (any label), or None."""
    match = _FIELD.match(text)
    return text[match.end() - 1:] if match else None


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




def recurring(keys: list[str | None], min_count: int, lines: list | None = None, *, context: int) -> set[str]:
    """Keys occurring in ``min_count`` places or more; a key repeated on the next line counts once.

    ``lines`` (default ``keys``) identify the lines themselves: places whose neighbouring lines are
    the same again count once, so copies of one whole page or article are not furniture.
    """
    return recurring_any([[] if key is None else [key] for key in keys], min_count, lines or keys, context=context)


def recurring_any(keys: list[list[str]], min_count: int, lines: list, *, context: int) -> set[str]:
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


class Articles(Protocol):
    """Where the run-level pass puts the articles it leaves (a list, or a spilled ``ArticleStore``)."""

    def append(self, article: Article) -> None: ...

    def __iter__(self) -> Iterator[Article]: ...


def drop_repeated_sentences(articles: Iterable[Article], config: SegmentConfig | None = None,
                            furniture: set[str] | frozenset = frozenset(), into: Articles | None = None,
                            ) -> tuple[Articles, Counter, dict[str, list[str]]]:
    """The run-level pass over every article's sentences (per-file segmentation sees one file only).

    * "title_link": a sentence that repeats another article's title inside an article, or as a
      list item ("• Title", "2. Title"), links to it (tables of contents, related and trending
      lists); it is dropped and does not count as a recurrence of the title.
    * "repeated_sentence": a sentence whose text (digits masked) recurs in
      ``config.min_repeat_articles`` different articles (unless its figures change from place to
      place and it stands in the body below the lead, longer than a label: a daily report's
      templated sentence, "The rupiah closed up 0.72 percent at ..."), counted by its surroundings as lines are
      (:func:`recurring_any`): the sentences before and after it in its file (across article ends)
      differ from place to place for furniture, while copies of one page or article (saved twice,
      in one file or several) repeat them, so they count once and a corpus of copies keeps its text.
      Neither a shared title (a section label taken for many titles) nor a whole short article (a
      masthead or a footer cut off on its own) makes copies. Sentences whose key is in
      ``furniture`` (lines found recurring as furniture inside some file of the run:
      ``SegmentResult.furniture``) are dropped too: a small file shows too few copies of its
      masthead or labels, the large files of the same site show them. A headline longer than a
      label (``config.max_label_words``) is kept: a file may list it in a column of its own.
    * A title that some file shows as a headline (right above its byline or date line: the
      ``headline_mark`` entries of ``furniture``) and that titles one story (not a masthead over
      every page's date) is kept as a title however often it recurs, and dropped as a "title_link"
      inside other text.
    * "repeated_field": a short body paragraph opening with a "Label:" that some file of the run
      repeats as a field line (also in ``furniture``), or that opens such paragraphs in many articles
      of the run (see ``_recurring_fields``).
    * "label": a field label that some file cut off the titles of many of its articles ("Title: ",
      the ``title_label_mark`` entries of ``furniture``) is cut off the titles of the other files.
    * "dateline": then a prefix of the lead (the first paragraph after the title: "Jakarta, SITE - ",
      "CITY: ") that has a dateline's shape (``clean.DATELINE``; a line dropped above the lead here
      may have hidden it from the file's pass) or whose template opens the leads of
      ``config.min_repeat_articles`` articles, each time before other text, is cut.

    Memory holds no text of the run, only tens of bytes per sentence: ``articles`` (a list, or a
    spilled ``ArticleStore`` that reads each article from disk) is read one article at a time, four
    times: twice to plan (titles, then every sentence's and paragraph's key as a 64-bit hash), once
    to plan the datelines of the articles as the plan leaves them, once to apply the plan. The articles
    left (those left without sentences are dropped) are appended to ``into`` (default a new list),
    which is returned with the number of sentences dropped or trimmed per rule and a few examples
    of each. Article ids are unique (as ``align.pipeline.segment_files`` makes them).
    """
    config = config or SegmentConfig()
    dropped, labelled, dated = (_Notes(config.examples_per_rule) for _ in range(3))
    titles = _title_index(articles, {key[len(_HEADLINE):] for key in furniture if key.startswith(_HEADLINE)})
    verdicts = _RunRows(titles, furniture, config).read(articles).verdicts(config)
    datelines = _common_datelines(_dropped(articles, verdicts, _Notes(0)), config)
    labels = {key[len(_TITLE_LABEL):] for key in furniture if key.startswith(_TITLE_LABEL)}
    out = [] if into is None else into
    for article in _dropped(articles, verdicts, dropped):
        out.append(_trim_dateline(_trim_title_label(article, labels, config, labelled), datelines, config, dated))
    return out, *dropped.merged(labelled, dated)


_RULES = ("title_link", "repeated_passage", "repeated_field", "repeated_sentence", "repeated_template")


class _Notes:
    """Sentences dropped or trimmed per rule, and the first ``limit`` distinct ones of each."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.removed: Counter = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)

    def __call__(self, rule: str, text: str) -> None:
        self.removed[rule] += 1
        if text not in self.examples[rule] and len(self.examples[rule]) < self.limit:
            self.examples[rule].append(text)

    def merged(self, *later: _Notes) -> tuple[Counter, dict[str, list[str]]]:
        """These notes, then those of ``later`` passes (the rules in the order they were first met)."""
        for notes in later:
            self.removed.update(notes.removed)
            self.examples.update(notes.examples)
        return self.removed, dict(self.examples)


def _dropped(articles: Iterable[Article], verdicts: np.ndarray, note) -> Iterator[Article]:
    """The articles without the sentences the plan drops (``verdicts``: a rule's number in
    ``_RULES`` plus one per sentence of the run, 0 to keep), those left without sentences left out."""
    row = 0
    for article in articles:
        keep = []
        for s, verdict in zip(article.sentences, verdicts[row:row + len(article.sentences)].tolist()):
            if verdict:
                note(_RULES[verdict - 1], s.text)
            else:
                keep.append(s)
        row += len(article.sentences)
        if len(keep) == len(article.sentences):
            yield article
        elif keep:
            yield _rebuilt(article, keep)


def _trim_title_label(article: Article, labels: set[str], config: SegmentConfig, note) -> Article:
    """The article with a field label some file found opening its titles ("Title: ") cut off its title."""
    head = next((s for s in article.sentences if s.paragraph == 0), None) if labels else None
    if head is None or label_prefix(head.text, config.max_prefix_words) not in labels:
        return article
    end = prefix_end(head.text)
    note("label", head.text[:end])
    trimmed = replace(head, text=head.text[end:], start=head.start + end)
    sentences = [trimmed if s is head else s for s in article.sentences]
    paragraphs = list(article.paragraphs)
    if paragraphs[0].startswith(head.text[:end]):
        paragraphs[0] = paragraphs[0][end:]
    title = article.title[end:] if article.title.startswith(head.text[:end]) else article.title
    return replace(article, title=title, paragraphs=paragraphs, sentences=sentences)


class _Titles:
    """The run's story titles as 64-bit hashes of their keys, for :func:`_title_links`.

    ``keys`` (sorted) title one story each, written over ``owners`` articles, the first being
    ``first``; ``lists`` are the articles whose text opens with another article's title (lists of
    titles cut off as an article: no story); ``headlines`` the keys some file shows as a headline
    that title one story (see ``_title_index``).
    """

    def __init__(self, keys: np.ndarray, owners: np.ndarray, first: np.ndarray, lists: set[int],
                 headlines: set[str]) -> None:
        self.keys, self.owners, self.first, self.lists, self.headlines = keys, owners, first, lists, headlines

    def names(self, key: str, other_than: int | None = None) -> bool:
        """Whether ``key`` titles one story (of an article other than number ``other_than``, if given)."""
        k = _position(self.keys, _key_hash(key))
        return k >= 0 and (other_than is None or self.owners[k] >= 2 or self.first[k] != other_than)


def _title_index(articles: Iterable[Article], shown: set[str]) -> _Titles:
    """Pass one over the run: the titles that name one story, and the ``shown`` headlines that do.

    An article with text under its title, whose title is no list item, is a headline to link to,
    under the key of its whole title and those of its title's sentences. An article whose text
    opens with another article's title is a list, not a story. A title's story is its text (all of
    its body, as one hash): a line that opens several different articles titles no story. A title
    ``shown`` as a headline by some file titles one story when every article it opens goes on with
    the same first sentence (a masthead over every page's date titles many).
    """
    keys, owners = array("Q"), array("q")  # (hash of a title key, its article): one row per key
    headed, stories, openers = array("q"), array("Q"), array("Q")  # per titled article: number, body, first line
    bodies: dict[str, set[str]] = defaultdict(set)  # a shown headline's first body sentences (two tell "many")
    for number, article in enumerate(articles):
        head = [s.text for s in article.sentences if s.paragraph == 0]
        whole = exact_key(" ".join(head))
        if whole in shown and len(bodies[whole]) < 2:
            bodies[whole].add(next((exact_key(s.text) for s in article.sentences if s.paragraph > 0), ""))
        body = [exact_key(LIST_MARK.sub("", s.text)) for s in article.sentences if s.paragraph > 0]
        if body and head and not LIST_MARK.match(head[0]):  # a list item is no headline
            headed.append(number)
            stories.append(_key_hash("\x00".join(body)))
            openers.append(_key_hash(body[0]))
            for key in {whole, _EDGE_MARKS.sub("", whole), *(exact_key(text) for text in head)}:
                keys.append(_key_hash(key))
                owners.append(number)
    keys, owners, headed, stories, openers = (np.frombuffer(a, dtype=np.uint64 if a.typecode == "Q" else np.int64)
                                              for a in (keys, owners, headed, stories, openers))
    titled, count, first = _distinct_per_key(keys, owners)
    k = np.minimum(np.searchsorted(titled, openers), max(len(titled) - 1, 0))
    opens_a_title = (titled[k] == openers) & ((count[k] >= 2) | (first[k] != headed)) if len(titled) else \
        np.zeros(len(headed), dtype=bool)
    lists = headed[opens_a_title]
    stories_of = stories[np.searchsorted(headed, owners)]  # each row's article's body
    kept = ~np.isin(owners, lists)
    keys, owners, stories_of = keys[kept], owners[kept], stories_of[kept]
    titled, count, first = _distinct_per_key(keys, owners)
    one_story = _distinct_per_key(keys, stories_of)[1] == 1
    headlines = {key for key, found in bodies.items() if len(found) == 1}
    return _Titles(titled[one_story], count[one_story], first[one_story], set(lists.tolist()), headlines)


def _title_links(article: Article, number: int, titles: _Titles, config: SegmentConfig) -> set[int]:
    """Indices of the sentences of ``article`` (number ``number`` of the run) that repeat another
    article's title as a link.

    A link is a sentence inside an article (``config.min_title_link_words`` words or more: "World"
    is no link) or a list item ("• Title", "2. Title", each of its sentences) whose text is another
    article's title (an article that is nothing but that title too), or any article's title after
    a label ("Read also: Title", "Share this article: Title"), or a body paragraph wrapping any
    article's title (``config.min_wrapped_title_words`` words or more) in up to
    ``config.max_label_words`` words on each side ('4 thoughts on "Title"', "Next post: Title →";
    :func:`title_cores`; a dateline before a lead is no wrapper). Only the title of one story counts
    (:func:`_title_index`).
    """
    min_words = config.min_title_link_words
    def names_title(text: str) -> bool:
        if titles.names(exact_key(LIST_MARK.sub("", text)), other_than=number):
            return True
        # "Label: Title" links too ("Read also: ..."), to its own article's title as well ("Share: ...")
        value = _field_value(text)
        return value is not None and titles.names(exact_key(LIST_MARK.sub("", value)))

    by_paragraph: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(article.sentences):
        by_paragraph[s.paragraph].append(k)
    links: set[int] = set()
    for p, text in enumerate(article.paragraphs):
        in_paragraph = by_paragraph.get(p, [])
        if LIST_MARK.match(text) and names_title(text) or p > 0 and not DATELINE.match(text) and any(
                titles.names(core) for core in title_cores(text, config.max_label_words, config.min_wrapped_title_words)):
            links.update(in_paragraph)
            continue
        for k in in_paragraph:
            s = article.sentences[k]
            # A list's first item is a link too, and so is a title with no text under it (a "Label:
            # Title" line left alone between furniture, cut off as an article of its own).
            inside = p > 0 or number in titles.lists or len(article.paragraphs) == 1
            if (LIST_MARK.match(s.text) or inside and len(s.text.split()) >= min_words) and names_title(s.text):
                links.add(k)
    return links


class _Sequence:
    """A run's lines (sentences or paragraphs) in run order as 64-bit hashes of their text, an empty
    line at each file's edges (every file opens and ends on the same surroundings), each line's
    article (-1 at an edge) and the keys each line has (line, key hash)."""

    def __init__(self) -> None:
        self.lines, self.articles = array("Q"), array("i")
        self.flags = bytearray()  # per line: what the rules ask of it (_IS_LINK, _IN_FURNITURE, ...)
        self.key_lines, self.keys = array("i"), array("Q")

    def edge(self) -> None:
        self.add("", -1, 0)

    def add(self, text: str, article: int, flags: int) -> int:
        self.lines.append(_key_hash(text))
        self.articles.append(article)
        self.flags.append(flags)
        return len(self.lines) - 1

    def key(self, line: int, key: str) -> None:
        self.key_lines.append(line)
        self.keys.append(_key_hash(key))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(line hashes, line articles, line flags, key lines, key hashes)."""
        return (np.frombuffer(self.lines, dtype=np.uint64), np.frombuffer(self.articles, dtype=np.int32),
                np.frombuffer(self.flags, dtype=np.uint8), np.frombuffer(self.key_lines, dtype=np.int32),
                np.frombuffer(self.keys, dtype=np.uint64))


class _RunRows:
    """Pass two over the run: every sentence's and paragraph's facts the rules decide on, as arrays
    (one row per sentence of the run, in order; one per paragraph; hashes of their keys)."""

    def __init__(self, titles: _Titles, furniture: set[str] | frozenset, config: SegmentConfig) -> None:
        self.titles, self.furniture, self.config = titles, furniture, config
        self.sentences, self.passages, self.fields = _Sequence(), _Sequence(), _Sequence()
        self.file = array("i")  # per sentence: its file's number
        self.figures = array("Q")  # per sentence: a hash of its text with its figures
        self.passage, self.field = array("i"), array("i")  # per sentence: its passage line, its field line (-1: none)
        self.files: dict[str, int] = {}

    def read(self, articles: Iterable[Article]) -> _RunRows:
        previous = None
        for number, article in enumerate(articles):
            if not number or article.file != previous:
                for sequence in (self.sentences, self.passages, self.fields):
                    sequence.edge()
            previous = article.file
            self.add(article, number)
        for sequence in (self.sentences, self.passages, self.fields):
            sequence.edge()
        return self

    def add(self, article: Article, number: int) -> None:
        config, furniture = self.config, self.furniture
        links = _title_links(article, number, self.titles, config)
        file = self.files.setdefault(article.file, len(self.files))
        keys = [exact_key(s.text) for s in article.sentences]
        fields = len(self.fields.lines)  # the field row of paragraph p is fields + p
        for p, text in enumerate(article.paragraphs):
            label = field_label(text, config.max_label_words) \
                if p > 0 and len(text.split()) <= config.max_field_words else None
            line = self.fields.add(text, number, _IN_FURNITURE * (label in furniture) + _VALUE_IS_SENTENCE * bool(
                label and _SENTENCE_VALUE.match(_field_value(text))))
            if label:
                self.fields.key(line, label)
        passages = {}
        for p, members in sorted(_by_paragraph(range(len(keys)), lambda k: article.sentences[k].paragraph).items()):
            text = " ".join(" ".join(article.sentences[k].text for k in members).split()).lower()  # figures kept
            passages[p] = line = self.passages.add(text, number, _IN_FURNITURE * (exact_key(text) in furniture)
                                                   + _IS_TITLE * (p == 0))
            if len(text.split()) >= config.min_passage_words and links.isdisjoint(members):
                self.passages.key(line, text)
        per_paragraph = Counter(s.paragraph for s in article.sentences)
        last = max(per_paragraph, default=0)
        lead = next((k for k, s in enumerate(article.sentences) if s.paragraph > 0), -1)
        for k, (s, key) in enumerate(zip(article.sentences, keys)):
            line = self.sentences.add(key, number, _IS_LINK * (k in links)
                                      + _IS_HEADLINE * (key in self.titles.headlines)
                                      + _IN_FURNITURE * (key in furniture) + _IS_TITLE * (s.paragraph == 0)
                                      + _IS_SHORT * (len(s.text.split()) <= config.max_label_words)
                                      + _IN_BODY * (s.paragraph > 0 and k != lead and bool(_SENTENCE_END.search(s.text))))
            self.file.append(file)
            self.figures.append(_key_hash(" ".join(s.text.split())))
            self.passage.append(passages[s.paragraph])
            self.field.append(fields + s.paragraph if s.paragraph < len(article.paragraphs) else -1)
            if per_paragraph[s.paragraph] == 1 and s.paragraph == last > 0 and k not in links:  # closing the article
                for template in wildcard_templates(s.text, config.max_sentence_template_words,
                                                   config.min_template_literals):
                    self.sentences.key(line, template)

    def verdicts(self, config: SegmentConfig) -> np.ndarray:
        """Per sentence of the run, the number of the rule that drops it in ``_RULES`` plus one (0: kept)."""
        lines, articles, flags, _, _ = self.sentences.arrays()
        sentence = articles >= 0  # not an edge
        keys, articles, flags = lines[sentence], articles[sentence], flags[sentence]
        link, headline, title = (flags & _IS_LINK) > 0, (flags & _IS_HEADLINE) > 0, (flags & _IS_TITLE) > 0
        field = np.frombuffer(self.field, dtype=np.int32)
        in_field = _recurring_fields(self.fields, config)[field] & (field >= 0)
        passage = _recurring_passages(self.passages, config)[np.frombuffer(self.passage, dtype=np.int32)]
        common = np.isin(keys, _common_sentences(keys, link, np.frombuffer(self.file, dtype=np.int32), articles,
                                                 config.min_repeat_articles, config.repeat_context))
        # A daily report's templated sentence: its figures change from place to place, below the lead.
        distinct, figures, _ = _distinct_per_key(keys, np.frombuffer(self.figures, dtype=np.uint64))
        daily = np.isin(keys, distinct[figures >= config.min_repeat_articles])
        common &= ~(daily & ((flags & _IN_BODY) > 0) & ((flags & _IS_SHORT) == 0))
        furniture = ((flags & _IN_FURNITURE) > 0) & (~title | ((flags & _IS_SHORT) > 0))
        templated = _recurring_templates(self.sentences, config)[sentence]
        return np.select([link | ~title & headline, title & headline, passage, in_field, common | furniture, templated],
                         [1, 0, 2, 3, 4, 5], default=0).astype(np.uint8)


_IS_LINK, _IS_HEADLINE, _IN_FURNITURE, _IS_TITLE, _IS_SHORT, _VALUE_IS_SENTENCE, _IN_BODY = 1, 2, 4, 8, 16, 32, 64


def _recurring_fields(fields: _Sequence, config: SegmentConfig) -> np.ndarray:
    """Per line of ``fields``, whether it is a short body paragraph "Label: value" that is furniture:
    its label is one some file of the run repeats as a field line (in ``furniture``), or it opens such
    paragraphs in ``config.min_repeat_articles`` articles, between other paragraphs and with other
    values each time, the value being no sentence ("Tags: a, b", "Role: Name", not "He said: ...")."""
    lines, articles, flags, key_lines, labels = fields.arrays()
    counted = (flags[key_lines] & _VALUE_IS_SENTENCE) == 0
    counted_labels, counted_lines = labels[counted], key_lines[counted]
    often = _passing(labels, [(counted_labels, articles[counted_lines]), (counted_labels, lines[counted_lines])],
                     config.min_repeat_articles)
    common = _recurring_hashed(key_lines[often], labels[often], lines, config.min_repeat_articles, context=1)
    found = (flags & _IN_FURNITURE) > 0  # its label is one (none is in no label's place)
    found[key_lines[np.isin(labels, common)]] = True
    return found


def _recurring_templates(sentences: _Sequence, config: SegmentConfig) -> np.ndarray:
    """Per line of ``sentences``, whether it is a short sentence whose wildcard template recurs in the run.

    Furniture recurs at one place of the story's structure; templated prose (a market report's
    "The rupiah weakened 0.2 percent ..." worded alike every day) stands among the story's own
    sentences. So a short sentence (``config.max_sentence_template_words``) closing its article as
    a paragraph of its own, with one word left open and names and digits masked ("Last edited by
    * on X 0, 0, edited 0 time in total."), that keeps ``config.min_template_literals`` lower-case
    words is a site's template when it closes ``config.min_repeat_articles`` articles, between
    other sentences each time, worded as many ways (a headline listed in other pages' columns, cut
    short or whole, is one wording or two). Inside a paragraph or above the story's last
    paragraph, a templated sentence is the story's text.
    """
    lines, articles, _flags, key_lines, templates = sentences.arrays()
    often = _passing(templates, [(templates, articles[key_lines]), (templates, lines[key_lines])],
                     config.min_repeat_articles)
    common = _recurring_hashed(key_lines[often], templates[often], lines, config.min_repeat_articles,
                               context=config.repeat_context)
    found = np.zeros(len(lines), dtype=bool)
    found[key_lines[often & np.isin(templates, common)]] = True
    return found


def _recurring_passages(passages: _Sequence, config: SegmentConfig) -> np.ndarray:
    """Per line of ``passages``, whether it is a long paragraph whose text recurs in another article.

    A paragraph of ``config.min_passage_words`` words or more is written once for one story; met
    again in ``config.min_passage_articles`` different articles, between other paragraphs each time
    (counted by surroundings as lines are), it is a block the site inserts: an advert, a promo, a
    boilerplate note. Copies of one article (same neighbours) count once. Its figures count too:
    a templated paragraph of a daily report, its figures new each day, is the day's story. A body
    passage that some file of the run repeats as furniture (``furniture``, figures masked) counts
    wherever it stands. A title needs ``config.min_repeat_articles`` places, as a sentence does:
    other pages list headlines.
    """
    lines, articles, flags, key_lines, keys = passages.arrays()
    often = _passing(keys, [(keys, articles[key_lines])], config.min_passage_articles)
    common = _recurring_hashed(key_lines[often], keys[often], lines, config.min_passage_articles, context=1)
    titled = often & ((flags[key_lines] & _IS_TITLE) > 0)
    titles = _recurring_hashed(key_lines[titled], keys[titled], lines, config.min_repeat_articles, context=1)
    title = (flags[key_lines] & _IS_TITLE) > 0
    found = np.where(title, np.isin(keys, titles), np.isin(keys, common) | ((flags[key_lines] & _IN_FURNITURE) > 0))
    out = np.zeros(len(lines), dtype=bool)
    out[key_lines[found]] = True
    return out


def _common_sentences(keys: np.ndarray, links: np.ndarray, files: np.ndarray, articles: np.ndarray,
                      min_count: int, context: int) -> np.ndarray:
    """Hashes (:func:`_key_hash`) of the sentence keys (``keys``: each sentence's, in run order) that
    recur in ``min_count`` articles or more, in ``min_count`` distinct surroundings (the ``context``
    keys before, or those after, each place in its file's sequence of sentences; title links
    (``links``) left out; ``files``, ``articles``: each sentence's file and article).

    Counted over arrays of 64-bit hashes, not sets of strings and context tuples: a corpus of
    millions of sentences costs tens of bytes per sentence here.
    """
    order = np.flatnonzero(~links)
    order = order[np.argsort(files[order], kind="stable")]  # file by file, in run order within a file
    keys, files, articles = keys[order], files[order], articles[order]
    opens = np.ones(len(files), dtype=bool)  # the first sentence of a file
    opens[1:] = files[1:] != files[:-1]
    edges = np.flatnonzero(opens)
    part = np.cumsum(opens) - 1
    low, high = edges[part], np.append(edges[1:], len(files))[part]
    places = np.arange(len(keys))
    before = _window_hashes(keys, places, range(-context, 0), low, high)
    after = _window_hashes(keys, places, range(1, context + 1), low, high)
    (distinct, in_articles, _), (_, before, _), (_, after, _) = (
        _distinct_per_key(keys, values) for values in (articles, before, after))
    return distinct[(in_articles >= min_count) & (np.maximum(before, after) >= min_count)]


def _passing(keys: np.ndarray, counts: list[tuple[np.ndarray, np.ndarray]], min_count: int) -> np.ndarray:
    """Per entry of ``keys``, whether its key has ``min_count`` distinct values or more in every
    (keys, values) column of ``counts`` (a key missing from a column has none)."""
    ok = np.ones(len(keys), dtype=bool)
    for column, values in counts:
        distinct, count, _ = _distinct_per_key(column, values)
        ok &= np.isin(keys, distinct[count >= min_count])
    return ok


def _recurring_hashed(lines_of: np.ndarray, keys: np.ndarray, lines: np.ndarray, min_count: int,
                      context: int) -> np.ndarray:
    """:func:`recurring_any` over hashes: the keys (``keys``, at lines ``lines_of`` of the sequence
    ``lines``) found between ``min_count`` distinct surroundings before or after their places; a key
    on the line after one that has it too counts once. Sorted key hashes."""
    order = np.lexsort((lines_of, keys))
    keys, lines_of = keys[order], lines_of[order]
    first = np.ones(len(keys), dtype=bool)  # the first line of a run of lines with the key
    first[1:] = (keys[1:] != keys[:-1]) | (lines_of[1:] > lines_of[:-1] + 1)
    repeated = np.zeros(len(keys), dtype=bool)  # the same (key, line) again
    repeated[1:] = (keys[1:] == keys[:-1]) & (lines_of[1:] == lines_of[:-1])
    keys, lines_of = keys[first & ~repeated], lines_of[first & ~repeated]
    low, high = np.zeros(len(keys), dtype=np.int64), np.full(len(keys), len(lines), dtype=np.int64)
    distinct, before, _ = _distinct_per_key(keys, _window_hashes(lines, lines_of, range(-context, 0), low, high))
    _, after, _ = _distinct_per_key(keys, _window_hashes(lines, lines_of, range(1, context + 1), low, high))
    return distinct[np.maximum(before, after) >= min_count]


def _position(hashes: np.ndarray, key: int) -> int:
    """Where the hash ``key`` is in the sorted array ``hashes``, or -1."""
    wanted = np.uint64(key)
    k = int(np.searchsorted(hashes, wanted))
    return k if k < len(hashes) and hashes[k] == wanted else -1


def _key_hash(key: str) -> int:
    """A 64-bit hash of a sentence key (equal keys, equal hashes; unequal ones collide with odds of 2**-64)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


def _window_hashes(keys: np.ndarray, places: np.ndarray, offsets: range, low: np.ndarray,
                   high: np.ndarray) -> np.ndarray:
    """For each of ``places``, one hash of the keys at place + offset (positions outside
    ``low``..``high`` - 1, the place's file or sequence, are left out, so a context cut by an edge
    differs from a full one)."""
    out = np.zeros(len(places), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for slot, offset in enumerate(offsets):
            at = places + offset
            inside = (at >= low) & (at < high)
            shifted = np.full(len(places), _MIX[-1], dtype=np.uint64)  # "no key here"
            shifted[inside] = keys[at[inside]]
            mixed = (shifted ^ (shifted >> np.uint64(31))) * _MIX[slot % len(_MIX)]
            out = (out * _MIX[(slot + 3) % len(_MIX)]) ^ mixed
    return out


def _distinct_per_key(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct key (sorted), how many distinct values it occurs with, and the smallest."""
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (keys[1:] != keys[:-1]) | (values[1:] != values[:-1])
    distinct, at, counts = np.unique(keys[first], return_index=True, return_counts=True)
    return distinct, counts, values[first][at]


def _lead(article: Article):
    """The article's first sentence after its title, or None."""
    return next((s for s in article.sentences if s.paragraph == 1), None)


def _common_datelines(articles: Iterable[Article], config: SegmentConfig) -> np.ndarray:
    """Hashes of the lead prefix templates that open the leads of ``config.min_repeat_articles``
    articles or more, each time before other text (sorted)."""
    templates, numbers, rests = array("Q"), array("q"), array("Q")
    for number, article in enumerate(articles):
        sentence = _lead(article)
        template = sentence and prefix_template(sentence.text, config.max_prefix_words)
        if template:
            templates.append(_key_hash(template))
            numbers.append(number)
            rests.append(_key_hash(exact_key(sentence.text[prefix_end(sentence.text):])))
    templates = np.frombuffer(templates, dtype=np.uint64)
    ok = _passing(templates, [(templates, np.frombuffer(numbers, dtype=np.int64)),
                              (templates, np.frombuffer(rests, dtype=np.uint64))], config.min_repeat_articles)
    return np.unique(templates[ok])


def _trim_dateline(article: Article, common: np.ndarray, config: SegmentConfig, note) -> Article:
    """The article with its lead's prefix cut where it has a dateline's shape or its template is in
    ``common`` (see :func:`drop_repeated_sentences`)."""
    sentence = _lead(article)
    shape = sentence and DATELINE.match(sentence.text)
    if not sentence:
        return article
    if not shape:
        template = prefix_template(sentence.text, config.max_prefix_words)
        if template is None or _position(common, _key_hash(template)) < 0:
            return article
    end = shape.end() if shape else prefix_end(sentence.text)
    note("dateline", sentence.text[:end])
    trimmed = replace(sentence, text=sentence.text[end:], start=sentence.start + end)
    sentences = [trimmed if s is sentence else s for s in article.sentences]
    paragraphs = list(article.paragraphs)
    p = sentence.paragraph
    if paragraphs[p].startswith(sentence.text[:end]):
        paragraphs[p] = paragraphs[p][end:]
    return replace(article, paragraphs=paragraphs, sentences=sentences)


def _rebuilt(article: Article, keep) -> Article:
    """The article with only the ``keep`` sentences, paragraphs renumbered."""
    kept = _by_paragraph(keep)
    number = {p: k for k, p in enumerate(sorted(kept))}
    paragraphs = [" ".join(s.text for s in kept[p]) for p in sorted(kept)]
    sentences = [replace(s, paragraph=number[s.paragraph]) for s in keep]
    head_kept = kept.get(0, []) == _by_paragraph(article.sentences).get(0, [])
    title = article.title if head_kept else paragraphs[0]
    return replace(article, title=title, paragraphs=paragraphs, sentences=sentences)


def _by_paragraph(items, paragraph=lambda s: s.paragraph) -> dict[int, list]:
    """Items (sentences) grouped by their paragraph number, in order."""
    groups: dict[int, list] = defaultdict(list)
    for item in items:
        groups[paragraph(item)].append(item)
    return groups
