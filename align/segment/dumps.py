"""Article boundaries in raw dumps, from the signals real dumps give.

The text is read as non-blank lines, each with the number of blank lines and of page breaks (form
feeds) before it; a text browser's link marks ("[12]") and Markdown markup are blanked (a Markdown
page's "# TITLE", or its TITLE underlined with "===", opens an article; an underline is no blank
line), and a chat export's date, time and sender heads are cut off
their messages (a message running over lines, a forwarded story, opens an article; one-line chat
is furniture; blank lines then part nothing); a list item wrapped with a hanging indent is one
line. Every line is first classified
by the structural rules of :mod:`align.segment.clean` and the date-line parser (a caption holding a
date stays a caption); then the block right under an image's placeholder ("[IMG]") as its caption,
photo labels (a short line over captions in several places), readers'
comments, lists of other articles' titles, lines that recur in the file
(:mod:`align.segment.repeats`; templated prose, its figures changing, excepted), stacked menu
labels, running heads ("HEADLINE - Page 2"), the furniture at the edges of pages, titles listed
each over its date (other posts), short lines of a headline's meta block recurring by their
first two words ("Filed under NAME"), calendar rows, breadcrumbs made of the file's menu items and
the masthead over a menu, lists under a heading the file repeats, and the other lines of a block
that is mostly recurring furniture (a web archive's toolbar) are marked as furniture; hard-wrapped paragraphs and
paragraphs running over a page break are joined (words hyphenated at line ends rejoined where the
file hyphenates; a caption wrapped before its credit is joined and stays a caption); lines wrapping
a headline are title
links; context decides teasers (a line made of the next line plus more), repeated titles, captions
next to their credits, and cut copies of nearby sentences (summary bullets, captions, pull quotes).
A new article starts at a content line when

* a date line, page furniture (a recurring page head, a menu), a "[…]" excerpt, a closing credit
  or a teaser came before it (a title and its byline printed above a date line go with it), unless
  the text runs on over a page break (mid-sentence, or after a "Page 1 of 3" line);
* it is repeated on the next line (titles printed several times);
* the run of blank lines before it (furniture between counts; the margins of a page do not) is
  an outlier for this file (``gap_threshold``), unless the file's articles open with date lines
  and none opens this one (a subheading);
* its language differs from the article so far (an English article followed by its translation);
* its markup opens an article (see above), or a report's index of headlines names it.

After grouping, "Label: value" lines whose label recurs in the file are furniture.

Each article keeps the line span from its first own line (a teaser, a lead printed above the
title, or the title) to its last content line; the title is paragraph 0. A dateline before the
lead is cut by its shape or because its template recurs before leads of the file; a field label
("Title: ") that opens many titles of the file is cut off the title. Every tunable comes from
:class:`align.segment.config.SegmentConfig`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from align.segment import clean
from align.segment.config import SegmentConfig
from align.segment.dates import is_calendar_row, is_day_stamp, parse_date_line, parse_meta_line
from align.segment.repeats import (LIST_MARK, core_key, exact_key, field_label, headline_mark, label_prefix, line_template,
                                   prefix_end, prefix_template, recurring, recurring_any, title_cores,
                                   title_label_mark, wildcard_templates)
from align.segment.langid import UNDETERMINED, article_language, best_language, language_scores
from align.segment.sentences import split_sentences
from align.records import Article, Sentence

__all__ = ["split_articles", "gap_threshold"]

_STRIP = " \t\r\f\v\u00a0\u200b\ufeff\u2028\u2029"
_FINAL = ".!?…"
_CLOSING = "\"'”’»)]"
_OPENING = "\"'“‘«(["
_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-[ \t]*\n")  # a line ending in a letter and a hyphen
_WRAPPED_BREAK = re.compile(r"\S[^\S\n]*\n(?=[^\S\n]*\S)")  # a text line's end with a text line under it
_HYPHEN_WORD = re.compile(r"(\w+)-[ \t]*\n[ \t]*(\w+)")  # a word broken at a hyphen over a line end
_WORDS = re.compile(r"[\w-]+")
_FIGURES = re.compile(r"\d+")
_LINK_MARK = re.compile(r"\[\d{1,4}\]")  # a text browser's number of a link ("the [12]ministry")
_LINK_MARK_LINE = re.compile(r"^.*?\[\d{1,4}\][^\s\d\[\]]", re.MULTILINE)  # one glued to a word
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’-]*\s*:\s*)?"  # "Name Name", "Role: Name Name"
                        r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|binti|al-?\w*)){1,3}$")
_LINK_LABELS = re.compile(r"^((?:[^\W\d_][\w ]{0,24}:\s*)?)(?:[*•·|]\s*)?\[\d{1,4}\]")  # "Share: [21]..."
_LABEL_STOP = re.compile(r"[.!?,;:\"“”]")  # a link's label holds no sentence mark
_NAME_PARTS = re.compile(r"\s+[|•·]\s+")  # what parts the names of a byline ("Role Name | Role Name")
_CAPTIONS = {"caption", "photo_credit", "credit"}  # a photo's caption or credit line
_PHOTO = _CAPTIONS | {"photo_label"}  # the lines a photo adds between a headline and its byline
_NAVIGATION = {"navigation", "menu", "breadcrumb"}  # lines that only lead elsewhere on the site
_MENU_ITEMS = _NAVIGATION | {"repeated_line"}  # furniture that counts as items of a menu run
_PAGE_NUMBER = re.compile(r"^\W*[^\W\d_]*\s*(\d{1,3})\s*(?:/|[^\W\d_]+)\s*(\d{1,3})\W*$")  # "Page 1 of 3"
_CAPTION_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,20}[)\]]$")  # "(pictured)", "[photo]" after a caption
_PULL_QUOTE = re.compile(r"^[\"“‘«](.+?)[\"”’»][.!?…]?$")  # a line in quotation marks: a quote pulled out of the text
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)  # a Markdown heading's mark ("## Title")
_MD_EMPHASIS = re.compile(r"\*\*|__")  # Markdown's strong emphasis marks
_MD_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")  # a setext heading's underline ("Title" over "=====")
_LINK_LINE = next(rule for rule in clean.DEFAULT_RULES if rule.name == "link_line")
_CHAT_STAMP = (r"^[\[(]?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?[\])]?"
               r"\s*(?:[-–—]\s*)?")  # a chat message's date and time: "[12/06/19 14:30:05] ", "12/06/19, 14:30 - "
_CHAT_HEAD = re.compile(_CHAT_STAMP + r"[^\s:][^:]{0,40}?:(?:\s+|$)")  # ... and its speaker: "Name: "
_CHAT_NOTICE = re.compile(_CHAT_STAMP + r"\S")  # ... or the chat's own notice ("NAME created group ...")
_CHAT_EMPHASIS = re.compile(r"^([*_~])[^*_~\s](?:.*[^*_~\s])?\1$")  # a chat's "*bold*", "_italic_" line
_INDEX_ENTRY = re.compile(r"^(?:\d{1,4}[.)]\s+)?(\S.*?\S)\s*(?:\.{4,}|…{2,}|\s{4,}|\t)\s*\d{1,4}$")  # "3. TITLE ...... 12"
_CLOSING_INITIALS = re.compile(r"(?:(?<=[.!?\"'”’])\s*\(\s*[a-z]{2,5}|\s+\(\s*[a-z]{2,5}(?=\s*/))"
                               r"(?:\s*/\s*[a-z]{2,5}){0,3}\s*\)$")  # "said. (abc)", "said (abc/def)"
_EXCERPT_MARK = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))$")


@dataclass
class _Line:
    number: int
    start: int
    text: str
    gap: int
    words: int
    last: int = -1  # last line number when hard-wrapped lines were joined into this paragraph
    rule: str | None = None
    separator: bool = False
    date: str | None = None
    lang: str = UNDETERMINED
    scores: dict = field(default_factory=dict)
    repeated: bool = False
    page: int = 0  # form feeds (page breaks) before the line
    trimmed: str | None = None  # rule that cut a prefix off this line (a dateline before the lead)
    cut: str = ""  # the prefix it cut
    opens: bool = False  # its markup says it opens an article (a Markdown page's "# TITLE", a forwarded story's chat message)


@dataclass
class _Group:
    start: _Line
    date: str | None
    content: list[_Line] = field(default_factory=list)
    dated: bool = False  # opened by a date line (with the title carried to it)
    by_gap: bool = False  # opened by a run of blank lines alone
    headless: bool = False  # opened by a date line with no title carried to it (the title came before)


def split_articles(text: str, file: str, rules: list[clean.Rule] | None = None,
                   config: SegmentConfig | None = None,
                   ) -> tuple[list[Article], Counter, dict[str, list[str]], set[str]]:
    """Articles of one decoded dump, the count of dropped lines per rule, a few examples each and the
    keys (:func:`exact_key`) of the lines found to recur as furniture of the file."""
    config = config or SegmentConfig()
    printed, text = text, _blank_link_marks(text, config)
    blanked, underlines = _blank_markdown(text, config)
    lines = _read_lines(blanked)
    if blanked is not text:
        _mark_page_headings(lines, text, underlines)
    text = blanked
    chatter = _trim_chat_heads(lines, config)
    lines = _join_hanging(lines, text, printed)
    _apply_rules(lines, rules, config)
    for ln in chatter or ():
        ln.rule, ln.separator = "chat_message", True
    if text is not printed:
        _mark_link_label_lines(lines, printed, config)
    _mark_image_captions(lines, config)
    _mark_photo_labels(lines, config)
    _mark_index(lines, config)
    _mark_comments(lines, config)
    _mark_link_lists(lines)
    _mark_headed_lists(lines, config)
    _mark_dated_lists(lines, config)
    _mark_repeated(lines, config)
    _mark_attached_repeats(lines, config)
    _mark_meta_heads(lines, config)
    _mark_menus(lines, config)
    _mark_menu_paths(lines, config)
    _mark_furniture_blocks(lines, config)
    _mark_running_heads(lines, config)
    _mark_page_furniture(lines, config)
    lines = _join_page_breaks(_join_wrapped(lines, text, printed, rules, config))
    _mark_title_links(lines, config)
    _mark_context(lines, config)
    _mark_cut_copies(lines, config)
    _detect_languages(lines, config)
    # (in a chat export the messages part the stories: blank lines inside a message part nothing)
    separate = chatter is None and _gaps_can_separate(lines)
    _pass_openings(lines)
    groups = _group(lines, gap_threshold(_paragraph_gaps(lines, config)) if separate else None, config)
    content = [ln for ln in lines if ln.rule is None]
    prefixes = recurring([prefix_template(ln.text, config.max_prefix_words) for ln in content],
                         config.min_repeats, [exact_key(ln.text) for ln in content], context=config.repeat_context)
    label_counts = Counter(label_prefix(_first_content(g), config.max_prefix_words) for g in groups)
    labels = {label for label, n in label_counts.items() if label and n >= config.min_repeats}
    _mark_fields(lines, labels, config)
    stem = Path(file).stem
    words = _hyphenation_words(text, lines, config)
    built = [(group, _build_article(group, file, "", prefixes, labels, words, config)) for group in groups]
    built = [(group, article) for group, article in built if article is not None]
    articles: list[Article] = []
    used: set[int] = set()
    for k, (group, article) in enumerate(built):
        if k + 1 < len(built) and _page_header(article, built[k + 1][1], config):
            for ln in group.content:
                ln.rule = ln.rule or "title_repeat"
            continue
        articles.append(replace(article, id=f"{stem}:{len(articles)}"))
        used.update(ln.number for ln in group.content if ln.rule is None)
    removed: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for ln in lines:
        if ln.number not in used:
            rule, example = ln.rule or "stray_line", ln.text
        elif ln.trimmed:
            rule, example = ln.trimmed, ln.cut
        else:
            continue
        removed[rule] += 1
        kept = examples.setdefault(rule, [])
        example = _flat(example)
        if len(kept) < config.examples_per_rule and example not in kept:
            kept.append(example)
    furniture = {exact_key(ln.text) for ln in lines if ln.rule in ("repeated_line", "page_furniture")}
    furniture |= {title_label_mark(label) for label in labels}
    heads = Counter(exact_key(ln.text) for k, ln in enumerate(lines) if ln.rule is None and _heads_meta(lines, k))
    furniture |= {headline_mark(key) for key, n in heads.items() if key not in furniture or n == 1}
    furniture |= {field_label(ln.text, config.max_label_words) for ln in lines if ln.rule == "repeated_field"}
    return articles, removed, examples, furniture


def gap_threshold(gaps: list[int]) -> int | None:
    """The smallest run of blank lines that separates articles in this file, or None.

    ``gaps`` are the blank lines before each content line. Runs of blank lines separate articles
    when they form a clear upper group: at most half of the gaps, well above the largest gap below
    them (the layout inside articles). "One blank line between articles, none inside" counts too.
    """
    counts = Counter(gaps)
    values = sorted(counts)
    best, best_jump = None, 0
    total = len(gaps)
    for below, value in zip(values, values[1:]):
        above = sum(c for v, c in counts.items() if v >= value)
        jump = value - below
        if above <= 0.5 * total and jump >= max(1, below / 2) and jump > best_jump:
            best, best_jump = value, jump
    return best


def _paragraph_gaps(lines: list[_Line], config: SegmentConfig) -> list[int]:
    """The blank lines before content lines that show how paragraphs and articles are spaced.

    A line right after a date header or page furniture starts an article anyway, and a line stacked
    right under another without ending a sentence (an address, a masthead), as a list item, or in a
    block stacked under a furniture line or a label inside a page (a "You might also like" heading
    over titles, a section name over a headline) belongs to a block: their gaps say nothing about
    the spacing.
    """
    gaps = []
    stacked = False  # inside a block of lines stacked under a furniture line or a label
    for prev, ln in zip(lines, lines[1:]):
        # A label heads a block inside a page; one after a wide gap opens the page (its text follows).
        label = prev.words <= config.max_label_words and not _ends_sentence(prev.text) and prev.gap <= 1
        stacked = ln.gap == 0 and (prev.rule is not None or label or stacked)
        if ln.rule is None and not prev.separator and not stacked and not (
                ln.gap == 0 and (not _ends_sentence(ln.text) or LIST_MARK.match(ln.text))):
            gaps.append(ln.gap)
    return gaps


def _gaps_can_separate(lines: list[_Line]) -> bool:
    """False when the file prints its titles repeated but no title follows a run of blank lines.

    Such a file shows what starts an article (a repeated title, after a date or at the top), and
    its runs of blank lines all lie inside articles: a one-article page saved on its own must not
    be cut at the wide gaps around its photo and lead.
    """
    if not any(ln.repeated for ln in lines):
        return True
    return any(ln.repeated and not prev.separator for prev, ln in zip(lines, lines[1:]))


def _blank_link_marks(text: str, config: SegmentConfig) -> str:
    """The text with a text browser's link marks ("the [12]ministry", "[3]World") turned into
    spaces, when ``config.min_repeats`` lines of the file or more show them glued to the next
    word: a page saved as text numbers every link so (the marks before figures and at line ends
    too). Spaces keep every offset in place."""
    if "[" not in text or len(_LINK_MARK_LINE.findall(text)) < config.min_repeats:
        return text
    return _LINK_MARK.sub(lambda mark: " " * len(mark.group()), text)


def _blank_markdown(text: str, config: SegmentConfig) -> tuple[str, dict[int, str]]:
    """The text with Markdown markup turned into spaces, when ``config.min_repeats`` links, images or
    headings of the file show it is Markdown (a page fetched by a reader tool): heading marks ("# "),
    heading underlines, emphasis marks ("**") and, in lines that say something besides links, a
    link's brackets and address (its words stay) and images. Lines made only of links stay whole, for
    the "link_line" rule. Spaces keep every offset in place. Also returns the underlines blanked
    (line number -> the underline's text; none when the text is no Markdown)."""
    raw = text.split("\n")
    underlines = {k: raw[k] for k in range(1, len(raw)) if _is_underline(raw, k)}
    # only "===" shows Markdown: "---" under a line may also part entries of plain text
    headings = sum(1 for line in underlines.values() if "=" in line)
    if len(_MD_HEADING.findall(text)) + headings + len(clean.MARKDOWN_LINK.findall(text)) < config.min_repeats:
        return text, {}

    def prose(line: str) -> str:
        if not line.strip() or clean.classify_line(line, [_LINK_LINE]):
            return line
        line = _MD_HEADING.sub(lambda m: " " * len(m.group()), line)
        line = _MD_EMPHASIS.sub(lambda m: " " * len(m.group()), line)
        return clean.MARKDOWN_LINK.sub(_blank_link, line)

    return "\n".join(" " * len(line) if k in underlines else prose(line) for k, line in enumerate(raw)), underlines


def _is_underline(raw: list[str], k: int) -> bool:
    """True when line ``k`` of ``raw`` underlines the text line above it ("Title" over "=====", or a
    subheading, no sentence, over "-----"): a setext heading's mark, no rule between articles."""
    above = raw[k - 1].strip(_STRIP)
    return bool(_MD_UNDERLINE.match(raw[k]) and above and not _MD_UNDERLINE.match(raw[k - 1])
                and not LIST_MARK.match(above) and not _MD_HEADING.match(raw[k - 1])
                and ("=" in raw[k] or not _ends_sentence(above)))


def _mark_page_headings(lines: list[_Line], text: str, underlines: dict[int, str]) -> None:
    """In a Markdown file, a level-1 heading ("# TITLE", or "TITLE" underlined with "=") is a page's
    title: it opens an article. A heading's underline (blanked; ``underlines`` from
    :func:`_blank_markdown`) is no blank line: the line after it is spaced from the heading by the
    blank lines under the underline only."""
    previous = -1
    for ln in lines:
        ln.gap -= sum(1 for k in range(previous + 1, ln.number) if k in underlines)
        previous = ln.number
        underlined = "=" in underlines.get(ln.number + 1, "")
        ln.opens = underlined or text.startswith("# ", ln.start - 2) and (ln.start == 2 or text[ln.start - 3] == "\n")


def _blank_link(match: re.Match) -> str:
    """A Markdown link with only its text left ("[text](url)" -> " text      "); an image, blank."""
    link = match.group()
    if link.startswith("!"):
        return " " * len(link)
    cut = link.index("](")
    return " " + link[1:cut] + " " * (len(link) - cut)


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    gap = 0
    page = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip(_STRIP)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_STRIP))
            lines.append(_Line(number, offset + lead, stripped, gap, len(stripped.split()),
                               page=page + raw.count("\f", 0, lead)))
            gap = 0
        else:
            gap += 1
        page += raw.count("\f")
        offset += len(raw) + 1
    return lines


def _trim_chat_heads(lines: list[_Line], config: SegmentConfig) -> list[_Line] | None:
    """A chat export ("[12/06/19 14:30:05] Name: message", "12/06/19, 14:30 - Name: message", in
    ``config.min_repeats`` lines of the file or more): each such head is cut off its message. A message
    that runs on over the next lines with words (a story a member forwards: its title on the head's
    line) opens an article; the message lines of one line each (members' chat, media markers; a
    reaction count under them runs nothing on) and the chat's own notices (a date and time, no speaker)
    are returned: chat furniture that ends the story before them. None when the file is no chat export."""
    heads = [k for k, ln in enumerate(lines) if _CHAT_HEAD.match(ln.text)]
    if len(heads) < config.min_repeats:
        return None
    marked = set(heads)
    chatter = [ln for k, ln in enumerate(lines) if k not in marked and _CHAT_NOTICE.match(ln.text)]
    for ln in lines:  # a chat's bold or italic line ("*TITLE*"): its marks are no text
        if _CHAT_EMPHASIS.match(ln.text):
            ln.text, ln.start, ln.words = ln.text[1:-1], ln.start + 1, len(ln.text.split())
    for k in heads:
        ln = lines[k]
        end = _CHAT_HEAD.match(ln.text).end()
        runs_on = k + 1 < len(lines) and k + 1 not in marked and any(c.isalpha() for c in lines[k + 1].text)
        if end < len(ln.text) and runs_on:
            ln.cut, ln.text, ln.start, ln.trimmed = ln.text[:end], ln.text[end:], ln.start + end, "chat_head"
            if _CHAT_EMPHASIS.match(ln.text):
                ln.text, ln.start = ln.text[1:-1], ln.start + 1
            ln.words, ln.opens = len(ln.text.split()), True
        else:
            chatter.append(ln)
            if runs_on and end == len(ln.text):
                lines[k + 1].opens = True  # a head alone on its line: the story starts under it
    return chatter


def _pass_openings(lines: list[_Line]) -> None:
    """A line that opens an article but is furniture ("[date] Name: Forwarded" over the story) hands
    the opening to the next content line."""
    opening = False
    for ln in lines:
        if ln.rule is None:
            ln.opens, opening = ln.opens or opening, False
        elif ln.opens:
            opening = True


def _apply_rules(lines: list[_Line], rules: list[clean.Rule] | None, config: SegmentConfig) -> None:
    for ln in lines:
        ln.date = parse_date_line(ln.text) or parse_meta_line(ln.text, config.max_meta_words)
        rule = clean.classify_line(" ".join(ln.text.split()) if ln.last > ln.number else ln.text, rules)
        if ln.date and rule is not None and rule.name == "caption":
            ln.date = None  # a caption's date and credit ("February 5, 2019. Photo: Name/Site"), no date line
        if ln.date:
            ln.rule, ln.separator = "date_header", True
            continue
        if rule is None and ln.words <= 2 and is_day_stamp(ln.text):
            ln.rule = "day_stamp"  # a post's day in a listing ("Feb 28"): no article's date line
        elif rule is None and is_calendar_row(ln.text):
            ln.rule = "calendar"  # a date picker's row of months or years ("SEP OCT NOV")
        elif rule is not None:
            ln.rule, ln.separator = rule.name, rule.separator
        elif ln.words <= 25 and clean.foreign_script_share(ln.text) > 0.5:
            ln.rule = "foreign_language"


def _mark_index(lines: list[_Line], config: SegmentConfig) -> None:
    """An index of the file's stories ("3. HEADLINE .......... 12": a title, dot leaders or a wide
    gap, a page number; ``config.min_repeats`` entries or more): its entries are furniture
    ("index_entry") that ends nothing, and each line of the file that is an entry's headline opens
    an article."""
    entries = [(ln, _INDEX_ENTRY.match(ln.text)) for ln in lines]
    entries = [(ln, match) for ln, match in entries if match]
    if len(entries) < config.min_repeats:
        return
    headlines = {exact_key(match.group(1)) for _ln, match in entries}
    for ln, _match in entries:
        ln.rule = "index_entry"
    for ln in lines:
        if ln.rule is None and exact_key(ln.text) in headlines:
            ln.opens = True


def _mark_link_label_lines(lines: list[_Line], printed: str, config: SegmentConfig) -> None:
    """In a text browser's dump, a line standing alone (blank lines around it) that is nothing but
    ``config.min_link_labels`` links or more, each a short label (at most
    ``config.max_label_words`` words, no sentence mark), maybe after a "Label:" ("Share: [21]Word
    [22]Word [23]Word", "[40]tag [41]tag [42]tag"), leads elsewhere: furniture ("link_line")."""
    for k, ln in enumerate(lines):
        alone = ln.gap > 0 and (k + 1 == len(lines) or lines[k + 1].gap > 0)
        if not alone or ln.rule is not None or ln.last > ln.number:
            continue
        # (the printed line from its start: a link mark may open it)
        shown = printed[printed.rfind("\n", 0, ln.start) + 1:ln.start + len(ln.text)].strip(_STRIP)
        labels = _LINK_LABELS.match(shown)
        if labels is None:
            continue
        items = _LINK_MARK.split(shown[labels.end(1):])[1:]
        if len(items) >= config.min_link_labels and all(
                len(item.split()) <= config.max_label_words and not _LABEL_STOP.search(item) for item in items):
            ln.rule = "link_line"


def _mark_image_captions(lines: list[_Line], config: SegmentConfig) -> None:
    """The lines stacked right under an image's placeholder ("[IMG]", "[photo of the bridge]": a text
    browser prints one where the page shows a picture), with a blank line under them and at most
    ``config.max_placeholder_caption_words`` words, are that image's caption. (A file without blank
    lines shows no such block: its lead may stand under a placeholder.) A block with a date line
    within ``config.max_byline_lines`` + 1 lines under it heads a story: a bracketed badge over a
    headline ("[VERDICT]" over the title, byline and date) captions nothing."""
    for k, ln in enumerate(lines):
        if ln.rule != "embed" or not ln.text.startswith("["):
            continue
        end = k + 1
        while end < len(lines) and lines[end].gap == 0 and lines[end].rule is None:
            end += 1
        block = lines[k + 1:end]
        if block and end < len(lines) and lines[end].gap > 0 and \
                sum(b.words for b in block) <= config.max_placeholder_caption_words and \
                not any(below.date for below in lines[end:end + config.max_byline_lines + 1]):
            for b in block:
                b.rule = "caption"


def _mark_photo_labels(lines: list[_Line], config: SegmentConfig) -> None:
    """A short line without a sentence end stacked right over a photo's caption or credit, its text
    standing so over captions in ``config.min_photo_label_repeats`` places of the file or more (a
    photo widget's "See photo" link between a headline and its caption), is furniture ("photo_label")
    that ends nothing: the headline above it still heads the byline and date below."""
    over = [ln.rule is None and ln.words <= config.max_label_words and not _ends_sentence(ln.text)
            and nxt.gap == 0 and nxt.rule in _CAPTIONS for ln, nxt in zip(lines, lines[1:])] + [False]
    if not any(over):
        return
    keys = [exact_key(ln.text) if slot else None for ln, slot in zip(lines, over)]
    labels = recurring(keys, config.min_photo_label_repeats, [exact_key(ln.text) for ln in lines],
                       context=config.repeat_context)
    for ln, key in zip(lines, keys):
        if key in labels:
            ln.rule = "photo_label"


def _mark_comments(lines: list[_Line], config: SegmentConfig) -> None:
    """Readers' comments: a speaker line ("Name says:": two words or more ending in a colon) right
    over a date line, its template recurring in ``config.min_repeats`` places of the file, heads a
    comment; the lines stacked under the date up to a blank line (``config.max_comment_lines`` at
    most: the comment and its reply link) are the comment. All of it is furniture ("comment") that
    ends nothing: the date is the comment's, not an article's."""
    heads = [k for k in range(len(lines) - 1) if lines[k + 1].date and lines[k + 1].gap == 0
             and lines[k].text.endswith(":") and 2 <= lines[k].words <= config.max_label_words]
    shapes = Counter(line_template(lines[k].text) for k in heads)
    for k in heads:
        if shapes[line_template(lines[k].text)] < config.min_repeats or line_template(lines[k].text) is None:
            continue
        end = k + 2
        while end < len(lines) and lines[end].gap == 0 and end - k - 2 < config.max_comment_lines:
            end += 1
        if end < len(lines) and lines[end].gap == 0:
            continue  # text runs on under the date: no comment
        for ln in lines[k:end]:
            ln.rule, ln.separator, ln.date = "comment", False, None


def _mark_repeated(lines: list[_Line], config: SegmentConfig) -> None:
    """Content lines whose text or template recurs in the file are furniture ("repeated_line").

    Recurring lines that also head the file (seen above its first content line: mastheads, menus,
    "Source | 3 hours ago"), whatever rule dropped them, end the article before them: each page of
    the file starts with them.
    """
    listed = [ln.rule == "related_list" for ln in lines]  # other articles' titles: not this file's furniture
    exact = [None if skip else exact_key(ln.text) for ln, skip in zip(lines, listed)]
    # Long lines are text: only their exact copies count.
    short = [ln.words <= config.max_template_words and not skip for ln, skip in zip(lines, listed)]
    template = [line_template(ln.text) if ok else None for ln, ok in zip(lines, short)]
    wildcards = [wildcard_templates(ln.text, config.max_wildcard_words)
                 if ok and ln.words <= config.max_wildcard_words else [] for ln, ok in zip(lines, short)]
    copies = recurring(exact, config.min_repeats, context=config.repeat_context)
    common = copies | recurring(template, config.min_repeats, exact, context=config.repeat_context)
    loose = recurring_any(wildcards, config.min_repeats, exact, context=config.repeat_context)
    prose = _templated_prose(lines, [[e, t, *w] for e, t, w in zip(exact, template, wildcards)], config)
    recurs = [(e in common or t in common or not loose.isdisjoint(w)) and k not in prose
              for k, (e, t, w) in enumerate(zip(exact, template, wildcards))]
    heading = [_heads_meta(lines, k) for k in range(len(lines))]
    heads_once = Counter(e for e, over in zip(exact, heading) if over)
    for k, (ln, again) in enumerate(zip(lines, recurs)):
        # A headline over its byline or date, listed word for word elsewhere in the file, stays there
        # (one of label size only where it heads one byline or date: a label heads many; a longer
        # one heading as many as config.min_repeats is a byline, "Name Name - Site").
        listed_headline = exact[k] in copies and heading[k] and heads_once[exact[k]] < (
            config.min_repeats if ln.words > config.max_label_words else 2)
        if again and ln.rule is None and not listed_headline:
            ln.rule = "repeated_line"
    content = [k for k, ln in enumerate(lines) if ln.rule is None]
    if not content:
        return
    framing = {key for k in range(content[0]) if recurs[k] and not lines[k].separator
               for key in (exact[k], template[k]) if key is not None}
    for k, ln in enumerate(lines):
        if recurs[k] and (exact[k] in framing or template[k] in framing) and ln.rule != "embed":
            ln.separator = True  # (an image's placeholder, "[IMG]", stands in pages' heads and articles alike)


def _mark_attached_repeats(lines: list[_Line], config: SegmentConfig) -> None:
    """A line that recurs in ``config.min_attached_repeats`` places of the file, each closing a stack
    right under a line recurring as furniture (a blank line under it: a notice a page prints under its
    masthead on some pages only, under the site's tagline; no item of a list under its heading), is that furniture's too ("repeated_line"), though it recurs too seldom
    to count alone."""
    keys = [exact_key(ln.text) if ln.rule is None and k and ln.gap == 0 and lines[k - 1].rule == "repeated_line"
            and (k + 1 == len(lines) or lines[k + 1].gap) else None for k, ln in enumerate(lines)]
    if sum(key is not None for key in keys) < config.min_attached_repeats:
        return
    attached = recurring(keys, config.min_attached_repeats, [exact_key(ln.text) for ln in lines],
                         context=config.repeat_context)
    for ln, key in zip(lines, keys):
        if key in attached:
            ln.rule = "repeated_line"


def _mark_meta_heads(lines: list[_Line], config: SegmentConfig) -> None:
    """Short lines right above a byline or date line that open with the same two words in
    ``config.min_repeats`` places of the file ("Filed under NAME", "Posted to NAME": a capitalised
    word, then a lower-case one; places already found recurring count too) are the meta block's
    furniture ("repeated_line"), not headlines: the headline stands above them. A headline seldom
    shares its first two words with others, and its second word is seldom in lower case when the
    line is that short."""
    heads: list[str | None] = [None] * len(lines)
    for k, ln in enumerate(lines):
        words = ln.text.split()
        if (ln.rule in (None, "repeated_line") and 3 <= len(words) <= config.max_meta_head_words
                and not _ends_sentence(ln.text) and words[0][:1].isupper() and words[1].isalpha()
                and words[1].islower() and _heads_meta(lines, k)):
            heads[k] = " ".join(words[:2]).lower()
    if sum(head is not None for head in heads) < config.min_repeats:
        return
    common = recurring(heads, config.min_repeats, [exact_key(ln.text) for ln in lines], context=config.repeat_context)
    for ln, head in zip(lines, heads):
        if head in common and ln.rule is None:
            ln.rule = "repeated_line"


def _mark_dated_lists(lines: list[_Line], config: SegmentConfig) -> None:
    """Blocks (lines with no blank line between) that each hold a content line right over a date
    ("TITLE / Mar 3 / 1.2K": under the date only short lines, such as counts) list other posts
    (the author's other posts, "Latest") when two such blocks or more follow each other: an article's
    headline stands over its date too, but its text follows. Such a title and its date are
    furniture ("related_list") that ends nothing (the date is the listed post's, no article's), and
    the titles are other articles', not this file's repeats."""
    blocks: list[list[_Line]] = []
    for ln in lines:
        if ln.gap or not blocks:
            blocks.append([])
        blocks[-1].append(ln)

    def dated(block: list[_Line]) -> bool:
        return (len(block) >= 2 and block[0].rule is None
                and (block[1].date is not None or block[1].rule == "day_stamp")
                and all(ln.words <= config.max_label_words and not _ends_sentence(ln.text) for ln in block[2:]))

    flags = [dated(block) for block in blocks]
    for i, block in enumerate(blocks):
        if flags[i] and (i > 0 and flags[i - 1] or i + 1 < len(blocks) and flags[i + 1]):
            block[0].rule = "related_list"
            block[1].rule, block[1].separator, block[1].date = "related_list", False, None


def _templated_prose(lines: list[_Line], keys: list[list[str | None]], config: SegmentConfig) -> set[int]:
    """Indices of the lines that recur as templated prose, not furniture: a sentence with figures,
    longer than a label, standing between two content lines, that shares a key (``keys``: its exact
    key, template and wildcard templates) whose figures take ``config.min_repeats`` values or more
    in the file (a daily report's "The rupiah closed up 0.72 percent at 14,992 ...": its figures
    are news; a page number or a year in a footer line is no such line)."""
    figures: dict[str, set] = defaultdict(set)
    found = [tuple(_FIGURES.findall(ln.text)) for ln in lines]
    for line_keys, line_figures in zip(keys, found):
        for key in line_keys:
            if key is not None and line_figures:
                figures[key].add(line_figures)
    return {k for k, ln in enumerate(lines)
            if found[k] and ln.words > config.max_label_words and _ends_sentence(ln.text) and 0 < k < len(lines) - 1
            and lines[k - 1].rule is None and lines[k + 1].rule is None
            and any(len(figures[key]) >= config.min_repeats for key in keys[k] if key is not None)}


def _mark_running_heads(lines: list[_Line], config: SegmentConfig) -> None:
    """A line that repeats an earlier headline of the file (a line over its byline or date) with a
    few words added ("TITLE - Page 2", "TITLE (continued)") is a running head over the next page of
    that article: furniture that starts nothing, and the date line printed under it again starts
    nothing either."""
    seen: set[str] = set()
    for k, ln in enumerate(lines):
        if ln.rule is not None:
            continue
        words = ln.text.split()
        heads = (" ".join(words[:-cut]).rstrip(" -–—|:(,") for cut in range(1, config.max_running_head_words + 1)
                 if len(words) - cut >= 3)
        if any(head in seen for head in heads):
            ln.rule = "running_head"
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if nxt is not None and nxt.gap == 0 and nxt.date:
                nxt.separator = False
        elif _heads_meta(lines, k):
            seen.add(ln.text)  # a headline (over its byline or date line)


def _mark_page_furniture(lines: list[_Line], config: SegmentConfig) -> None:
    """Lines at the edges of the file's pages (the ``config.page_edge_lines`` first and last lines
    between form feeds, in a file whose typical page has lines between its edges) whose text,
    digits masked, stands at the edges of two pages or more are the pages' letterhead, running head
    and footer ("page_furniture"): furniture that ends nothing, as the text runs on over a page
    break, except the page number of a last page ("Page 2 of 2")."""
    pages: dict[int, list[_Line]] = defaultdict(list)
    for ln in lines:
        pages[ln.page].append(ln)
    n = config.page_edge_lines
    if len(pages) < 2 or sorted(len(on_page) for on_page in pages.values())[len(pages) // 2] <= 2 * n:
        return  # (pages all edges, such as a form feed between every paragraph, have no middle to frame)
    places: dict[str, set[int]] = defaultdict(set)
    edges = []
    for number, on_page in pages.items():
        for ln in {id(ln): ln for ln in on_page[:n] + on_page[-n:]}.values():
            if ln.words <= config.max_template_words:
                places[exact_key(ln.text)].add(number)
                edges.append(ln)
    for ln in edges:
        key = exact_key(ln.text)
        if len(places[key]) < 2:  # a running head "NAME | Section" under the first page's "NAME"
            places[key] |= _heading_pages(key, places, config)
        if len(places[key]) >= 2:
            number = _PAGE_NUMBER.match(ln.text)
            ln.rule, ln.date = "page_furniture", None
            ln.separator = bool(number and number.group(1) == number.group(2))


def _heading_pages(key: str, places: dict[str, set[int]], config: SegmentConfig) -> set[int]:
    """Pages whose edge line (a key of ``places``) opens the edge line ``key`` of another page, or is
    opened by it, at a word boundary: a running head that adds a section or a page to the
    letterhead's name. Both lines need ``config.min_running_head_words`` words and no sentence end."""
    def heading(text: str) -> bool:
        return len(text.split()) >= config.min_running_head_words and not _ends_sentence(text)

    if not heading(key):
        return set()
    pages: set[int] = set()
    for other, numbers in places.items():
        short, long = sorted((key, other), key=len)
        if other != key and heading(other) and long.startswith(short) and not long[len(short)].isalnum():
            pages |= numbers | places[key]
    return pages


def _join_page_breaks(lines: list[_Line]) -> list[_Line]:
    """Join a paragraph that runs on over a page break (the text stops inside a sentence and the
    next page goes on in lower case, only page furniture between) into one line. The furniture
    between becomes spaces in the joined text (one line break kept), so spans still index the source."""
    joined: list[_Line] = []
    last: _Line | None = None  # the last content line, while only page furniture follows it
    for ln in lines:
        if ln.rule is None:
            if last is not None and ln.page > last.page and not _ends_sentence(last.text) \
                    and ln.text.lstrip(_OPENING)[:1].islower():
                end = last.start + len(last.text)
                last.text += "\n" + " " * (ln.start - end - 1) + ln.text
                last.words = len(last.text.split())
                last.last, last.page = max(ln.number, ln.last), ln.page
                continue
            last = ln
        elif ln.rule != "page_furniture":
            last = None
        joined.append(ln)
    return joined


def _mark_cut_copies(lines: list[_Line], config: SegmentConfig) -> None:
    """A line that is the start of a sentence of a paragraph near it, cut off before its end (a
    summary bullet, a caption or a teaser made of the text; a bullet, or a pull quote in quotation
    marks, may hold whole sentences; a caption may add a short note in brackets), is furniture
    ("cut_copy")."""
    content = [ln for ln in lines if ln.rule is None]
    flat = [LIST_MARK.sub("", " ".join(ln.text.split())) for ln in content]
    for k, ln in enumerate(content):
        quoted = _PULL_QUOTE.match(flat[k])
        bullet = bool(LIST_MARK.match(ln.text))  # a bullet may be short and hold a whole sentence
        copies = [(_CAPTION_TAIL.sub("", flat[k]), bullet)] + ([(quoted.group(1).rstrip(_FINAL), True)] if quoted else [])
        around = flat[max(0, k - config.copy_window):k] + flat[k + 1:k + 1 + config.copy_window]
        if any(_copied(text, whole, around, flat[k], config) for text, whole in copies):
            ln.rule = "cut_copy"


def _copied(text: str, whole: bool, around: list[str], line: str, config: SegmentConfig) -> bool:
    """True when ``text`` (of ``line``) starts a sentence of another line ``around`` it (``whole``:
    it may hold whole sentences, that line all of them; else it stops inside one, has
    ``config.min_copy_words`` words and the other line is longer)."""
    if not text or len(text.split()) < (1 if whole else config.min_copy_words) or (_ends_sentence(text) and not whole):
        return False
    near = [other for other in around if text in other and other != line and (whole or len(other) > len(text))]
    if not near:
        return False
    inside = re.compile(r"(?:^|[.!?…][\"'”’)]*\s+)" + re.escape(text))  # at a sentence start
    return any(inside.search(other) for other in near)


def _mark_fields(lines: list[_Line], title_labels: set[str], config: SegmentConfig) -> None:
    """Short "Label: value" lines whose label opens lines in many places of the file, with as many
    values, are furniture ("repeated_field": "Watch the video: ...", "Foto: ..."), unless the label
    opens the titles ("Title: ", cut off them by ``_trim_label``)."""
    fields = [field_label(ln.text, config.max_label_words) if ln.words <= config.max_field_words
              and ln.rule not in ("related_list", "running_head") else None for ln in lines]
    keys = [exact_key(ln.text) for ln in lines]
    values: dict[str, set[str]] = defaultdict(set)
    for label, key in zip(fields, keys):
        values[label].add(key)
    common = {label for label in recurring(fields, config.min_repeats, keys, context=config.repeat_context)
              if len(values[label]) >= config.min_repeats}  # one line listed again ("Name: headline") is no field
    common -= {label.rstrip(" |") for label in title_labels}
    for ln, label in zip(lines, fields):
        if label in common and ln.rule is None:
            ln.rule = "repeated_field"


def _mark_menus(lines: list[_Line], config: SegmentConfig) -> None:
    """Stacked short labels (menu items, a masthead and a section name) before text are a menu.

    A run needs ``config.min_label_run`` labels (two at the top of the file), each at most
    ``config.max_label_words`` words without a sentence end, evenly spaced (no blank line or one
    between each); lines already known as furniture may sit between them and count as items. Text
    must follow the run; copies of one line (a title printed several times) count once. When the run
    holds at most two new labels and the last one stands right above a byline or a date line, it is
    a short headline (under a section label or furniture) and stays.
    """
    def is_label(ln: _Line) -> bool:
        return ln.rule is None and ln.words <= config.max_label_words and not _ends_sentence(ln.text)

    at_top = True
    k = 0
    while k < len(lines):
        if not is_label(lines[k]) and lines[k].rule not in _MENU_ITEMS:
            at_top = at_top and lines[k].rule is not None
            k += 1
            continue
        run, end = [lines[k]], k + 1
        spacing = lines[end].gap if end < len(lines) else 0  # menus are evenly spaced
        while end < len(lines) and lines[end].gap == spacing <= 1 and (
                lines[end].rule is not None or is_label(lines[end])):
            if lines[end].rule is None or lines[end].rule in _MENU_ITEMS:
                run.append(lines[end])
            end += 1
        after = next((ln for ln in lines[end:] if ln.rule not in _NAVIGATION), None)
        followed = after is not None and after.rule is None  # text follows (navigation lines may come first)
        if followed and len({ln.text for ln in run}) >= (2 if at_top else config.min_label_run):
            unknown = [ln for ln in run if ln.rule is None]
            if len({ln.text for ln in unknown}) <= 2 and unknown and _heads_meta(lines, lines.index(unknown[-1])):
                unknown = unknown[:-1]  # a short headline over its byline or date (under a section label)
            # A block inside the text (a sign-up box between two paragraphs, one blank line apart)
            # is furniture but ends nothing; a menu heading a page does.
            inside = k > 0 and lines[k - 1].rule is None and run[0].gap <= 1 and _ends_sentence(lines[k - 1].text)
            for ln in unknown:
                ln.rule, ln.separator = "menu", not inside
        at_top = False
        k = end


_MENU_CELL = re.compile(r"\s+[|/>»›·•]\s+|\t+|\s{2,}")  # what parts the items of a menu or a breadcrumb


def _mark_menu_paths(lines: list[_Line], config: SegmentConfig) -> None:
    """A short line made only of items of the file's menus ("World / Opinion" under "World | Asia |
    Opinion"; two items or more, parted by a bar, a slash, an arrow or a wide gap) is a breadcrumb:
    the path to the article's section, no text; a label opening a block right over a menu (a
    masthead, no headline: no byline or date stands under it; no wrapped line's end) is the menu's
    too. Menus are the furniture lines of ``config.min_label_run`` items or more, each
    ``config.max_label_words`` words at most, found as navigation or by repetition, without figures
    (a meta line, "Posted in A, B | DATE | by NAME", is no menu)."""
    items: set[str] = set()
    for k, ln in enumerate(lines):
        cells = [cell.strip().lower() for cell in _MENU_CELL.split(ln.text)]
        if ln.rule in _MENU_ITEMS and len(cells) >= config.min_label_run and not _FIGURES.search(ln.text) and all(
                0 < len(cell.split()) <= config.max_label_words for cell in cells):
            items.update(cells)
            above = lines[k - 1] if k and ln.gap == 0 else None
            if above is not None and above.rule is None and (above.gap or k == 1) \
                    and above.words <= config.max_label_words and not _ends_sentence(above.text) \
                    and not _heads_meta(lines, k - 1):
                above.rule = "menu"
    if not items:
        return
    for ln in lines:
        if ln.rule is None and ln.words <= 2 * config.max_label_words:
            cells = [cell.strip().lower() for cell in _MENU_CELL.split(ln.text)]
            if len(cells) >= 2 and all(cell in items for cell in cells):
                ln.rule = "breadcrumb"


def _mark_furniture_blocks(lines: list[_Line], config: SegmentConfig) -> None:
    """A block of lines stacked without a blank line, ``config.min_furniture_block_share`` of them
    furniture and ``config.min_repeats`` or more (a web archive's toolbar, a page's footer block): its
    content lines that stand below furniture and above a line recurring in the file (an archive's
    "Label: NAME" between two of its toolbar's fixed lines) are that block's furniture
    ("furniture_block") too, unless a byline or date line stands under them (a headline). A block of
    text (a file without blank lines) is mostly content, so none of its lines is touched."""
    blocks: list[list[_Line]] = []
    for ln in lines:
        if ln.gap or not blocks:
            blocks.append([])
        blocks[-1].append(ln)
    index = {id(ln): k for k, ln in enumerate(lines)}
    for block in blocks:
        furniture = sum(ln.rule is not None for ln in block)
        if furniture < config.min_repeats or furniture < config.min_furniture_block_share * len(block):
            continue
        first = next(k for k, ln in enumerate(block) if ln.rule is not None)
        last = max((k for k, ln in enumerate(block) if ln.rule == "repeated_line"), default=-1)
        for k, ln in enumerate(block):
            if ln.rule is None and first < k < last and not _heads_meta(lines, index[id(ln)]):
                ln.rule = "furniture_block"


_LIST_LABEL = re.compile(r"^(?:more|lainnya|related|berita|artikel|baca|read|popular|terpopuler|most|"
                         r"trending|also|see|lihat|simak|latest|terbaru|recommended|rekomendasi)\b.{0,50}:$|"
                         r"^(?:most (?:read|viewed|popular|shared)|paling banyak dibaca|terpopuler|populer|"
                         r"related (?:news|stories|articles)|berita terkait|artikel terkait|baca juga|"
                         r"read (?:also|more)|recommended|rekomendasi)$", re.IGNORECASE)
_BULLET = re.compile(r"^[•·▪►›»*–-]\s+\S")


def _mark_link_lists(lines: list[_Line]) -> None:
    """A list right under a "More from ...:" / "Berita terkait:" label (bulleted) or a "Most viewed"
    heading (the lines right under it) lists other articles."""
    for k, ln in enumerate(lines):
        if ln.words > 8 or not _LIST_LABEL.match(ln.text):
            continue
        items = []
        bulleted = ln.text.endswith(":")  # "More from X:" lists bullets; a bare heading, the next lines
        for item in lines[k + 1:]:
            if item.gap > 1 or (bulleted and not _BULLET.match(item.text)) or (not bulleted and item.gap):
                break
            items.append(item)
        if items:
            ln.rule = ln.rule or "related_list"
            for item in items:
                item.rule = "related_list"


def _join_hanging(lines: list[_Line], text: str, printed: str) -> list[_Line]:
    """A list item wrapped with a hanging indent ("  * Title that runs" over "    on here", the
    next line indented to the column where the item's text starts in the ``printed`` line, a link
    mark included, no blank line between) is joined into one line, which keeps the item's rule (a
    related title's wrapped tail is furniture with it)."""
    joined: list[_Line] = []
    indent = -1  # column of the last item's text
    for ln in lines:
        prev = joined[-1] if joined else None
        if prev is not None and ln.gap == 0 and indent >= 0 and _column(text, ln.start) == indent:
            prev.text = text[prev.start:ln.start + len(ln.text)]
            prev.words = len(prev.text.split())
            prev.last = ln.number
            continue
        joined.append(ln)
        mark = LIST_MARK.match(printed[ln.start:ln.start + len(ln.text)])
        indent = _column(text, ln.start) + mark.end() if mark else -1
    return joined


def _column(text: str, offset: int) -> int:
    """The column of ``offset`` in its line of ``text``."""
    return offset - text.rfind("\n", 0, offset) - 1


def _mark_headed_lists(lines: list[_Line], config: SegmentConfig) -> None:
    """A list stacked right under a heading that recurs in the file (a short line, no sentence end,
    over bullets in ``config.min_repeats`` places or more: "Sources", "Further reading", whatever its
    words) is the page's list furniture ("related_list": sources, related links), heading and items,
    when every line stacked under the heading is a bulleted item. (A bulleted line heads nothing: a
    menu's first item stands over the others.)"""
    heads = [ln.rule is None and ln.words <= config.max_label_words and not _ends_sentence(ln.text)
             and not _BULLET.match(ln.text) and k + 1 < len(lines) and lines[k + 1].gap == 0
             and bool(_BULLET.match(lines[k + 1].text)) for k, ln in enumerate(lines)]
    keys = [exact_key(ln.text) if head else None for ln, head in zip(lines, heads)]
    common = recurring(keys, config.min_repeats, [exact_key(ln.text) for ln in lines], context=config.repeat_context)
    for k, key in enumerate(keys):
        if key not in common:
            continue
        end = k + 1
        while end < len(lines) and lines[end].gap == 0 and _BULLET.match(lines[end].text):
            end += 1
        if end < len(lines) and lines[end].gap == 0:
            continue  # text stacked under the list: no list of its own
        for ln in lines[k:end]:
            ln.rule = ln.rule or "related_list"


def _join_wrapped(lines: list[_Line], text: str, printed: str, rules: list[clean.Rule] | None,
                  config: SegmentConfig) -> list[_Line]:
    """Join hard-wrapped paragraphs (lines cut at a fixed width) back into one line each.

    A file is hard-wrapped when the content lines followed directly by another content line
    (``config.min_wrapped_lines`` or more) are short (the 95th percentile of their length, the
    width, is at most ``config.max_wrap_width``), most of their characters lie in lines near that
    width and ``config.min_wrapped_share`` of all content characters are in such near-full lines
    (characters, so that a letterhead's or a contact block's short stacked lines weigh little).
    Then a content line continues the one above it when the first word of it would not have fitted
    on that line: a short last line of a paragraph (a one-sentence paragraph, a
    furniture line) is never glued to the next, nor is a "Label: value" line whose label opens
    lines in many places of the file with as many values glued to the line above, nor to the next
    unless that line ends a block (a link wrapped on its own: "Read also: A HEADLINE THAT" / "RUNS
    ON", a blank line under it); a caption's last line (its credit, found
    by a rule) is glued to the caption. In a file that does not show itself hard-wrapped (too short,
    or too full of stacked lines), only a line going on in lower case under a line that stops
    inside a sentence is joined. Widths are measured on the ``printed`` text (link marks
    included), a block indented deeper than most text counting its extra indent. The joined text
    keeps the source characters (line breaks included), so sentence spans still index the source.
    """
    content = [ln for ln in lines if ln.rule is None]
    followed = {id(a) for a, b in zip(lines, lines[1:]) if b.gap == 0 and b.rule is None}
    lengths = sorted(len(ln.text) for ln in content if id(ln) in followed)
    if not lengths:
        return lines
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > config.max_wrap_width:
        return lines
    # the column most content lines start at: a block indented deeper (a pull quote) wraps narrower
    margin = Counter(_column(text, ln.start) for ln in content).most_common(1)[0][0]
    full = 0.75 * width
    near = sum(n for n in lengths if n >= full)
    unsure = (len(lengths) < config.min_wrapped_lines or near < 0.5 * sum(lengths)
              or near < config.min_wrapped_share * sum(len(ln.text) for ln in content))
    # A "Label: value" line whose label opens lines in many places, with as many values, starts a
    # line of its own (a headline "Topic: ..." listed again under other stories is no field, nor is a
    # line going on in lower case: "said: ..." goes on a sentence).
    fields = [None if ln.text[:1].islower() else field_label(ln.text, config.max_label_words) for ln in lines]
    keys = [exact_key(ln.text) for ln in lines]
    values: dict[str, set[str]] = defaultdict(set)
    for label, key in zip(fields, keys):
        values[label].add(key)
    own_lines = {label for label in recurring(fields, config.min_repeats, keys, context=config.repeat_context)
                 if len(values[label]) >= config.min_repeats}
    joined: list[_Line] = []
    prev_at = -1  # index in lines of the first line of the last joined line
    for at, ln in enumerate(lines):
        prev = joined[-1] if joined else None
        if (prev is not None and prev.rule is None and ln.gap == 0 and (ln.rule is None or not unsure)
                and (not unsure or ln.text.lstrip(_OPENING)[:1].islower() and not _ends_sentence(prev.text))
                and _printed_width(printed, prev.start + len(prev.text), ln.start + len(ln.text.split(None, 1)[0]))
                + max(0, _column(text, ln.start) - margin) > width and fields[at] not in own_lines
                and (fields[prev_at] not in own_lines or at + 1 == len(lines) or lines[at + 1].gap > 0)
                # a furniture line goes on the text above it only as a caption's wrapped credit
                and (ln.rule is None or _captioned(" ".join(text[prev.start:ln.start + len(ln.text)].split()), rules))):
            end = ln.start + len(ln.text)
            prev.text = text[prev.start:end]
            prev.words = len(prev.text.split())
            prev.last = ln.number
            if ln.rule is not None:
                prev.rule = "caption"
        else:
            joined.append(ln)
            prev_at = at
    for ln in joined:  # a caption wrapped anywhere (even inside its credit) shows itself once joined
        if ln.rule is None and ln.last > ln.number and _captioned(" ".join(ln.text.split()), rules):
            ln.rule = "caption"
    return joined


def _captioned(text: str, rules: list[clean.Rule] | None) -> bool:
    """True when a "caption" rule (of ``rules``, default the built-in ones) matches ``text``."""
    return any(rule.name == "caption" and rule.matches(text, text.count(" ") + 1)
               for rule in (clean.DEFAULT_RULES if rules is None else rules))


def _printed_width(printed: str, end: int, next_end: int) -> int:
    """Width of the printed line ending at ``end`` with the first word of the next line (ending at
    ``next_end``) added: the width that line would have had."""
    last = printed[printed.rfind("\n", 0, end) + 1:end].strip()
    word = printed[printed.rfind("\n", 0, next_end) + 1:next_end].strip()
    return len(last) + 1 + len(word)


def _mark_title_links(lines: list[_Line], config: SegmentConfig) -> None:
    """A line made of another line of the file (``config.min_wrapped_title_words`` words or more, a
    headline, no list item) and a few words around it ('4 thoughts on "TITLE"', "← Previous post:
    TITLE", "TITLE →"; see :func:`title_cores`) links to that headline: furniture ("title_link")
    that ends nothing. Within ``config.restated_title_lines`` lines of that headline it restates
    it instead (a page's "Title: TITLE" over its "# TITLE"): it links nowhere, so other rules judge it."""
    content = [ln for ln in lines if ln.rule is None]
    heads: dict[str, list[int]] = defaultdict(list)
    for k, ln in enumerate(content):
        if not LIST_MARK.match(ln.text) and config.min_wrapped_title_words <= ln.words <= config.max_title_words:
            heads[core_key(ln.text)].append(k)
    for k, ln in enumerate(content):
        if clean.DATELINE.match(ln.text):
            continue  # a dateline before a short lead is no wrapper
        cores = title_cores(ln.text, config.max_label_words, config.min_wrapped_title_words)
        if any(abs(k - at) > config.restated_title_lines for core in cores for at in heads.get(core, ())):
            ln.rule = "title_link"


def _mark_context(lines: list[_Line], config: SegmentConfig) -> None:
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if ln.rule in (None, "excerpt") and nxt is not None and nxt.rule is None and _is_teaser(
                ln, nxt):
            ln.rule, ln.separator = "teaser", True
            continue
        if ln.rule is not None:
            continue
        j = i + 1
        while j < len(lines) and lines[j].text == ln.text and lines[j].rule is None:
            lines[j].rule = "title_repeat" if ln.words <= config.max_title_words else "duplicate"
            ln.repeated = ln.words <= config.max_title_words
            j += 1
        if nxt is not None and _is_caption(ln, lines[i - 1] if i else None, nxt):
            ln.rule = "caption"


def _is_teaser(line: _Line, nxt: _Line) -> bool:
    """The title and the start of the body on one line, or a cut copy of a long first line."""
    if nxt.words >= 2 and len(line.text) > len(nxt.text) + 10 and line.text.startswith(nxt.text):
        return line.text[len(nxt.text)] in " \t"
    if line.rule != "excerpt":
        return False
    core = _EXCERPT_MARK.sub("", line.text)
    return len(core) >= 40 and len(nxt.text) > len(core) and nxt.text.startswith(core)


def _is_caption(line: _Line, prev: _Line | None, nxt: _Line) -> bool:
    if line.words > 25 or nxt.gap > 1 or nxt.rule not in ("credit", "photo_credit"):
        return False
    after_foreign = prev is not None and prev.rule == "foreign_language" and line.gap <= 1
    return after_foreign or nxt.gap == 0 or not _ends_sentence(line.text)


def _heads_meta(lines: list[_Line], k: int) -> bool:
    """True when a byline or a date line stands right under line ``k`` (at most one blank line
    between; one furniture line may stand between them, besides a photo's label, caption and
    credit): line ``k`` stands where a headline stands."""
    others = 0
    for j in range(k + 1, len(lines)):
        ln = lines[j]
        if ln.gap > 1:  # at most one blank line
            return False
        if ln.date is not None or ln.rule == "byline":
            return True
        if ln.rule is None:
            return False
        if ln.rule not in _PHOTO:
            others += 1
            if others > 1:
                return False
    return False


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING)[-1:] in _FINAL


def _detect_languages(lines: list[_Line], config: SegmentConfig) -> None:
    for ln in lines:
        if ln.rule is None:
            ln.scores = language_scores(ln.text)
            total = sum(ln.scores.values())
            if ln.words >= config.min_lang_words and total:
                code, best = max(ln.scores.items(), key=lambda item: item[1])
                if best >= config.confident_share * total:
                    ln.lang = code


def _group(lines: list[_Line], threshold: int | None, config: SegmentConfig) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    pending: _Line | None = None  # first line of the next article, when a cue announced one
    carried: list[_Line] = []  # a title printed above its date line, waiting for its body
    date: str | None = None
    content = [ln for ln in lines if ln.rule is None]
    upcoming = {id(ln): content[k + 1:k + 4] for k, ln in enumerate(content)}
    following = _next_content(lines)
    more_pages = False  # a "Page 1 of 3" line since the last text: the next page goes on with it
    labelled = _labels_over_headlines(lines, config)
    since_date = False  # a date line since the last article started
    for ln in lines:
        if ln.rule is not None:
            number = _PAGE_NUMBER.match(ln.text)
            more_pages = more_pages or bool(number and int(number.group(1)) < int(number.group(2)))
            if ln.separator and not ln.date and current is not None and (
                    more_pages or _mid_sentence(current, following[id(ln)])):
                current.content.append(ln)  # page furniture where the text runs on over a page break
                continue
            if ln.date and ln.separator:  # (a date under a running head continues its article)
                date, since_date = ln.date, True
                title = _title_above_date(current, ln, labelled, config)
                if title:
                    cut = current.content.index(title[0])
                    carried, pending = current.content[cut:], title[0]
                    del current.content[cut:]
                    if not any(c.rule is None for c in current.content):
                        groups.remove(current)
            if ln.separator:
                current = None
                if ln.rule == "teaser":
                    pending, carried = ln, []
                elif not ln.date:
                    pending, carried = None, []
            elif current is not None:
                current.content.append(ln)
            continue
        if current is None or not more_pages and _starts_article(current, ln, threshold, upcoming[id(ln)], config):
            moved = carried or _title_before_language_change(current, ln, upcoming[id(ln)], config)
            by_gap = current is not None and not ln.repeated and not ln.opens and not moved and not _language_changes(
                [c for c in current.content if c.rule is None], ln, upcoming[id(ln)], config)
            current = _Group(pending or (moved[0] if moved else ln), date, moved, since_date, by_gap,
                             since_date and pending is None and not moved)
            groups.append(current)
            pending, carried, since_date = None, [], False
        current.content.append(ln)
        more_pages = False
    return _gap_starts_joined(groups, config)


def _gap_starts_joined(groups: list[_Group], config: SegmentConfig) -> list[_Group]:
    """A date line with no title of its own right after an article that a run of blank lines
    opened (its title over summary bullets, a byline) is that article's. In a file whose articles
    open with date lines (half of them, ``config.min_repeats`` or more), a run of blank lines alone
    starts no article: it sets off a subheading or a block inside the article before (unless such
    a date line follows it)."""
    dated = sum(g.dated for g in groups)
    by_dates = dated >= config.min_repeats and 2 * dated >= len(groups)
    joined: list[_Group] = []
    for k, group in enumerate(groups):
        heads_next = k + 1 < len(groups) and groups[k + 1].headless
        if joined and (group.headless and joined[-1].by_gap and not joined[-1].dated
                       or by_dates and group.by_gap and not group.dated and not heads_next):
            joined[-1].content.extend(group.content)
            joined[-1].date = group.date if group.headless else joined[-1].date
        else:
            joined.append(group)
    return joined


def _next_content(lines: list[_Line]) -> dict[int, _Line | None]:
    """For each line (by id), the next content line after it, or None."""
    out: dict[int, _Line | None] = {}
    nxt = None
    for ln in reversed(lines):
        out[id(ln)] = nxt
        if ln.rule is None:
            nxt = ln
    return out


def _mid_sentence(current: _Group | None, nxt: _Line | None) -> bool:
    """True when the article so far stops inside a sentence and the next text goes on with it in
    lower case: the furniture between them (a page's letterhead and footer) breaks a page, not an
    article."""
    if current is None or nxt is None or not nxt.text[:1].islower():
        return False
    own = [c for c in current.content if c.rule is None]
    return bool(own) and not _ends_sentence(own[-1].text)


def _labels_over_headlines(lines: list[_Line], config: SegmentConfig) -> bool:
    """True when the file stacks a label over the headline above its date lines ("Sports / Long
    headline / date") more often than a name under it ("Long headline / Jane Doe / date")."""
    votes = Counter()
    for k in range(2, len(lines)):
        first, second, date = lines[k - 2], lines[k - 1], lines[k]
        if date.date and first.rule is None and second.rule is None and second.gap == 0 and date.gap <= 1:
            label = first.words <= config.max_label_words and not _ends_sentence(first.text)
            votes["label"] += label and second.words > config.max_label_words
            votes["name"] += first.words > config.max_label_words and bool(_NAME_LINE.match(second.text))
    return votes["label"] > votes["name"]


def _names_only(text: str) -> bool:
    """True when ``text`` is a name or names parted by bars or bullets, each maybe under a role
    word ("Jane Doe", "Role: Jane Doe | Role John Roe"): a byline."""
    return all(_NAME_LINE.match(part) for part in _NAME_PARTS.split(text))


def _title_above_date(current: _Group | None, date_line: _Line, labelled: bool,
                      config: SegmentConfig) -> list[_Line]:
    """"Title / 14 March 2019 / body": the short line right above a date line is the next title.

    Right above means no blank line between them (furniture such as a byline may sit between
    them), or one when that line is all the article has (or it and a section label over it, which
    is then furniture: a label ends no article, however the file spaces its lines). Of two short
    lines over the date, the
    second is a byline, or, in a file that stacks labels over headlines (``labelled``), the title
    under a section label.
    """
    if current is None or date_line.gap > 1:
        return []
    own = [c for c in current.content if c.rule is None]
    if _under_page_head(current, own, date_line):
        own[-1].rule = "page_notice"
        own.pop()
    if not own or own[-1].words > config.max_dated_title_words and len(own) > 1 or LIST_MARK.match(own[-1].text):
        return []  # a long line under other text is text (a long title alone is carried), a list item no title
    between = current.content[current.content.index(own[-1]) + 1:]
    if any(c.rule == "related_list" for c in between):
        return []  # a list of links under the text: the date closes the page (a footer's), no title stands over it
    if len(own) == 2 and own[1].gap <= 1 and _names_only(own[1].text) and not any(
            c.rule == "byline" for c in between):  # (with a byline of its own, it is a short headline)
        if labelled and own[0].words <= config.max_label_words and own[1].gap == 0:
            own[0].rule = "section_label"  # "Sports / Short Headline / date"
            return [own[1]]
        own[1].rule = "byline"  # "Title / (Role:) Jane Doe / 14 March 2019": a name is a byline
        return [own[0]]
    tight = date_line.gap == 0 and all(c.gap == 0 for c in between[1:])
    # "Title / By Name / date", spaced like every other line of the file: a byline under it too.
    bylined = bool(between) and all(c.rule == "byline" for c in between)
    label = own[-2] if len(own) >= 2 else None
    # "(Tagline /) Section / Title / date" all the article holds: labels cannot end an article, however
    # spaced (under a date line of its own, one is a short headline over its one paragraph; "Title:
    # TITLE / URL: ..." over a date are a page's fields, no label over a title).
    labelled_alone = len(own) >= 2 and own[-1].gap <= 1 and not current.dated and all(
        ln.words <= config.max_label_words and not _ends_sentence(ln.text)
        and field_label(ln.text, config.max_label_words) is None for ln in own[:-1])
    if tight or bylined or len(own) == 1 or labelled_alone:
        if labelled_alone:
            for ln in own[:-1]:
                ln.rule = "section_label"
        elif label is not None and own[-1].gap == 0 and label.gap >= 1 and label.words <= config.max_label_words \
                and not _ends_sentence(label.text) and _adjacent(label, own[-1]):
            label.rule = "section_label"  # a label stacked over the headline, a blank line above it
        return [own[-1]]
    return []


def _under_page_head(current: _Group, own: list[_Line], date_line: _Line) -> bool:
    """True when the last two content lines of ``current`` make a block of their own (a blank line
    above it and one under it, before ``date_line``), only lines recurring as furniture between them
    (headline / the site's tagline / a notice): the second is a notice the page prints under its head,
    the first the headline."""
    if len(own) < 2 or own[-1].gap or not own[-2].gap or not date_line.gap:
        return False
    between = current.content[current.content.index(own[-2]) + 1:current.content.index(own[-1])]
    return bool(between) and all(c.gap == 0 and c.rule == "repeated_line" for c in between)


def _starts_article(current: _Group, ln: _Line, threshold: int | None,
                    upcoming: list[_Line], config: SegmentConfig) -> bool:
    own = [c for c in current.content if c.rule is None]
    if not own:
        return False
    # The blank lines before furniture standing between the article's text and this line count too
    # ("Home > Section" two blank lines down, then the next title right under it).
    between = current.content[current.content.index(own[-1]) + 1:]
    # (a page's margins: the blank lines around its letterhead and footer, and under its top furniture
    # when the text goes on on a new page)
    top_margin = bool(between) and between[-1].rule == "page_furniture" and ln.page > own[-1].page
    gap = max([0 if top_margin else ln.gap] + [c.gap for c in between if c.rule != "page_furniture"])
    if ln.opens and not any(_restates(c.text, ln.text, config) for c in own):
        return True
    if ln.repeated or threshold is not None and gap >= threshold:
        return True
    return _language_changes(own, ln, upcoming, config)


def _page_header(article: Article, nxt: Article, config: SegmentConfig) -> bool:
    """True when ``article`` is nothing but a line naming the next article's headline (a fetched
    page's "Title: TITLE" header, parted from its "# TITLE" by a rule line): it is that page's header."""
    return len(article.paragraphs) == 1 and _restates(article.title, nxt.title, config)


def _restates(line: str, headline: str, config: SegmentConfig) -> bool:
    """True when ``line``, a field label cut off ("Title: "), starts with the headline's first words
    (``config.min_restated_words``; all of a shorter one): a page's header naming its headline (in
    full or cut short) before the headline itself."""
    second = headline.lower().split()
    for text in (line, line[prefix_end(line):] if label_prefix(line, config.max_prefix_words) else ""):
        first = text.lower().split()
        n = min(config.min_restated_words, len(first), len(second))
        if n > 0 and first[:n] == second[:n]:
            return True
    return False


def _language_changes(own: list[_Line], ln: _Line, upcoming: list[_Line], config: SegmentConfig) -> bool:
    """True when ``ln`` and the next identified line share a language the article so far lacks (a
    short line needs that next line; a long one may end the file)."""
    if ln.lang == UNDETERMINED:
        return False
    # A short line in another language (a linked title) needs a line after it in that language.
    alone = ln.lang if ln.words >= config.min_article_lang_words else UNDETERMINED
    confirm = next((c.lang for c in upcoming if c.lang != UNDETERMINED), alone)
    if confirm != ln.lang:
        return False
    words: Counter = Counter()
    for c in own:
        if c.lang != UNDETERMINED:
            words[c.lang] += c.words
    if sum(words.values()) < config.min_article_lang_words:
        return False
    return words.most_common(1)[0][0] != ln.lang


def _title_before_language_change(current: _Group | None, ln: _Line, upcoming: list[_Line],
                                  config: SegmentConfig) -> list[_Line]:
    """A short title line that opened the translation but still sits in the previous article."""
    if current is None or ln.lang == UNDETERMINED:
        return []
    own = [c for c in current.content if c.rule is None]
    if len(own) < 2 or not _language_changes(own[:-1], ln, upcoming, config):
        return []
    last = own[-1]
    if last.words > 20 or last.lang not in (UNDETERMINED, ln.lang):
        return []
    if best_language(last.scores) not in (ln.lang, UNDETERMINED):
        return []
    cut = current.content.index(last)
    moved = current.content[cut:]
    del current.content[cut:]
    return moved


def _first_content(group: _Group) -> str:
    return next((ln.text for ln in group.content if ln.rule is None), "")


def _build_article(group: _Group, file: str, article_id: str, prefixes: set[str], labels: set[str],
                   words: set[str] | None, config: SegmentConfig) -> Article | None:
    content = [ln for ln in group.content if ln.rule is None]
    if not content:
        return None
    title = content[0]
    if len(content) >= 2 and _lead_above_title(content[0], content[1]) and _adjacent(content[0], content[1]):
        title = content[1]
    seen = {title.text}
    for ln in content:
        if ln is not title and ln.text in seen:
            ln.rule = "title_repeat" if ln.text == title.text else "duplicate"
        seen.add(ln.text)
    content = [ln for ln in content if ln.rule is None]
    if len(content) == 1 and content[0].words < 8:
        return None
    if len(content) > 1 and not any(_ends_sentence(ln.text) or ln.words >= config.min_lang_words for ln in content):
        return None  # short lines, none of them a sentence: a cover page's or a form's fields, no story
    ordered = [title] + [ln for ln in content if ln is not title]
    lead = ordered[1] if len(ordered) > 1 else title
    if len(ordered) > 2 and not clean.DATELINE.match(lead.text) and clean.DATELINE.match(ordered[2].text):
        lead = ordered[2]  # a line the file shows once (a promo, a caption) stood above the lead
    _trim_dateline(lead, prefixes, config)
    _trim_label(title, labels, config)
    for ln in ordered[1:]:
        _trim_closing_initials(ln)
    lang = _article_language(ordered)
    sentences = []
    for index, ln in enumerate(ordered):
        for start, end in split_sentences(ln.text, lang):
            sentences.append(Sentence(_flat(ln.text[start:end], words), ln.start + start, ln.start + end,
                                      index))
    return Article(
        id=article_id,
        file=file,
        lang=lang,
        title=_flat(title.text, words),
        line_start=min(group.start.number, content[0].number),
        line_end=max(content[-1].number, content[-1].last),
        paragraphs=[_flat(ln.text, words) for ln in ordered],
        sentences=sentences,
        date=group.date,
    )


def _trim_dateline(lead: _Line, prefixes: set[str], config: SegmentConfig) -> None:
    """Cut "WASHINGTON (AP) — " off the lead: the source's furniture, not the article's text.

    A dateline is cut when it has a dateline's shape (``clean.DATELINE``) or when its template
    recurs before paragraphs of the file (``prefixes``: "Surabaya - ", "JAKARTA, SITE.com -- ").
    """
    if lead.trimmed:
        return
    match = clean.DATELINE.match(lead.text)
    end = match.end() if match else 0
    if not end and prefix_template(lead.text, config.max_prefix_words) in prefixes:
        end = prefix_end(lead.text)
    if end:
        lead.cut = lead.text[:end]
        lead.text = lead.text[end:]
        lead.start += end
        lead.trimmed = "dateline"


def _trim_closing_initials(last: _Line) -> None:
    """Cut the editors' initials glued to a paragraph after its last sentence ("... said. (abc)",
    "... said (abc/def)"; the last one, unless promos follow it): the desk's code, not the text."""
    match = _CLOSING_INITIALS.search(last.text)
    if match and match.start() > 0:
        last.text = last.text[:match.start()]
        if not last.trimmed:
            last.cut, last.trimmed = match.group().strip(), "closing_credit"


def _trim_label(title: _Line, labels: set[str], config: SegmentConfig) -> None:
    """Cut a field label ("Title: ") that opens the titles of many articles of the file."""
    if title.trimmed or label_prefix(title.text, config.max_prefix_words) not in labels:
        return
    end = prefix_end(title.text)
    title.cut, title.text, title.start, title.trimmed = title.text[:end], title.text[end:], title.start + end, "label"
    title.words = len(title.text.split())


def _hyphenation_words(text: str, lines: list[_Line], config: SegmentConfig) -> set[str] | None:
    """The words of the file's ``lines`` (lower-cased; line-end breaks, those running on over a page
    break joined first, left out) when the file hyphenates words at line ends (a PDF's text), else
    None: hyphens at line ends are then the words' own ("well-\nknown").

    A file hyphenates when ``config.min_hyphenated_share`` of its wrapped lines (text lines followed
    by another text line) end in a letter and a hyphen (before the next line, a blank line or a page
    break alike) and ``config.min_broken_share`` of the breaks followed by a word split no compound:
    neither part nor the hyphenated word is a word the file uses elsewhere ("accor-\ndingly"; a
    wrapper that breaks compounds at their hyphen leaves "anti-\naircraft", "well-\nknown").
    """
    ends = len(_LINE_END_HYPHEN.findall(text))
    if not ends:
        return None
    if ends < config.min_hyphenated_share * len(_WRAPPED_BREAK.findall(text)):
        return None
    joined = "\n".join(ln.text for ln in lines)
    words = {w.lower() for w in _WORDS.findall(_HYPHEN_WORD.sub(" ", joined))}
    breaks = _HYPHEN_WORD.findall(joined)
    broken = sum(1 for first, second in breaks if first.lower() not in words and second.lower() not in words
                 and f"{first}-{second}".lower() not in words)
    return words if broken >= config.min_broken_share * len(breaks) else None


def _flat(text: str, words: set[str] | None = None) -> str:
    """Text of a joined hard-wrapped paragraph (or of a line with blanked link marks) on one line,
    spaces collapsed (other text is returned unchanged).

    A word broken at a hyphen over the line end keeps its hyphen, unless the file hyphenates words
    (``words``: see :func:`_hyphenation_words`) and this is no compound: its two parts are not both
    words the file uses on their own ("well-\nknown"; one may be: "delive-\nred", "stro-\nke"),
    the hyphenated word does not occur elsewhere, the second part does not repeat the first
    ("berkali-\nkali") and is not a name ("Baden-\nWuerttemberg").
    """
    if "\n" not in text and "  " not in text:
        return text

    def join(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        low = second.lower()
        if words is None or low in words and first.lower() in words or f"{first}-{second}".lower() in words \
                or first.lower().endswith(low) or second[:1].isupper():
            return f"{first}-{second}"
        return first + second

    return " ".join(_HYPHEN_WORD.sub(join, text).split())


def _adjacent(first: _Line, second: _Line) -> bool:
    """True when only blank lines stand between ``first`` and ``second`` (no date, no byline)."""
    return second.number - second.gap - 1 == max(first.number, first.last)


def _lead_above_title(first: _Line, second: _Line) -> bool:
    """A lead paragraph printed above a headline-like title (as on some sites)."""
    headline = second.words <= 20 and not _ends_sentence(second.text)
    return headline and first.words > max(15, 2 * second.words) and _ends_sentence(first.text)


def _article_language(lines: list[_Line]) -> str:
    total: Counter = Counter()
    for ln in lines:
        total.update(ln.scores)
    return article_language(total, [ln.text for ln in lines])
