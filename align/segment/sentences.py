"""Rule-based sentence splitting for English and Indonesian news text, with character spans.

A boundary candidate is sentence-final punctuation (``.``, ``!``, ``?``, ``…``), optionally followed
by closing quotes or brackets, then whitespace, then something that can open a sentence (a capital
letter, a digit, an opening quote or bracket). Candidates after a period are then checked against the
token before it:

* ``NEVER_FINAL`` abbreviations (titles, address parts, months before a number, ``No.``) never end a
  sentence: "Jl. Sudirman No. 8", "Prof. Dr. Bambang", "Jan. 14".
* single capital initials ("J. R. R. Tolkien", "H. Ahmad") never end a sentence.
* upper-case initialisms ("U.S.", "U.K.") end a sentence only before a common sentence opener
  ("... in the U.S. The ...") since "U.S. President" is far more frequent.
* ``MAY_FINAL`` abbreviations ("Co.", "Inc.", "Jr.", "dll.", "dkk.", "Tbk.", "S.H.", "p.m.") end a
  sentence before a capital letter or quote, never before "(" or a digit ("dkk. (2019)").

After ``?``/``!`` and a closing quote, a reporting clause ('"Why?" Vance asked.') stays attached.
Numbers ("5.5%", "1.000", "6.788,52", "10.00 WIB") never contain whitespace, so they are never
candidates.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "NEVER_FINAL", "MAY_FINAL", "SENTENCE_OPENERS"]

_COMMON_NEVER = {
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "no", "nos", "nr", "vol", "vols", "p", "pp",
    "fig", "figs", "art", "ch", "sec", "op", "cit", "vs", "v", "e.g", "i.e", "cf", "approx", "ca",
}
_EN_NEVER = {
    "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "det",
    "insp", "supt", "rev", "fr", "hon", "pres", "atty", "messrs", "mmes", "sr", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "hwy", "mt", "ft", "gov't",
    "est", "univ", "assn", "bros", "dist", "dept.of", "u.s.a", "ariz", "calif", "colo", "conn", "fla",
    "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
}
_ID_NEVER = {
    "jl", "jln", "gg", "kec", "kel", "kab", "kp", "ds", "prov", "kota", "rt", "rw", "yth", "bpk",
    "ibu", "sdr", "sdri", "h", "hj", "ir", "drs", "dra", "drg", "dr", "kh", "pol", "kombes", "brigjen",
    "irjen", "komjen", "kapt", "letkol", "kol", "mayjen", "letjen", "jend", "hlm", "tgl", "no", "a.n",
    "u.p", "an", "nyonya", "ny", "tn", "sdh", "blm", "ttd", "ket", "lih", "bab", "psl", "mis",
}
NEVER_FINAL = _COMMON_NEVER | _EN_NEVER | _ID_NEVER
"""Lower-cased abbreviations (without the final period) that never end a sentence."""

MAY_FINAL = {
    "co", "corp", "inc", "ltd", "plc", "llc", "jr", "dept", "etc", "bros", "a.m", "p.m", "am", "pm",
    "dll", "dsb", "dst", "dkk", "tbk", "persero", "s.h", "m.h", "m.si", "m.sc", "m.a", "m.t", "m.kes",
    "m.k.m", "s.e", "s.t", "s.pd", "s.kom", "s.sos", "s.ip", "s.ag", "m.m", "m.pd", "ph.d", "phd",
    "b.a", "b.sc", "m.d", "mph", "esq", "s.d", "sbb", "dgn", "yg", "utk", "dr.", "al",
}
"""Lower-cased abbreviations that end a sentence when a capitalised word follows them."""

SENTENCE_OPENERS = {
    # English
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "there", "but", "and", "so", "yet", "in", "on", "at", "for",
    "after", "before", "while", "when", "if", "as", "some", "many", "most", "other", "others",
    "officials", "meanwhile", "however", "also", "still", "now", "then", "last", "earlier", "later",
    # Indonesian
    "ia", "dia", "mereka", "kami", "kita", "saya", "ini", "itu", "hal", "namun", "tetapi", "sementara",
    "selain", "di", "pada", "dalam", "dari", "menurut", "sebelumnya", "kemudian", "sedangkan",
    "sebanyak", "para", "sejumlah", "hingga", "adapun", "bahkan", "oleh", "untuk", "dengan", "yang",
}
"""Lower-cased words that, after an ambiguous initialism like "U.S.", signal a new sentence."""

_REPORTING = {
    "asked", "said", "says", "told", "added", "wrote", "replied", "shouted", "cried", "recalled",
    "explained", "continued", "insisted", "noted", "tweeted", "laughed", "ask", "say",
    "tanya", "tanyanya", "kata", "katanya", "ujar", "ujarnya", "tegas", "tegasnya", "ucap", "ucapnya",
    "jelas", "jelasnya", "imbuh", "imbuhnya", "tutur", "tuturnya", "sebut", "sebutnya",
}

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{¿¡"
_CANDIDATE = re.compile(
    r"(?:\.{3}|…|[.!?])+[" + re.escape(_CLOSERS) + r"]*(?=\s+([^\s]))"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^[A-Z]$")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[\w'’-]+")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Split one paragraph into sentences: ``[(start, end), ...]`` spans into ``text``.

    Spans exclude surrounding whitespace and cover every non-space character of ``text`` in order;
    ``lang`` is accepted for symmetry (the abbreviation lists cover English and Indonesian at once).
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if _is_boundary(text, match, start):
            spans.append((start, end))
            start = _skip_space(text, end)
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return _merge_punctuation_only(text, spans)


def _merge_punctuation_only(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece without letters or digits (a stray closing quote) joins the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not any(ch.isalnum() for ch in text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, match: re.Match, start: int) -> bool:
    punct = match.group(0)
    next_pos = match.start(1)
    nxt = text[next_pos]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if nxt in _OPENERS and text[next_pos + 1:next_pos + 2].isspace():
        return False  # 'end. " Next' - a dangling quote that closes, not opens
    following = _WORD.findall(text[next_pos:next_pos + 60])
    core = punct.rstrip(_CLOSERS)
    if core.endswith(("?", "!")) and len(core) < len(punct):
        # '"Are we going?" Vance asked.' - a reporting clause keeps the quote in its sentence.
        if _reporting_clause(text[next_pos:next_pos + 60]):
            return False
    if core != "." or len(core) < len(punct):
        return True  # '?', '!', '...', or '... step." Others': a period inside closing quotes.
    token_match = _TOKEN_BEFORE.search(text, start, match.start())
    token = token_match.group(1) if token_match else ""
    token = token.lstrip(_OPENERS)
    if not token:
        return True
    return _abbreviation_allows_break(token, nxt, following)


def _reporting_clause(after: str) -> bool:
    """'Vance asked.' / 'he said, adding' after a quote: a short clause ending at the verb."""
    for k, match in enumerate(_WORD.finditer(after)):
        if k >= 3:
            return False
        if match.group(0).lower() in _REPORTING:
            rest = after[match.end():].lstrip()
            return not rest or rest[0] in ".,;:!?"
    return False


def _abbreviation_allows_break(token: str, nxt: str, following: list[str]) -> bool:
    key = token.lower()
    first = following[0].lower() if following else ""
    if key in NEVER_FINAL:
        if key in {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}:
            return nxt.isupper()
        return False
    if _INITIAL.match(token):
        return False
    if key in MAY_FINAL:
        return nxt.isupper() or nxt in "\"“‘'"
    if _INITIALISM.match(token):
        return token.isupper() and first in SENTENCE_OPENERS or not token.isupper() and nxt.isupper()
    return True
