"""Shared pieces of the layout zoo: documents, paragraphs, invented names, gold records."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

NAMES = ["Dewi Lestari", "Budi Santoso", "Rina Wulandari", "Agus Prasetyo", "Anna Clarke", "Tom Fisher",
         "Maya Sari", "Hendra Gunawan", "Laura Bennett", "James Holloway", "Sri Rahayu", "Eko Nugroho"]
CITIES = ["JAKARTA", "SURABAYA", "BANDUNG", "MEDAN", "LONDON", "SINGAPORE", "WASHINGTON", "SYDNEY"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@dataclass
class Doc:
    """One article to render: its key, language and gold sentences (sentence 0 is the title)."""

    key: str
    lang: str
    sentences: list[str]


@dataclass
class Rendered:
    """One rendered file: its name, its text and the gold articles in file order."""

    name: str
    text: str
    gold: list[dict] = field(default_factory=list)


def load_docs(shared: Path) -> list[Doc]:
    """Every eval-dev document in both languages, plus the unpaired ones."""
    folder = shared / "data" / "eval-dev"
    docs: list[Doc] = []
    for raw in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        docs.append(Doc(record["pair_id"], "en", record["en"]))
        docs.append(Doc(record["pair_id"], "id", record["id_sents"]))
    for raw in (folder / "unpaired.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        docs.append(Doc(record["key"], record["lang"], record["sents"]))
    return docs


def paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """The title alone, then the body as paragraphs of 1-3 sentences."""
    out, i = [sentences[0]], 1
    while i < len(sentences):
        k = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def gold(doc: Doc) -> dict:
    return {"key": doc.key, "lang": doc.lang, "title": doc.sentences[0], "sentences": doc.sentences}


def date_parts(rng: random.Random) -> tuple[int, int, int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), rng.choice([2018, 2019, 2020]), rng.randint(0, 23), \
        rng.randint(0, 59)


def chunks(docs: list[Doc], size: int) -> list[list[Doc]]:
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def by_language(docs: list[Doc], rng: random.Random) -> dict[str, list[Doc]]:
    out: dict[str, list[Doc]] = {"en": [], "id": []}
    for doc in docs:
        out[doc.lang].append(doc)
    for items in out.values():
        rng.shuffle(items)
    return out


def sentence_blocks(sentences: list[str], rng: random.Random, most: int = 3) -> list[list[str]]:
    """The body (sentences after the title) cut into paragraphs of 1..most sentences."""
    out, i = [], 1
    while i < len(sentences):
        k = rng.randint(1, most)
        out.append(sentences[i:i + k])
        i += k
    return out


def block_record(doc: Doc, title: str, blocks: list[list[str]]) -> dict:
    """The gold record of an article rendered as ``title`` then ``blocks`` in order."""
    return {"key": doc.key, "lang": doc.lang, "title": title,
            "sentences": [title] + [s for block in blocks for s in block]}


def page_files(prefix: str, groups: dict[str, list[Doc]], size: int, page, ext: str = "txt") -> list[Rendered]:
    """One file per ``size`` docs of each group; ``page(lang, docs)`` returns its lines and gold records."""
    out = []
    for lang, items in groups.items():
        for n, chunk in enumerate(chunks(items, size)):
            name = f"{prefix}-{lang}-{n:02d}.{ext}" if lang else f"{prefix}-{n:02d}.{ext}"
            lines, records = page(lang, chunk)
            out.append(Rendered(name, "\n".join(lines) + "\n", records))
    return out


@dataclass
class Page:
    """One file being rendered: its language ("" for mixed files), the docs it draws from, its number,
    its articles and any per-file values its head sets (``state``)."""

    lang: str
    items: list[Doc]
    number: int
    chunk: list[Doc]
    state: dict = field(default_factory=dict)


Article = Callable[[Page, int, Doc, str, list[str]], list[str]]


def render_pages(prefix: str, groups: dict[str, list[Doc]], size: int, rng: random.Random, article: Article,
                 head: Callable[[Page], list[str]] | None = None,
                 foot: Callable[[Page], list[str]] | None = None) -> list[Rendered]:
    """Files of ``size`` articles per group: ``head(page)`` lines, then for article k
    ``article(page, k, doc, title, body)`` lines (title and body from :func:`paragraphs`), then
    ``foot(page)`` lines. Files are named PREFIX-LANG-NN.txt (PREFIX-NN.txt for a mixed group)."""
    out = []
    for lang, items in groups.items():
        for n, chunk in enumerate(chunks(items, size)):
            page = Page(lang, items, n, chunk)
            lines = head(page) if head else []
            for k, doc in enumerate(chunk):
                title, *body = paragraphs(doc.sentences, rng)
                lines += article(page, k, doc, title, body)
            lines += foot(page) if foot else []
            name = f"{prefix}-{lang}-{n:02d}.txt" if lang else f"{prefix}-{n:02d}.txt"
            out.append(Rendered(name, "\n".join(lines) + "\n", [gold(doc) for doc in chunk]))
    return out
