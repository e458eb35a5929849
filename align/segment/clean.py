"""Boilerplate rules kept as data: each names what it drops, so the run report can count it.

A :class:`Rule` matches one whole line (stripped) by regular expression. ``separator`` rules also end
the article before them (page furniture, machine-translation notices, closing credits, "[…]"
excerpts). The built-in rules describe news structure and name no site; users extend them with
:func:`load_rules` (a JSON file of rule objects, e.g. corpora/rules/seed-sites.json) and pass them to
``segment_text(..., rules=...)``.

Rules that need context (a caption next to its credit, a repeated title, a teaser line, menus, link
lists) live in :mod:`align.segment.dumps`, furniture found by repetition (lines, templates, lead
prefixes, and passages such as adverts inserted into many articles) in :mod:`align.segment.repeats`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError

__all__ = ["Rule", "DEFAULT_RULES", "DATELINE", "MARKDOWN_LINK", "classify_line", "load_rules", "foreign_script_share"]


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule: lines matching ``pattern`` (searched, case-insensitive) are dropped."""

    name: str
    pattern: str
    separator: bool = False
    max_words: int | None = None
    case_sensitive: bool = False
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        object.__setattr__(self, "regex", re.compile(self.pattern, flags))

    def matches(self, line: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        return self.regex.search(line) is not None


def _exact(*items: str) -> str:
    return r"^(?:" + "|".join(items) + r")[.:!]?$"


_NETWORKS = (r"facebook|twitter|whatsapp|telegram|linkedin|line|pinterest|reddit|instagram|tiktok|"
             r"youtube|threads|e-?mail|print|cetak|copy link|salin (?:tautan|link)")
_NAME = r"[A-Z][\w.'’-]*"  # one capitalised word of a name
_MD_LINK = r"!?\[[^\[\]]*\]\((?:[^()\s]|\([^()\s]*\))*\)"  # a Markdown link or image: "[text](url)", "![alt](url)"
_MD_FRAME = r"[\s*_#>|,;:•·+-]*"  # what may frame Markdown links on a line of links: bullets, emphasis, separators

DEFAULT_RULES: list[Rule] = [
    # Page furniture that opens or closes a page: the article before it has ended.
    Rule("navigation", _exact(
        r"skip to (?:the )?(?:main )?content", r"langsung ke konten(?: utama)?", r"comments?",
        r"komentar", r"back to top", r"kembali ke atas", r"main menu", r"menu utama",
        r"end of (?:the )?article", r"akhir artikel"), separator=True, max_words=6),
    Rule("machine_translation_notice",
         r"переведено|яндекс\s*переводчик|google translate|machine[- ]translat|"
         r"diterjemahkan (?:secara )?(?:otomatis|oleh mesin)|automatically translated|"
         r"translated (?:by|with) (?:yandex|google|deepl)", separator=True, max_words=20),
    Rule("closing_credit",
         r"^(?:this (?:article|story|report) (?:was |is )?(?:first |originally )?"
         r"(?:published|appeared)|artikel ini (?:pertama kali |telah )?(?:diterbitkan|dimuat|tayang)"
         r"|originally published|first published)", separator=True, max_words=120),  # it may quote the title
    # "(Reporting by A; Editing by B)", "(Laporan oleh A; Penyunting B)", initials "(abc/xyz)".
    Rule("closing_credit",
         r"^[(\[]\s*(?:(?:additional |writing and )?reporting|writing|editing|compiled|laporan|"
         r"penulisan|penyuntingan|penyunting|disunting|editor|pewarta|reporter)\b[^()]*[)\]]$",
         separator=True, max_words=40),
    Rule("closing_credit", r"^\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*\)$", separator=True,
         max_words=4, case_sensitive=True),
    Rule("site_name", r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|id|tv|news|info|my|uk)(?:\.[a-z]{2})?$",
         separator=True, max_words=1),
    Rule("excerpt", r"(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))$", separator=True),
    Rule("rule_line", r"^[\W_]{3,}$", separator=True),
    # Web furniture that can sit anywhere, inside an article too.
    Rule("navigation", _exact(
        r"advertisement", r"advertising", r"sponsored", r"iklan", r"ads?",
        r"share(?: this)?(?: article| story)?", r"bagikan(?: artikel| berita)?",
        r"tweet", r"print", r"cetak", r"email", r"facebook", r"twitter", r"whatsapp", r"telegram",
        r"related(?: articles| news| stories)?", r"berita terkait", r"artikel terkait",
        r"read more", r"baca selengkapnya", r"selengkapnya", r"subscribe", r"newsletter",
        r"log ?in", r"sign ?in", r"sign up", r"search", r"menu",
        r"most read", r"terpopuler", r"top stories", r"editor'?s picks?", r"pilihan editor",
        r"listen to this article", r"dengarkan(?: artikel)?", r"loading\.*"),
        max_words=5),
    Rule("navigation", r"^scroll (?:down )?to (?:continue|read)|^gulir (?:ke bawah )?untuk", max_words=10),
    Rule("share", rf"^(?:(?:share|bagikan|tweet|kirim|bagi)(?:\s+(?:on|ke|via|to|this|artikel))?\s*[:|]?\s*)?"
                  rf"(?:(?:(?:share|bagikan)\s+(?:on|ke|via|to)\s+)?(?:{_NETWORKS})\b[\s|,/•·]*){{1,10}}$",
         max_words=16),
    Rule("share", rf"^(?:share|bagikan)\b.{{0,40}}\b(?:{_NETWORKS})\b", max_words=12),
    Rule("comment_count", r"^(?:\d+\s+(?:comments?|komentar|responses?|tanggapan|replies|balasan)|"
                          r"(?:comments?|komentar)\s*\(\d+\)|leave a (?:comment|reply)|"
                          r"tinggalkan (?:komentar|balasan)|(?:no|belum ada) (?:comments|komentar)(?: yet)?)$",
         max_words=6),
    Rule("promo", r"^(?:follow|ikuti|subscribe|langganan|berlangganan|sign up|daftar|join|gabung|"
                  r"dapatkan|get|download|unduh|simak|pantau|stay)\b.{0,120}\b(?:google news|telegram|"
                  r"whatsapp|newsletter|buletin|channel|kanal|instagram|twitter|facebook|youtube|tiktok|"
                  r"inbox|kotak masuk|our app|aplikasi)\b", max_words=40),
    Rule("tags", r"^(?:tags?|tagged(?: with)?|label|labels|topik|topics?|kategori|category|categories|"
                 r"rubrik|filed under|posted in|keywords|kata kunci)\s*:", max_words=25),
    Rule("breadcrumb", r"^\w[\w .&'’-]{0,25}(?:\s[>»›/|]\s[\w .&'’-]{1,25}){2,}$", max_words=20),
    Rule("breadcrumb", r"^\w[\w ]{0,25}\s[>»›]\s\w[\w ]{0,25}$", max_words=6),  # "News > Regional"
    # a text browser's rendering of a menu of inline list items ("* Home * News * Sport") and of a
    # form (a text field as "____________________", a button as "(BUTTON) Label")
    Rule("menu", r"^[*•·]\s+[^\s*•·][^*•·.!?]{0,30}(?:\s[*•·]\s+[^\s*•·][^*•·.!?]{0,30}){2,}$", max_words=60),
    Rule("form", r"(?:^|\s)_{10,}(?:\s|$)|\(BUTTON\)", max_words=20, case_sensitive=True),
    Rule("copyright", r"^(?:copyright\b|©\s*\d{4}|\(c\)\s*\d{4}|hak cipta\b)|all rights reserved|"
                      r"hak cipta dilindungi", max_words=25),
    Rule("photo_credit",
         r"^[(\[]?(?:photo|foto|image|gambar|picture|pic|illustration|ilustrasi|credit|kredit|"
         r"sumber foto|photograph|video)\s*(?:by|oleh)?\s*:", max_words=20),
    Rule("credit", r"^[(\[]?(?:©|\(c\)\s)", max_words=15),
    Rule("caption", r"\S(?:\s+|[.,;:])©\s*[^©\s][^©]{1,80}$", max_words=40),
    # A caption ending in its credit: "... (AGENCY/Name)", "... (Photo: Name/Agency)".
    Rule("caption", rf"\S\s*\((?:(?i:photo|foto|image|gambar|pic)\s*:\s*)?{_NAME}(?:\s+{_NAME}){{0,4}}\s*/\s*"
                    rf"{_NAME}(?:\s+[\w.'’-]+){{0,4}}\)$", max_words=40, case_sensitive=True),
    # An agency photo credit closing its caption: "... AGENCY FOTO/Name/abc.", "... PHOTO/Name".
    Rule("caption", r"\b[A-Z][A-Z.&-]*\s*(?:FOTO|PHOTO|PHOTOS|PIC|IMAGES?)\s*/\s*[^/]{2,40}(?:/\s*[a-z]{2,5})?\.?\)?$",
         max_words=60, case_sensitive=True),
    Rule("caption", r"^(?:file photo|arsip foto|foto arsip|ilustrasi|illustration)\s*[-–—:]\s+\S", max_words=60),
    Rule("timestamp", r"\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|menit|jam|hari|minggu)\s+"
                      r"(?:ago|lalu|yang lalu)$", max_words=10),
    Rule("navigation", r"^(?:listen to this article|dengarkan (?:artikel|berita)(?: ini)?)\b", max_words=10),
    Rule("read_more", r"^(?:continue reading|keep reading|read the full (?:story|article)|read more|"
                      r"baca selengkapnya|selengkapnya|lanjut(?:kan)? membaca)\b.{0,60}$", max_words=12),
    Rule("source_line", r"^(?:source|sources|sumber|src)\s*(?::\s*.{0,100})?$", max_words=15),
    Rule("read_also",
         r"^(?:read also|also read|read more|see also|related(?: news| stories| articles)?|baca juga|"
         r"baca pula|baca selengkapnya|lihat juga|simak juga|tonton juga|berita terkait|artikel terkait)"
         r"\s*:", max_words=80),
    # "By Jane Doe", "Oleh: Dewi Lestari": a name of two capitalised words or more, or a role.
    Rule("byline",
         rf"^(?:By|BY|Oleh|OLEH|Laporan [Ww]artawan|Editing by|Reporting by)\s*:?\s+{_NAME}"
         rf"(?:\s+{_NAME}|,)(?:[^.!?0-9]|\.(?=\w))*$", max_words=10, case_sensitive=True),
    # Writer and editor lines: "Penulis: Name | Editor: Name", "Reporter Name, Editor Name".
    Rule("byline",
         rf"^(?:(?i:penulis|reporter|pewarta|editor|penyunting|redaktur|writer|author|kontributor|"
         rf"fotografer|photographer|wartawan)\s*:?\s*{_NAME}(?:\s+{_NAME})*\s*[|,/•·]?\s*)+$",
         max_words=12, case_sensitive=True),
    # "Role: Name Name | Role: Name Name" whatever the role words: labels, each with only a name.
    Rule("byline", rf"^[A-Z][\w'’-]*(?: [a-z]+)?\s*:\s*{_NAME}(?:\s+{_NAME}){{1,3}}"
                   rf"(?:\s*[|,/•·]\s*[A-Z][\w'’-]*(?: [a-z]+)?\s*:\s*{_NAME}(?:\s+{_NAME}){{1,3}})+$",
         max_words=16, case_sensitive=True),
    # "Role Name Name | Role Name Name", "Name Name | SiteNews": groups of capitalised words only.
    Rule("byline", rf"^(?=[^|•·]*{_NAME}\s+{_NAME})(?:{_NAME}(?:\s+{_NAME}){{0,4}}\s*[|•·]\s*)+"
                   rf"{_NAME}(?:\s+{_NAME}){{0,4}}$", max_words=12, case_sensitive=True),
    # "Name Name · 3 min read", "Name Name | 12 comments": a name, then a count and its noun.
    Rule("byline", rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s*[·•|,–—-]\s*\d+\s+[^\W\d_]+(?:\s+[^\W\d_]+)?$",
         max_words=8, case_sensitive=True),
    # "(Role Name; Role Name in City; Role Name)": a closer of credits, whatever the role words.
    Rule("closing_credit", rf"^\((?:[^();]*\b{_NAME}\s+{_NAME}[^();]*;\s*)+[^();]*\b{_NAME}\s+{_NAME}[^();]*\)$",
         separator=True, max_words=40, case_sensitive=True),
    # A caption whose credit closes it without brackets: "... the crowd. AGENCY/Name Name".
    Rule("caption", rf"[.!?]\s+[A-Z][A-Z.&-]+(?:\s+[A-Z][A-Z.&-]+)?\s*/\s*{_NAME}(?:\s+{_NAME}){{0,3}}"
                    rf"(?:\s*/\s*{_NAME}(?:\s+{_NAME}){{0,2}})?\.?$",
         max_words=60, case_sensitive=True),
    # A caption whose labelled credit closes it without brackets: "... on Monday. Photo: Name Name/Site".
    Rule("caption", rf"[.!?)]\s+(?i:photo|photograph|foto|image|gambar|picture|pic)\s*:\s*{_NAME}(?:\s+{_NAME}){{0,4}}"
                    rf"\s*/\s*[\w.'’-]+(?:\s+[\w.'’-]+){{0,3}}\.?$", max_words=60, case_sensitive=True),
    # "[Embed:Video Site]": a marker left where an embed stood.
    Rule("embed", r"^\[[^\[\]]{1,80}\]$", max_words=8),
    Rule("embed", r"pic\.twitter\.com/|twitter\.com/\w+/status|x\.com/\w+/status|"
         r"instagram\.com/(?:p|reel)/|—\s.*\(@\w+\)\s", max_words=80),
    # "12. https://...", "• https://..." (a list of links; a text browser's lists hold every scheme a page
    # links to); "https://... Go" (an address bar and its button)
    Rule("url", r"^(?:\d{1,4}\.\s+|[•·▪►›»*–-]\s+)?(?:https?://|ftp://|file:|mailto:|javascript:|www\.)\S+"
                r"(?:\s+[^\W\d_]{1,10})?$", separator=True),
    # A line made only of Markdown links and images ("* [Word](url)", "![alt](url)", "**[Title](url)**"):
    # it leads elsewhere (a menu item, a byline's profile, a related story, a picture), it says nothing.
    Rule("link_line", rf"^{_MD_FRAME}(?:{_MD_LINK}{_MD_FRAME})+$"),
    Rule("url", r"^(?:link|url|permalink|source|sumber|tautan)\s*:\s*(?:https?://|www\.)\S+$", max_words=4),
    # A page's name and its address, whatever the name's words: "Site Name - https://...", "Name | www...".
    Rule("url", r"^[^\W_][^.!?]{0,60}?\s+[-–—|»>]\s+(?:https?://|www\.)\S+$", max_words=8),
]
"""The rules applied when none are given; first match wins. None names a site: site- and
seed-specific lines belong in a rules file (see corpora/rules/seed-sites.json)."""

_PLACE = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|di|al|el|van|von)){0,3}"  # "JAKARTA", "Kuala Lumpur"
_SOURCE = (r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}"  # a date, or its year after a comma
           r"|[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9}\.?"
           r"|[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}"  # "SITE.com"
           r"|[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})")  # "ANTARA", "CNN Indonesia", "Selasa"
_TEXT_STARTS = r"(?=[\"“‘'(]?[A-Z0-9])"
DATELINE = re.compile(
    rf"^{_PLACE}\s*(?:,\s*{_SOURCE}\s*)*(?:\(\s*[^()]{{1,40}}?\s*\))?\s*,?\s+[-–—]{{1,2}}\s+{_TEXT_STARTS}"
    rf"|^[A-Z][A-Z.'’-]{{2,}}(?:\s+[A-Z][A-Z.'’-]+){{0,3}}\s*:\s+{_TEXT_STARTS}")
"""A dateline glued to the lead, by its shape: a place (capitalised words), optionally a date, a site
or an agency after commas and a source in parentheses, then a spaced dash ("WASHINGTON (AP) — ",
"JAKARTA, SITE.com -- ", "Surabaya - ", "TOKYO, June 12 (Wire) - "), or a place in capitals and a
colon ("KUALA LUMPUR: "); the text after it starts with a capital or a digit."""

MARKDOWN_LINK = re.compile(_MD_LINK)
"""A Markdown link or image, "[text](url)" or "![alt](url)"."""

_NON_LETTER = re.compile(r"[\W\d_]+")
_NON_LATIN = re.compile(r"[^A-Za-zÀ-ɏ]+")


def classify_line(line: str, rules: list[Rule] | None = None) -> Rule | None:
    """The first rule matching a stripped, non-blank line, or None when the line may be content."""
    n_words = line.count(" ") + 1
    for rule in DEFAULT_RULES if rules is None else rules:
        if rule.matches(line, n_words):
            return rule
    return None


def foreign_script_share(line: str) -> float:
    """Share of the letters of ``line`` outside the Latin script (Cyrillic captions, ...)."""
    if line.isascii():
        return 0.0
    letters = len(_NON_LETTER.sub("", line))
    if not letters:
        return 0.0
    return 1 - len(_NON_LATIN.sub("", line)) / letters


def load_rules(path: str | Path, *, extend: bool = True) -> list[Rule]:
    """Read extra rules from a JSON list of ``{"name", "pattern", "separator"?, "max_words"?}``.

    With ``extend`` the user's rules are tried first, then the defaults; otherwise they replace them.
    """
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        rules = [Rule(str(item["name"]), str(item["pattern"]), bool(item.get("separator", False)),
                      item.get("max_words"), bool(item.get("case_sensitive", False)))
                 for item in raw]
    except OSError as exc:
        raise InputError(f"{path}: cannot read rules ({exc.strerror or exc})") from exc
    except (ValueError, KeyError, TypeError, re.error) as exc:
        raise InputError(f"{path}: not a JSON list of rules with name and pattern ({exc})") from exc
    return rules + DEFAULT_RULES if extend else rules
