"""End-to-end evaluation of an `align run` output folder against a gold set such as eval-dev.

The run's own segmentation and sentence splitting need not match the gold units, so every output
text is mapped onto gold segments by its text: both sides are reduced to a canonical form
(NFKC, case-folded, letters and digits only), the output text is found inside the concatenated gold
segments of its language, and it stands for every gold segment it overlaps. Sentence pairs are then
scored with Vecalign's strict/lax P/R/F1 (``align.evaluate.score_alignments``) over global gold
segment ids; document pairs by mapping each article onto the gold document holding most of its text.

A gold set folder holds ``docs.jsonl`` and optionally ``unpaired.jsonl`` (``key``, ``lang``,
``sents``). A ``docs.jsonl`` record is either ``{"pair_id", "src", "tgt", "langs": [src code, tgt
code], "gold"}`` or eval-dev's ``{"pair_id", "en", "id_sents", "gold"}`` (the default pair,
English–Indonesian). A run whose source language is the gold set's target is scored the other way round.
"""

from __future__ import annotations

import bisect
import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from align.errors import InputError
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.evaluate.metrics import score_alignments
from align.records import Article

MAX_OCCURRENCES = 64
_EVAL_DEV_KEYS = ("en", "id_sents")  # eval-dev's docs.jsonl names its two sides so


def canonical(text: str) -> str:
    """The text as compared with gold: NFKC, case-folded, letters and digits only."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


class GoldIndex:
    """The gold segments of one language, searchable by text; segment ids are global in the set."""

    def __init__(self, docs: Iterable[tuple[str, list[str]]]):
        self.starts: list[int] = []
        self.doc_of: list[str] = []
        self.first: dict[str, int] = {}
        parts, pos = [], 0
        for key, segments in docs:
            self.first[key] = len(self.doc_of)
            for segment in segments:
                canon = canonical(segment)
                self.starts.append(pos)
                self.doc_of.append(key)
                parts.append(canon)
                pos += len(canon)
        self.text = "".join(parts)

    def _occurrences(self, canon: str) -> Iterator[tuple[tuple[int, ...], bool, bool]]:
        """Each place ``canon`` occurs: the segments it overlaps, whether it starts a segment and
        whether it ends one."""
        found, at = 0, self.text.find(canon)
        while at >= 0 and found < MAX_OCCURRENCES:
            end = at + len(canon)
            first = bisect.bisect_right(self.starts, at) - 1
            last = bisect.bisect_right(self.starts, end - 1) - 1
            ends = last + 1 == len(self.starts) and end == len(self.text) or (
                last + 1 < len(self.starts) and self.starts[last + 1] == end)
            yield tuple(range(first, last + 1)), self.starts[first] == at, ends
            found, at = found + 1, self.text.find(canon, at + 1)

    def locate(self, text: str, prefer: str | None = None, after: int = -1) -> tuple[int, ...] | None:
        """Gold segment ids covered by ``text``. Of several occurrences, one in document ``prefer``
        wins, then one from segment ``after`` on (texts come in document order), then one matching
        segment boundaries, then the first."""
        canon = canonical(text)
        occurrences = list(self._occurrences(canon)) if canon else []
        if not occurrences:
            return None
        best = min(occurrences, key=lambda o: (self.doc_of[o[0][0]] != prefer, o[0][-1] < after,
                                               not (o[1] and o[2]), not o[1]))
        return best[0]

    def unique_doc(self, text: str) -> str | None:
        """The one gold document holding ``text``, or None when it is absent or ambiguous."""
        canon = canonical(text)
        docs = {self.doc_of[segs[0]] for segs, _, _ in self._occurrences(canon)} if canon else set()
        return docs.pop() if len(docs) == 1 else None

    def best_doc(self, texts: Iterable[str]) -> str | None:
        """The gold document holding most (over half) of the canonical characters of ``texts``."""
        votes: Counter = Counter()
        total = 0
        for text in texts:
            weight = len(canonical(text))
            total += weight
            doc = self.unique_doc(text)
            if doc is not None:
                votes[doc] += weight
        if not votes:
            return None
        doc, weight = votes.most_common(1)[0]
        return doc if weight * 2 > total else None


@dataclass
class GoldSet:
    """Gold segments per side, gold sentence beads (global ids) and the gold document pairs."""

    src: GoldIndex
    tgt: GoldIndex
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    pairs: set[str]
    unpaired: dict[str, str] = field(default_factory=dict)  # doc key -> its language
    langs: tuple[str, str] = (DEFAULT_SRC, DEFAULT_TGT)  # language codes of the two sides

    def index(self, lang: str) -> GoldIndex | None:
        """The gold segments of language ``lang``, or None for a language the set lacks."""
        return {self.langs[0]: self.src, self.langs[1]: self.tgt}.get(lang)


def load_gold_dataset(folder: str | Path) -> GoldSet:
    """Read ``docs.jsonl`` (+ ``unpaired.jsonl``) of a gold set folder like eval-dev."""
    folder = Path(folder)
    docs = _read_jsonl(folder / "docs.jsonl")
    unpaired = _read_jsonl(folder / "unpaired.jsonl") if (folder / "unpaired.jsonl").exists() else []
    try:
        langs = tuple(docs[0]["langs"]) if docs and "src" in docs[0] else (DEFAULT_SRC, DEFAULT_TGT)
        sides = ("src", "tgt") if docs and "src" in docs[0] else _EVAL_DEV_KEYS
        src_docs = [(d["pair_id"], list(d[sides[0]])) for d in docs]
        tgt_docs = [(d["pair_id"], list(d[sides[1]])) for d in docs]
        src_docs += [(u["key"], list(u["sents"])) for u in unpaired if u["lang"] == langs[0]]
        tgt_docs += [(u["key"], list(u["sents"])) for u in unpaired if u["lang"] == langs[1]]
        src, tgt = GoldIndex(src_docs), GoldIndex(tgt_docs)
        beads = [
            (tuple(src.first[d["pair_id"]] + i for i in s), tuple(tgt.first[d["pair_id"]] + j for j in t))
            for d in docs for s, t in d["gold"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{folder}: not a gold set like eval-dev (docs.jsonl: missing or bad field {exc})") from exc
    return GoldSet(src, tgt, beads, {d["pair_id"] for d in docs}, {u["key"]: u["lang"] for u in unpaired},
                   (str(langs[0]), str(langs[1])))


def evaluate_run(gold: GoldSet, run_dir: str | Path) -> dict:
    """Document-pair and sentence-pair scores of one `align run` output folder.

    Keys (each present when the files it needs are): ``documents`` (articles.jsonl + pairs.jsonl),
    ``alignments`` (every bead with text on both sides; articles.jsonl + alignments.jsonl) and
    ``corpus`` (the exported segment pairs after filters; corpus.tsv).
    """
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise InputError(f"{run_dir}: not a folder (expected the output folder of 'align run')")
    articles = _read_articles(run_dir / "articles.jsonl")
    article_docs = {a.id: _article_doc(gold, a) for a in articles.values()}
    pairs = _read_jsonl(run_dir / "pairs.jsonl") if articles and (run_dir / "pairs.jsonl").exists() else []
    flip = _reversed_run(gold, pairs, articles)
    result: dict = {}
    if articles and (run_dir / "pairs.jsonl").exists():
        result["documents"] = _score_documents(gold, pairs, article_docs)
        result["documents"]["articles_mapped"] = sum(d is not None for d in article_docs.values())
        result["documents"]["articles"] = len(articles)
    if articles and (run_dir / "alignments.jsonl").exists():
        rows = list(_alignment_rows(_read_jsonl(run_dir / "alignments.jsonl"), articles, run_dir))
        result["alignments"] = _score_rows(gold, _oriented(rows, flip), article_docs)
    if (run_dir / "corpus.tsv").exists():
        result["corpus"] = _score_rows(gold, _oriented(list(_tsv_rows(run_dir / "corpus.tsv")), flip), article_docs)
    if not result:
        raise InputError(f"{run_dir}: no articles.jsonl + pairs.jsonl, alignments.jsonl or corpus.tsv to evaluate")
    return result


def _reversed_run(gold: GoldSet, pairs: list[dict], articles: dict[str, Article]) -> bool:
    """Whether the run's source language is the gold set's target language."""
    first = next((articles.get(p.get("src")) for p in pairs if p.get("src") in articles), None)
    return first is not None and first.lang == gold.langs[1] != gold.langs[0]


def _oriented(rows: list[Row], flip: bool) -> list[Row]:
    return [(b, a, d, c) for a, b, c, d in rows] if flip else rows


def _article_doc(gold: GoldSet, article: Article) -> str | None:
    index = gold.index(article.lang)
    texts = [s.text for s in article.sentences] or article.paragraphs
    return index.best_doc(texts) if index else None


def _score_documents(gold: GoldSet, pairs: list[dict], article_docs: dict[str, str | None]) -> dict:
    found: set[str] = set()
    touched: set[str] = set()
    for pair in pairs:
        src_doc, tgt_doc = article_docs.get(pair.get("src")), article_docs.get(pair.get("tgt"))
        touched.update(d for d in (src_doc, tgt_doc) if d is not None)
        if src_doc is not None and src_doc == tgt_doc and src_doc in gold.pairs:
            found.add(src_doc)
    correct = sum(1 for pair in pairs if article_docs.get(pair.get("src")) in found
                  and article_docs.get(pair.get("src")) == article_docs.get(pair.get("tgt")))
    precision = correct / len(pairs) if pairs else 0.0
    recall = len(found) / len(gold.pairs) if gold.pairs else 0.0
    return {
        "predicted": len(pairs), "gold": len(gold.pairs), "correct": correct, "precision": precision,
        "recall": recall, "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "gold_unpaired": len(gold.unpaired),
        "gold_unpaired_left_unpaired": sum(1 for key in gold.unpaired if key not in touched),
    }


Row = tuple[str, str, str, str]  # src doc ref, tgt doc ref, src text, tgt text (gold set's sides)


def _score_rows(gold: GoldSet, rows: list[Row], article_docs: dict[str, str | None]) -> dict:
    """Project text pairs onto gold segments and score them as beads (text on both sides only)."""
    hints = _doc_hints(gold, rows, article_docs)
    predicted, unmapped = [], Counter()
    cursor: dict[tuple[str, str], int] = {}  # (lang, doc ref) -> last gold segment its rows mapped onto
    for src_ref, tgt_ref, src_text, tgt_text in rows:
        if not src_text.strip() or not tgt_text.strip():
            continue
        src_segs = gold.src.locate(src_text, hints["src"].get(src_ref), cursor.get(("src", src_ref), -1))
        tgt_segs = gold.tgt.locate(tgt_text, hints["tgt"].get(tgt_ref), cursor.get(("tgt", tgt_ref), -1))
        for key, segs in ((("src", src_ref), src_segs), (("tgt", tgt_ref), tgt_segs)):
            if segs:
                cursor[key] = segs[0]
        if src_segs is None:
            unmapped["src"] += 1
        if tgt_segs is None:
            unmapped["tgt"] += 1
        # text found nowhere in gold cannot be right: give it an id no gold bead holds
        predicted.append((src_segs or (-1 - len(predicted),), tgt_segs or (-1 - len(predicted),)))
    scores = score_alignments([gold.beads], [predicted])
    gold_set = set(gold.beads)
    scores.update(rows=len(predicted), rows_correct=sum(1 for p in predicted if p in gold_set),
                  rows_unmapped_src=unmapped["src"], rows_unmapped_tgt=unmapped["tgt"],
                  langs=list(gold.langs))
    scores["row_precision"] = scores["rows_correct"] / len(predicted) if predicted else 0.0
    return scores


def _doc_hints(gold: GoldSet, rows: list[Row], article_docs: dict[str, str | None]) -> dict[str, dict[str, str]]:
    """The gold document each output document ref stands for: its article's, else a vote of its rows."""
    hints: dict[str, dict[str, str]] = {"src": {}, "tgt": {}}
    texts: dict[str, dict[str, list[str]]] = {"src": defaultdict(list), "tgt": defaultdict(list)}
    for src_ref, tgt_ref, src_text, tgt_text in rows:
        texts["src"][src_ref].append(src_text)
        texts["tgt"][tgt_ref].append(tgt_text)
    for side, index in (("src", gold.src), ("tgt", gold.tgt)):
        for ref, ref_texts in texts[side].items():
            # a TSV url column may be "<file>#<article id>"
            doc = article_docs.get(ref) or article_docs.get(ref.rsplit("#", 1)[-1]) or index.best_doc(ref_texts)
            if doc is not None:
                hints[side][ref] = doc
    return hints


def _alignment_rows(records: list[dict], articles: dict[str, Article], run_dir: Path) -> Iterator[Row]:
    for number, record in enumerate(records, 1):
        try:
            src_ref, tgt_ref = record["pair"]
            src, tgt = articles[src_ref], articles[tgt_ref]
            yield (src_ref, tgt_ref, " ".join(src.sentences[i].text for i in record["src"]),
                   " ".join(tgt.sentences[j].text for j in record["tgt"]))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise InputError(f"{run_dir / 'alignments.jsonl'}:{number}: bead does not fit articles.jsonl ({exc})") from exc


def _tsv_rows(path: Path) -> Iterator[Row]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the TSV corpus ({exc.__class__.__name__})") from exc
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise InputError(f"{path}:{number}: expected 'url1 url2 src tgt score' columns, got {len(fields)}")
        yield fields[0], fields[1], fields[2], fields[3]


def _read_articles(path: Path) -> dict[str, Article]:
    if not path.exists():
        return {}
    try:
        return {a.id: a for a in (Article.from_json(obj) for obj in _read_jsonl(path))}
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: not an articles.jsonl record ({exc})") from exc


def _read_jsonl(path: Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read JSON lines ({exc.__class__.__name__})") from exc
