"""Article boundaries in raw dumps, from the signals real dumps give.

The text is read as non-blank lines, each with the number of blank lines before it. Every line is
first classified by the boilerplate rules of :mod:`align.segment.clean`; then context decides
teasers (a line made of the next line plus more), repeated titles, captions next to their credits
and advert paragraphs. A new article starts at a content line when

* a date header, page furniture, a "[…]" excerpt, a closing credit or a teaser came before it;
* it is repeated on the next line (titles printed several times);
* the run of blank lines before it is an outlier for this file (``gap_threshold``);
* its language differs from the article so far (an English article followed by its translation).

Each article keeps the line span from its first own line (a teaser, a lead printed above the
title, or the title) to its last content line; the title is paragraph 0.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from align.segment import clean
from align.segment.dates import parse_date_line
from align.segment.langid import UNDETERMINED, article_language, best_language, language_scores
from align.segment.sentences import split_sentences
from align.records import Article, Sentence

__all__ = ["split_articles", "gap_threshold"]

_STRIP = " \t\r\f\v\u00a0\u200b\ufeff\u2028\u2029"
_FINAL = ".!?…"
_CLOSING = "\"'”’»)]"
_MIN_LANG_WORDS = 10
_CONFIDENT_SHARE = 0.75
_MIN_ARTICLE_LANG_WORDS = 25
_MAX_TITLE_WORDS = 50  # a line repeated on the next line is a title (a longer one, a duplicate)
_HYPHEN_BREAK = re.compile(r"(?<=\w-)[ \t]*\n[ \t]*(?=\w)")  # "berkali-\nkali" -> "berkali-kali"
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
    trimmed: str | None = None  # rule that cut a prefix off this line (a dateline before the lead)


@dataclass
class _Group:
    start: _Line
    date: str | None
    content: list[_Line] = field(default_factory=list)


def split_articles(text: str, file: str, rules: list[clean.Rule] | None = None,
                   ) -> tuple[list[Article], Counter]:
    """Articles of one decoded dump and the count of dropped lines per rule."""
    lines = _read_lines(text)
    _apply_rules(lines, rules)
    lines = _join_wrapped(lines, text)
    _mark_context(lines)
    _detect_languages(lines)
    # A line right after a date header or page furniture starts an article anyway: its gap says
    # nothing about the layout.
    gaps = [ln.gap for prev, ln in zip(lines, lines[1:]) if ln.rule is None and not prev.separator]
    groups = _group(lines, gap_threshold(gaps) if _gaps_can_separate(lines) else None)
    stem = Path(file).stem
    articles: list[Article] = []
    used: set[int] = set()
    for group in groups:
        article = _build_article(group, file, f"{stem}:{len(articles)}")
        if article is not None:
            articles.append(article)
            used.update(ln.number for ln in group.content if ln.rule is None)
    removed: Counter = Counter()
    for ln in lines:
        if ln.number not in used:
            removed[ln.rule or "stray_line"] += 1
        elif ln.trimmed:
            removed[ln.trimmed] += 1
    return articles, removed


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


def _gaps_can_separate(lines: list[_Line]) -> bool:
    """False when the file prints its titles repeated but no title follows a run of blank lines.

    Such a file shows what starts an article (a repeated title, after a date or at the top), and
    its runs of blank lines all lie inside articles: a one-article page saved on its own must not
    be cut at the wide gaps around its photo and lead.
    """
    if not any(ln.repeated for ln in lines):
        return True
    return any(ln.repeated and not prev.separator for prev, ln in zip(lines, lines[1:]))


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    gap = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip(_STRIP)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_STRIP))
            lines.append(_Line(number, offset + lead, stripped, gap, stripped.count(" ") + 1))
            gap = 0
        else:
            gap += 1
        offset += len(raw) + 1
    return lines


def _apply_rules(lines: list[_Line], rules: list[clean.Rule] | None) -> None:
    for ln in lines:
        ln.date = parse_date_line(ln.text)
        if ln.date:
            ln.rule, ln.separator = "date_header", True
            continue
        rule = clean.classify_line(ln.text, rules)
        if rule is not None:
            ln.rule, ln.separator = rule.name, rule.separator
        elif ln.words <= 25 and clean.foreign_script_share(ln.text) > 0.5:
            ln.rule = "foreign_language"


def _join_wrapped(lines: list[_Line], text: str) -> list[_Line]:
    """Join hard-wrapped paragraphs (lines cut at a fixed width) back into one line each.

    A file is hard-wrapped when the content lines followed directly by another content line are
    short (the 95th percentile of their length, the width, is at most 120 characters) and at least
    30 % of all content lines are near that width and followed directly by another. Then a
    near-full line and the content line right below it are one paragraph. The joined text keeps
    the source characters (line breaks included), so sentence spans still index the source.
    """
    content = [ln for ln in lines if ln.rule is None]
    followed = {id(a) for a, b in zip(lines, lines[1:]) if b.gap == 0 and b.rule is None}
    lengths = sorted(len(ln.text) for ln in content if id(ln) in followed)
    if len(lengths) < 5:
        return lines
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > 120:
        return lines
    full = 0.6 * width
    wrapped = sum(1 for ln in content if len(ln.text) >= full and id(ln) in followed)
    if wrapped < 0.3 * len(content):
        return lines
    joined: list[_Line] = []
    for ln in lines:
        prev = joined[-1] if joined else None
        if (prev is not None and ln.rule is None and prev.rule is None and ln.gap == 0
                and len(prev.text.rsplit("\n", 1)[-1].strip()) >= full):
            end = ln.start + len(ln.text)
            prev.text = text[prev.start:end]
            prev.words = len(prev.text.split())
            prev.last = ln.number
        else:
            joined.append(ln)
    return joined


def _mark_context(lines: list[_Line]) -> None:
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
            lines[j].rule = "title_repeat" if ln.words <= _MAX_TITLE_WORDS else "duplicate"
            ln.repeated = ln.words <= _MAX_TITLE_WORDS
            j += 1
        if nxt is not None and _is_caption(ln, lines[i - 1] if i else None, nxt):
            ln.rule = "caption"
        elif clean.is_advert(ln.text):
            ln.rule = "advert"


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


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING)[-1:] in _FINAL


def _detect_languages(lines: list[_Line]) -> None:
    for ln in lines:
        if ln.rule is None:
            ln.scores = language_scores(ln.text)
            total = sum(ln.scores.values())
            if ln.words >= _MIN_LANG_WORDS and total:
                code, best = max(ln.scores.items(), key=lambda item: item[1])
                if best >= _CONFIDENT_SHARE * total:
                    ln.lang = code


def _group(lines: list[_Line], threshold: int | None) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    pending: _Line | None = None  # first line of the next article, when a cue announced one
    carried: list[_Line] = []  # a title printed above its date line, waiting for its body
    date: str | None = None
    content = [ln for ln in lines if ln.rule is None]
    upcoming = {id(ln): content[k + 1:k + 4] for k, ln in enumerate(content)}
    for ln in lines:
        if ln.rule is not None:
            if ln.date:
                date = ln.date
                title = _title_above_date(current, ln)
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
        if current is None or _starts_article(current, ln, threshold, upcoming[id(ln)]):
            moved = carried or _title_before_language_change(current, ln, upcoming[id(ln)])
            current = _Group(pending or (moved[0] if moved else ln), date, moved)
            groups.append(current)
            pending, carried = None, []
        current.content.append(ln)
    return groups


def _title_above_date(current: _Group | None, date_line: _Line) -> list[_Line]:
    """"Title / 14 March 2019 / body": the short line right above a date line is the next title.

    Right above means no blank line between them, or one when that line is all the article has.
    """
    if current is None or date_line.gap > 1:
        return []
    own = [c for c in current.content if c.rule is None]
    if not own or own[-1].words > 60 or current.content[-1] is not own[-1]:
        return []
    if date_line.gap == 0 or len(own) == 1:
        return [own[-1]]
    return []


def _starts_article(current: _Group, ln: _Line, threshold: int | None,
                    upcoming: list[_Line]) -> bool:
    own = [c for c in current.content if c.rule is None]
    if not own:
        return False
    if ln.repeated or threshold is not None and ln.gap >= threshold:
        return True
    return _language_changes(own, ln, upcoming)


def _language_changes(own: list[_Line], ln: _Line, upcoming: list[_Line]) -> bool:
    """True when ``ln`` and the next identified line share a language the article so far lacks."""
    if ln.lang == UNDETERMINED:
        return False
    confirm = next((c.lang for c in upcoming if c.lang != UNDETERMINED), ln.lang)
    if confirm != ln.lang:
        return False
    words: Counter = Counter()
    for c in own:
        if c.lang != UNDETERMINED:
            words[c.lang] += c.words
    if sum(words.values()) < _MIN_ARTICLE_LANG_WORDS:
        return False
    return words.most_common(1)[0][0] != ln.lang


def _title_before_language_change(current: _Group | None, ln: _Line, upcoming: list[_Line],
                                  ) -> list[_Line]:
    """A short title line that opened the translation but still sits in the previous article."""
    if current is None or ln.lang == UNDETERMINED:
        return []
    own = [c for c in current.content if c.rule is None]
    if len(own) < 2 or not _language_changes(own[:-1], ln, upcoming):
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


def _build_article(group: _Group, file: str, article_id: str) -> Article | None:
    content = [ln for ln in group.content if ln.rule is None]
    if not content:
        return None
    title = content[0]
    if len(content) >= 2 and _lead_above_title(content[0], content[1]):
        title = content[1]
    seen = {title.text}
    for ln in content:
        if ln is not title and ln.text in seen:
            ln.rule = "title_repeat" if ln.text == title.text else "duplicate"
        seen.add(ln.text)
    content = [ln for ln in content if ln.rule is None]
    if len(content) == 1 and content[0].words < 8:
        return None
    ordered = [title] + [ln for ln in content if ln is not title]
    _trim_dateline(ordered[1] if len(ordered) > 1 else title)
    lang = _article_language(ordered)
    sentences = []
    for index, ln in enumerate(ordered):
        for start, end in split_sentences(ln.text, lang):
            sentences.append(Sentence(_flat(ln.text[start:end]), ln.start + start, ln.start + end,
                                      index))
    return Article(
        id=article_id,
        file=file,
        lang=lang,
        title=_flat(title.text),
        line_start=min(group.start.number, content[0].number),
        line_end=max(content[-1].number, content[-1].last),
        paragraphs=[_flat(ln.text) for ln in ordered],
        sentences=sentences,
        date=group.date,
    )


def _trim_dateline(lead: _Line) -> None:
    """Cut "WASHINGTON (AP) — " off the lead: the source's furniture, not the article's text."""
    match = clean.DATELINE.match(lead.text)
    if match and not lead.trimmed:
        lead.text = lead.text[match.end():]
        lead.start += match.end()
        lead.trimmed = "dateline"


def _flat(text: str) -> str:
    """Text of a joined hard-wrapped paragraph on one line (other text is returned unchanged)."""
    if "\n" not in text:
        return text
    return " ".join(_HYPHEN_BREAK.sub("", text).split())


def _lead_above_title(first: _Line, second: _Line) -> bool:
    """A lead paragraph printed above a headline-like title (as on some sites)."""
    headline = second.words <= 20 and not _ends_sentence(second.text)
    return headline and first.words > max(15, 2 * second.words) and _ends_sentence(first.text)


def _article_language(lines: list[_Line]) -> str:
    total: Counter = Counter()
    for ln in lines:
        total.update(ln.scores)
    return article_language(total, [ln.text for ln in lines])
