"""Language identification for paragraphs and articles: English, Indonesian or another ISO code.

pycld2 does the work. Its known weakness here is Malay: a tenth of Indonesian sentences come back as
``ms``. Malay, Javanese and Sundanese answers are therefore re-decided by a small lexicon of words
that differ between Indonesian and Malay ("karena"/"kerana", "uang"/"wang", ...); Indonesian wins
ties, so Indonesian text is never lost to Malay. Text too short for cld2 falls back to counting
English and Indonesian function words.
"""

from __future__ import annotations

import re
from collections import Counter

import pycld2

__all__ = ["detect_language", "best_language", "language_scores", "UNDETERMINED"]

UNDETERMINED = "und"

_MALAY_ONLY = {
    "kerana", "sahaja", "wang", "kerajaan", "semasa", "iaitu", "mahupun", "selepas", "baharu",
    "bertanding", "menerusi", "jabatan", "syarikat", "memandangkan", "hospital", "polis", "bas",
    "teksi", "universiti", "kenyataan", "mengikut", "ringgit", "amat", "tuan", "encik",
}
_INDONESIAN_ONLY = {
    "karena", "saja", "uang", "bisa", "pemerintah", "sekarang", "tidak", "nggak", "enggak", "tetapi",
    "sangat", "bahwa", "kalau", "juga", "sudah", "belum", "akan", "bukan", "sampai", "rumah", "sakit",
    "polisi", "bus", "taksi", "universitas", "kampung", "pernyataan", "menurut", "rupiah", "dilaporkan",
    "mengatakan", "setelah", "sebelumnya", "baru", "presiden", "namun", "yakni", "yaitu",
}

_EN_FUNCTION = {
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "are",
    "it", "from", "his", "her", "he", "she", "they", "have", "has", "be", "this", "which", "an", "not",
    "were", "will", "would", "said", "after", "but", "their", "been", "who", "its", "or",
}
_ID_FUNCTION = {
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "adalah", "tidak",
    "dalam", "akan", "tersebut", "juga", "oleh", "sebagai", "karena", "atau", "ia", "mereka", "telah",
    "bahwa", "kata", "para", "saat", "lebih", "sudah", "bisa", "seorang", "tahun", "hari", "menjadi",
}
_MALAY_LIKE = {"ms", "jw", "su"}
_WORD = re.compile(r"[^\W\d_]+")
_NON_LETTER = re.compile(r"[\W\d_]+")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text`` ("en", "id", "ru", ...) or ``"und"`` when it cannot be told."""
    return best_language(language_scores(text))


def best_language(scores: dict[str, float]) -> str:
    """The code with the most evidence in ``scores`` (see ``language_scores``), or ``"und"``."""
    return max(scores.items(), key=lambda item: item[1])[0] if scores else UNDETERMINED


def language_scores(text: str) -> dict[str, float]:
    """Evidence per language code, in letters of text (cld2 percentages times text size)."""
    letters = len(_NON_LETTER.sub("", text))
    if letters < 3:
        return {}
    try:
        reliable, _, details = pycld2.detect(_printable(text), bestEffort=True)
    except pycld2.error:
        reliable, details = False, ()
    scores: Counter[str] = Counter()
    for _name, code, percent, _score in details:
        if code in ("un", "xx") or percent == 0:
            continue
        code = code.split("-")[0]
        if code in _MALAY_LIKE or code == "id":
            code = _indonesian_or_malay(text) if code != "id" else "id"
        scores[code] += percent / 100 * letters
    words = [w.lower() for w in _WORD.findall(text)]
    en = sum(1 for w in words if w in _EN_FUNCTION)
    ind = sum(1 for w in words if w in _ID_FUNCTION)
    if not reliable or len(words) < 6 or not scores:
        if en != ind and max(en, ind) >= 1:
            scores["en" if en > ind else "id"] += letters * (1.0 if max(en, ind) >= 2 else 0.5)
    elif ind >= en + 2 and ind >= 2 * en and scores.get("en", 0) > scores.get("id", 0):
        # English names and titles inside an Indonesian sentence mislead cld2; function words do not.
        scores["id"] = scores.get("en", 0) + letters * 0.1
    elif en >= ind + 2 and en >= 2 * ind and scores.get("id", 0) > scores.get("en", 0):
        scores["en"] = scores.get("id", 0) + letters * 0.1
    return dict(scores)


def _indonesian_or_malay(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    malay = sum(1 for w in words if w in _MALAY_ONLY)
    indonesian = sum(1 for w in words if w in _INDONESIAN_ONLY)
    return "ms" if malay >= 2 and malay > 2 * indonesian else "id"


def _printable(text: str) -> str:
    """cld2 rejects control characters and lone surrogates: drop them."""
    return _UNPRINTABLE.sub("", text) if _UNPRINTABLE.search(text) else text
