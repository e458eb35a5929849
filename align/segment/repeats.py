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
from collections import Counter, defaultdict
from dataclasses import replace

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
_CONTEXT = 6  # lines (sentences) on each side that tell a copy from another place of a recurring one
LIST_MARK = re.compile(r"^(?:[•·▪►›»*–-]|\d{1,2}[.)])\s+")  # a list item's bullet or number
_SENTENCE_VALUE = re.compile(r"^\s*[\"“‘'«]|.*[.!?…][\"'”’»)]*\s*$")  # a quote, or a value ending a sentence
_FIELD = re.compile(r"^([^\W\d_][\w'’ .-]{0,40}?)\s*:\s+\S")
_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")  # quotes, arrows, brackets, stops at a text's ends
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
    words = text.split()
    cores = set()
    for a in range(max_wrap + 1):
        for b in range(max_wrap + 1):
            cut = words[:a] + words[len(words) - b:]
            if cut and len(words) - a - b >= min_words and _WORDISH.search(" ".join(cut)) and not any(
                    _SENTENCE_END.search(w) for w in cut):
                cores.add(core_key(" ".join(words[a:len(words) - b])))
    return cores


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

    Returns the articles (those left without sentences dropped), the number of sentences dropped
    or trimmed per rule and a few examples of each.
    """
    config = config or SegmentConfig()
    removed: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    shown = {key[len(_HEADLINE):] for key in furniture if key.startswith(_HEADLINE)}
    headlines = _one_story_titles(articles, shown)

    def note(rule: str, text: str) -> None:
        removed[rule] += 1
        if text not in examples[rule] and len(examples[rule]) < config.examples_per_rule:
            examples[rule].append(text)

    links = _title_links(articles, config.min_title_link_words, config.max_label_words)
    sentence_keys = {(article.id, s.start): exact_key(s.text) for article in articles for s in article.sentences}
    common, daily = _common_sentences(articles, links, config.min_repeat_articles, sentence_keys)
    passages = _recurring_passages(articles, links, config, furniture)
    templated = _recurring_templates(articles, links, sentence_keys, config)
    fields = _recurring_fields(articles, furniture, config)
    kept_articles = []
    for article in articles:
        keep = []
        lead = next((s for s in article.sentences if s.paragraph > 0), None)
        for s in article.sentences:
            if (article.id, s.start) in links or s.paragraph > 0 and sentence_keys[article.id, s.start] in headlines:
                note("title_link", s.text)
            elif s.paragraph == 0 and sentence_keys[article.id, s.start] in headlines:
                keep.append(s)  # a file shows it as a headline: other places list it
            elif (article.id, s.paragraph) in passages:
                note("repeated_passage", s.text)
            elif (article.id, s.paragraph) in fields:
                note("repeated_field", s.text)
            elif (h := _key_hash(key := sentence_keys[article.id, s.start])) in common and not (
                    h in daily and s.paragraph > 0 and s is not lead and len(s.text.split()) > config.max_label_words
            ) or key in furniture and (s.paragraph > 0 or len(s.text.split()) <= config.max_label_words):
                note("repeated_sentence", s.text)
            elif (article.id, s.start) in templated:
                note("repeated_template", s.text)
            else:
                keep.append(s)
        if len(keep) == len(article.sentences):
            kept_articles.append(article)
        elif keep:
            kept_articles.append(_rebuilt(article, keep))
    labels = {key[len(_TITLE_LABEL):] for key in furniture if key.startswith(_TITLE_LABEL)}
    kept_articles = _trim_title_labels(kept_articles, labels, config, note)
    return _trim_repeated_datelines(kept_articles, config, note), removed, dict(examples)


def _trim_title_labels(articles: list[Article], labels: set[str], config: SegmentConfig, note) -> list[Article]:
    """Articles with a field label some file found opening its titles ("Title: ") cut off the title."""
    if not labels:
        return articles
    out = []
    for article in articles:
        head = next((s for s in article.sentences if s.paragraph == 0), None)
        if head is None or label_prefix(head.text, config.max_prefix_words) not in labels:
            out.append(article)
            continue
        end = prefix_end(head.text)
        note("label", head.text[:end])
        trimmed = replace(head, text=head.text[end:], start=head.start + end)
        sentences = [trimmed if s is head else s for s in article.sentences]
        paragraphs = list(article.paragraphs)
        if paragraphs[0].startswith(head.text[:end]):
            paragraphs[0] = paragraphs[0][end:]
        title = article.title[end:] if article.title.startswith(head.text[:end]) else article.title
        out.append(replace(article, title=title, paragraphs=paragraphs, sentences=sentences))
    return out


def _in_run_order(articles: list[Article], rows) -> list[tuple]:
    """``rows(article)`` of every article in run order, an empty row ``("", -1, None, "")`` at each
    file's edges (every file opens and ends on the same surroundings): rows are (article id,
    position, keys, text), the text being the surroundings of the rows around it."""
    edge = ("", -1, None, "")
    out: list[tuple] = []
    for k, article in enumerate(articles):
        if not k or article.file != articles[k - 1].file:
            out.append(edge)
        out.extend(rows(article))
    out.append(edge)
    return out


def _recurring_fields(articles: list[Article], furniture: set[str] | frozenset,
                      config: SegmentConfig) -> set[tuple[str, int]]:
    """(article id, paragraph) of short body paragraphs "Label: value" that are furniture: their
    label is one some file of the run repeats as a field line (in ``furniture``), or it opens such
    paragraphs in ``config.min_repeat_articles`` articles, between other paragraphs and with other
    values each time, the value being no sentence ("Tags: a, b", "Role: Name", not "He said: ...")."""
    labelled = _in_run_order(articles, lambda article: [
        (article.id, p, field_label(text, config.max_label_words)
         if p > 0 and len(text.split()) <= config.max_field_words else None, text)
        for p, text in enumerate(article.paragraphs)])
    places: dict[str, set] = defaultdict(set)
    values: dict[str, set] = defaultdict(set)
    for article_id, _p, label, text in labelled:
        if label and not _SENTENCE_VALUE.match(_field_value(text)):
            places[label].add(article_id)
            values[label].add(text)
    candidates = [[label] if label and min(len(places[label]), len(values[label])) >= config.min_repeat_articles
                  else [] for _id, _p, label, _text in labelled]
    common = recurring_any(candidates, config.min_repeat_articles, [text for *_rest, text in labelled], context=1)
    return {(article_id, p) for article_id, p, label, _text in labelled
            if label and (label in furniture or label in common)}


def _one_story_titles(articles: list[Article], keys: set[str]) -> set[str]:
    """The ``keys`` that title one story in the run (a masthead over a date line titles many)."""
    if not keys:
        return set()
    stories: dict[str, set] = defaultdict(set)
    for article in articles:
        head = " ".join(s.text for s in article.sentences if s.paragraph == 0)
        key = exact_key(head)
        if key in keys:
            stories[key].add(next((exact_key(s.text) for s in article.sentences if s.paragraph > 0), ""))
    return {key for key, bodies in stories.items() if len(bodies) == 1}


def _recurring_templates(articles: list[Article], links: set, keys: dict,
                         config: SegmentConfig) -> set[tuple[str, int]]:
    """(article id, sentence start) of short sentences whose wildcard template recurs in the run.

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
    def rows(article: Article) -> list[tuple]:
        last = max(s.paragraph for s in article.sentences)
        alone = Counter(s.paragraph for s in article.sentences)[last] == 1  # a line of its own
        return [(article.id, s.start, wildcard_templates(
                    s.text, config.max_sentence_template_words, config.min_template_literals)
                 if alone and s.paragraph == last > 0 and (article.id, s.start) not in links else [],
                 keys[article.id, s.start]) for s in article.sentences]

    keyed = _in_run_order(articles, rows)
    places: dict[str, set] = defaultdict(set)
    wordings: dict[str, set] = defaultdict(set)
    for article_id, _start, templates, text in keyed:
        for template in templates or ():
            places[template].add(article_id)
            wordings[template].add(text)
    candidates = [[t for t in templates or () if min(len(places[t]), len(wordings[t])) >= config.min_repeat_articles]
                  for _id, _start, templates, _text in keyed]
    common = recurring_any(candidates, config.min_repeat_articles, [text for *_rest, text in keyed])
    return {(article_id, start) for (article_id, start, *_rest), found in zip(keyed, candidates)
            if not common.isdisjoint(found)}


def _recurring_passages(articles: list[Article], links: set, config: SegmentConfig,
                        furniture: set[str] | frozenset) -> set[tuple[str, int]]:
    """(article id, paragraph) of the long paragraphs whose text recurs in another article.

    A paragraph of ``config.min_passage_words`` words or more is written once for one story; met
    again in ``config.min_passage_articles`` different articles, between other paragraphs each time
    (counted by surroundings as lines are), it is a block the site inserts: an advert, a promo, a
    boilerplate note. Copies of one article (same neighbours) count once. Its figures count too:
    a templated paragraph of a daily report, its figures new each day, is the day's story. A body
    passage that some file of the run repeats as furniture (``furniture``, figures masked) counts
    wherever it stands. A title needs ``config.min_repeat_articles`` places, as a sentence does:
    other pages list headlines.
    """
    def rows(article: Article) -> list[tuple]:  # (article id, paragraph, key of a passage or None, key)
        out = []
        for p, sentences in sorted(_by_paragraph(article.sentences).items()):
            text = " ".join(" ".join(s.text for s in sentences).split()).lower()
            passage = len(text.split()) >= config.min_passage_words and not any(
                (article.id, s.start) in links for s in sentences)
            out.append((article.id, p, text if passage else None, text))
        return out

    keyed = _in_run_order(articles, rows)
    texts = [text for *_rest, text in keyed]
    places: dict[str, set] = defaultdict(set)
    for article_id, _p, key, _text in keyed:
        if key:
            places[key].add(article_id)
    candidates = [[key] if key and len(places[key]) >= config.min_passage_articles else []
                  for _id, _p, key, _text in keyed]
    common = recurring_any(candidates, config.min_passage_articles, texts, context=1)
    titles = recurring_any([c if p == 0 else [] for c, (_id, p, *_rest) in zip(candidates, keyed)],
                           config.min_repeat_articles, texts, context=1)
    return {(article_id, p) for article_id, p, key, _text in keyed
            if key and (key in titles if p == 0 else key in common or exact_key(key) in furniture)}


def _common_sentences(articles: list[Article], links: set, min_count: int,
                       keys: dict) -> tuple[set[int], set[int]]:
    """Hashes (:func:`_key_hash`) of the sentence keys that recur in ``min_count`` articles or more,
    in ``min_count`` distinct surroundings (the ``_CONTEXT`` keys before, or those after, each place
    in its file's sequence of sentences; title links left out; ``keys``: each sentence's exact key),
    and those of them whose figures (masked in the key) take ``min_count`` values or more over
    their places: a templated sentence of daily reports, its figures new each day.

    Counted over arrays of 64-bit hashes, not sets of strings and context tuples: a corpus of
    millions of sentences costs tens of bytes per sentence here.
    """
    by_file: dict[str, list[tuple[int, np.ndarray, np.ndarray]]] = defaultdict(list)
    for number, article in enumerate(articles):
        own = [s for s in article.sentences if (article.id, s.start) not in links]
        by_file[article.file].append((number, np.array([_key_hash(keys[article.id, s.start]) for s in own],
                                                       dtype=np.uint64),
                                      np.array([_key_hash(" ".join(s.text.split())) for s in own], dtype=np.uint64)))
    columns: dict[str, list[np.ndarray]] = defaultdict(list)
    for parts in by_file.values():
        file_keys = np.concatenate([k for _n, k, _f in parts])
        columns["key"].append(file_keys)
        columns["article"].append(np.concatenate([np.full(len(k), n, dtype=np.uint64) for n, k, _f in parts]))
        columns["before"].append(_context_hashes(file_keys, range(-_CONTEXT, 0)))
        columns["after"].append(_context_hashes(file_keys, range(1, _CONTEXT + 1)))
        columns["figures"].append(np.concatenate([f for _n, _k, f in parts]))
    if not columns:
        return set(), set()
    key, *others = (np.concatenate(columns[name]) for name in ("key", "article", "before", "after", "figures"))
    counts = [_distinct_per_key(key, values) for values in others]
    places, before, after, figures = (c[1] for c in counts)
    found = (places >= min_count) & (np.maximum(before, after) >= min_count)
    return set(counts[0][0][found].tolist()), set(counts[0][0][found & (figures >= min_count)].tolist())


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
    out = []
    for article in articles:
        sentence = lead(article)
        shape = sentence and DATELINE.match(sentence.text)
        if not sentence or not shape and prefix_template(sentence.text, config.max_prefix_words) not in common:
            out.append(article)
            continue
        end = shape.end() if shape else prefix_end(sentence.text)
        note("dateline", sentence.text[:end])
        trimmed = replace(sentence, text=sentence.text[end:], start=sentence.start + end)
        sentences = [trimmed if s is sentence else s for s in article.sentences]
        paragraphs = list(article.paragraphs)
        p = sentence.paragraph
        if paragraphs[p].startswith(sentence.text[:end]):
            paragraphs[p] = paragraphs[p][end:]
        out.append(replace(article, paragraphs=paragraphs, sentences=sentences))
    return out


def _title_links(articles: list[Article], min_words: int, max_wrap: int) -> set[tuple[str, int]]:
    """(article id, sentence start) of the sentences that repeat another article's title as a link.

    A link is a sentence inside an article (``min_words`` words or more: "World" is no link) or a list item
    ("• Title", "2. Title", each of its sentences) whose text is another article's title, or any
    article's title after a label ("Read also: Title", "Share this article: Title"), or a body
    paragraph wrapping any article's title in up to ``max_wrap`` words on each side ('4 thoughts on
    "Title"', "Next post: Title →"; :func:`title_cores`). Only the title of one
    story counts (its copies share their text): a line that opens several different articles, an
    article without text under it, or one whose text opens with another title (a list), is no
    headline to link to.
    """
    heads: dict[str, tuple[set[str], tuple]] = {}
    for article in articles:
        body = tuple(exact_key(LIST_MARK.sub("", s.text)) for s in article.sentences if s.paragraph > 0)
        head = [s.text for s in article.sentences if s.paragraph == 0]
        if body and head and not LIST_MARK.match(head[0]):  # a list item is no headline
            heads[article.id] = ({exact_key(" ".join(head)), *(exact_key(text) for text in head)}, body)
    titled: dict[str, set] = defaultdict(set)
    for article_id, (keys, _body) in heads.items():
        for key in keys:
            titled[key].add(article_id)
    # Text that opens with another article's title is a list of titles cut off as an article: no story.
    lists = {i for i, (_keys, body) in heads.items() if titled.get(body[0], set()) - {i}}
    for article_id in lists:
        del heads[article_id]
    titled, stories = defaultdict(set), defaultdict(set)
    for article_id, (keys, body) in heads.items():
        for key in keys:
            titled[key].add(article_id)
            stories[key].add(body)

    def names_title(text: str, article_id: str) -> bool:
        key = exact_key(LIST_MARK.sub("", text))
        if len(stories.get(key, ())) == 1 and bool(titled[key] - {article_id}):
            return True
        # "Label: Title" links too ("Read also: ..."), to its own article's title as well ("Share: ...")
        value = _field_value(text)
        key = exact_key(LIST_MARK.sub("", value or ""))
        return value is not None and len(stories.get(key, ())) == 1

    cored: dict[str, set] = defaultdict(set)
    for key, bodies in stories.items():
        cored[_EDGE_MARKS.sub("", key)] |= bodies

    def wraps_title(text: str) -> bool:  # '4 thoughts on "Title"', "Next post: Title →"
        return any(len(cored.get(core, ())) == 1 for core in title_cores(text, max_wrap, min_words))

    links = set()
    for article in articles:
        by_paragraph = _by_paragraph(article.sentences)
        for p, text in enumerate(article.paragraphs):
            in_paragraph = by_paragraph.get(p, [])
            if (LIST_MARK.match(text) and names_title(text, article.id)) or p > 0 and not DATELINE.match(text) and wraps_title(text):
                links.update((article.id, s.start) for s in in_paragraph)
                continue
            for s in in_paragraph:
                inside = p > 0 or article.id in lists  # a list's first item is a link too
                if (LIST_MARK.match(s.text) or inside and len(s.text.split()) >= min_words) \
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
