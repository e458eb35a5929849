"""Crawl-like benchmark: few articles keep their partner; pairing quality, model calls, time, memory.

    python benchmarks/crawl.py [--shared ../shared] [--small] [--baseline-rev eee4189] [--corpora eval,seedA]
                               [--repeats N]

Builds corpora from the development dumps in which only ``--keep`` (default 15 %) of the articles
keep their partner: of every other document pair one side is cut out of the dump; half of the cut pairs'
surviving sides stay in the corpus's own layout, the other half come from English-only and
Indonesian-only dumps of other layouts (seedstyle B for English, C for Indonesian: the same
documents rendered differently, with their partner absent everywhere). The single-language
articles of the dev set stay as they are.

* ``eval``: eval-dev's dumps, plus B/C dumps (the pairing thresholds were tuned on this one);
* ``seedA`` / ``seedC``: seedstyle-dev style A (mixed-language files) or C as the own layout, plus
  B (English) and C or A (Indonesian) dumps: held out from the tuning.

Each corpus is run end to end by ``align run`` twice, in fresh processes with cold private caches
(``--cache-dir`` and numba's cache in new temporary folders): by this tree, and by the single-stage
pipeline of ``--baseline-rev`` (extracted with ``git archive``). Reported per run: pair precision and
recall (articles mapped to gold by line overlap), model calls per input sentence (the report's
"embedded" row over the sentences of the English and Indonesian articles), wall time and peak
memory (``/usr/bin/time -v``). With ``--repeats N`` the two pipelines take turns N times per corpus and
the speed-up compares each one's fastest run (on a shared machine, the run least slowed by other
work). Corpora and run folders go to outputs/benchmarks/crawl/; the tables
go to outputs/benchmarks/crawl.md and crawl.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "outputs" / "benchmarks"
LANGS = ("en", "id")


@dataclass
class GoldArticle:
    """One article of a dev dump: where it lies (0-based inclusive lines) and which document it is."""

    file: str
    lang: str
    doc: str
    line_start: int
    line_end: int
    paired: bool  # the dev set has both languages of this document


@dataclass
class Source:
    """A set of dev dump files (lines per file) and the gold articles in them."""

    lines: dict[str, list[str]]
    articles: list[GoldArticle] = field(default_factory=list)


def eval_dev_source(folder: Path) -> Source:
    """eval-dev's two dumps; an article runs from its date line to the blank line after its text."""
    source = Source({f"dump.{lang}.txt": (folder / f"dump.{lang}.txt").read_text(encoding="utf-8").split("\n")
                     for lang in LANGS})  # fmt: skip
    for row in map(json.loads, (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines()):
        for lang in LANGS:
            if row[lang]:
                source.articles.append(GoldArticle(f"dump.{lang}.txt", lang, row["doc_id"], row[lang]["line_start"] - 1,
                                                   row[lang]["line_end"] - 1, row["pair_id"] is not None))
    return source


def seedstyle_source(folder: Path, style: str) -> Source:
    """The files of one seedstyle-dev style and their gold article spans."""
    source = Source({})
    for row in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        if row["style"] != style:
            continue
        if row["file"] not in source.lines:
            source.lines[row["file"]] = (folder / row["file"]).read_text(encoding="utf-8").split("\n")
        source.articles.append(GoldArticle(row["file"], row["lang"], row["doc_id"], row["line_start"],
                                           row["line_end"], row["pair_id"] is not None))
    return source


def render(source: Source, keep, outdir: Path, prefix: str) -> list[GoldArticle]:
    """Write the files of ``source`` with every article not kept (``keep(article)`` false) cut out;
    returns the kept articles with their new files and line spans. Files left without articles are
    not written."""
    by_file = defaultdict(list)
    for article in source.articles:
        by_file[article.file].append(article)
    kept_all = []
    for name, articles in sorted(by_file.items()):
        lines = source.lines[name]
        cut = set()
        for article in articles:
            if not keep(article):
                cut.update(range(article.line_start, article.line_end + 1))
        kept = [a for a in articles if keep(a)]
        if not kept:
            continue
        new_index, out = {}, []
        for number, line in enumerate(lines):
            if number not in cut:
                new_index[number] = len(out)
                out.append(line)
        target = outdir / f"{prefix}{name.replace('/', '_')}"
        target.write_text("\n".join(out), encoding="utf-8")
        for article in kept:
            kept_all.append(GoldArticle(target.name, article.lang, article.doc,
                                        new_index[article.line_start], new_index[article.line_end], article.paired))
    return kept_all


@dataclass
class Corpus:
    name: str
    folder: Path
    gold: list[GoldArticle]

    @property
    def gold_pairs(self) -> set[str]:
        langs = defaultdict(set)
        for article in self.gold:
            langs[article.doc].add(article.lang)
        return {doc for doc, seen in langs.items() if len(seen) == 2}


def build_corpus(name: str, own: Source, en_other: Source, id_other: Source, outdir: Path, keep_share: float,
                 seed: int, limit: int | None) -> Corpus:
    """One crawl-like corpus: ``keep_share`` of the articles keep their partner (in the own layout), one side of each
    other pair in the own layout or (half of them) in the other-layout single-language dumps."""
    rng = random.Random(seed)
    docs = sorted({a.doc for a in own.articles if a.paired})
    rng.shuffle(docs)
    if limit:
        docs = docs[:limit]
    singles = [a.doc for a in own.articles if not a.paired]
    if limit:
        singles = singles[: max(2, limit // 20)]
    # 2k of the 2k + (len(docs) - k) + len(singles) articles keep their partner: k for that share
    n_keep = max(1, round(keep_share * (len(docs) + len(singles)) / (2 - keep_share)))
    roles = {}
    for k, doc in enumerate(docs):
        roles[doc] = "both" if k < n_keep else ("en", "id", "en-other", "id-other")[k % 4]
    roles.update({doc: "single" for doc in singles})
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    gold = render(own, lambda a: roles.get(a.doc) in ("both", "single", a.lang), outdir, "")
    gold += render(en_other, lambda a: a.lang == "en" and roles.get(a.doc) == "en-other", outdir, "other-en-")
    gold += render(id_other, lambda a: a.lang == "id" and roles.get(a.doc) == "id-other", outdir, "other-id-")
    corpus = Corpus(name, outdir, gold)
    share = 2 * len(corpus.gold_pairs) / max(len(gold), 1)
    print(f"{name}: {len(gold)} articles in {len(list(outdir.iterdir()))} files, "
          f"{len(corpus.gold_pairs)} pairs ({share:.0%} of the articles keep their partner)", flush=True)
    return corpus


def baseline_tree(rev: str, folder: Path) -> Path:
    """The source tree of ``rev`` (the single-stage pipeline), extracted once with ``git archive``."""
    target = folder / f"baseline-{rev}"
    if not (target / "align").is_dir():
        data = subprocess.run(["git", "archive", rev, "align"], cwd=REPO, check=True, capture_output=True).stdout
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(target, filter="data")
    return target


def run_align(code: Path, corpus: Corpus, outdir: Path, extra: list[str]) -> dict:
    """``align run`` of the tree ``code`` over the corpus in a fresh process with cold caches."""
    if outdir.exists():
        shutil.rmtree(outdir)
    files = sorted(str(p) for p in corpus.folder.iterdir())
    with tempfile.TemporaryDirectory(prefix="align-crawl-cache-") as cache:
        env = dict(os.environ, PYTHONPATH=str(code), NUMBA_CACHE_DIR=os.path.join(cache, "numba"),
                   ALIGN_NUMBA_CACHE=os.path.join(cache, "numba"))
        command = [sys.executable, "-c", "import sys; from align.cli import app; sys.argv[0] = 'align'; app()",
                   "run", *files, "-o", str(outdir), "--cache-dir", os.path.join(cache, "emb"), "--quiet", *extra]
        timed = ["/usr/bin/time", "-v", *command] if Path("/usr/bin/time").exists() else command
        start = time.perf_counter()
        done = subprocess.run(timed, env=env, capture_output=True, text=True, cwd=code)  # cwd: its own align
        wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"align run failed ({code}):\n{done.stderr[-3000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return {"wall_s": round(wall, 1), "peak_mb": round(int(peak.group(1)) / 1024) if peak else None,
            **score_run(corpus, outdir)}


def score_run(corpus: Corpus, outdir: Path) -> dict:
    """Pair P/R against the corpus gold and model calls per input sentence, from a run's outputs."""
    gold_by_file = defaultdict(list)
    for article in corpus.gold:
        gold_by_file[article.file].append(article)
    mapped, sentences = {}, 0
    for record in map(json.loads, (outdir / "articles.jsonl").read_text(encoding="utf-8").splitlines()):
        if record["lang"] not in LANGS:
            continue
        sentences += len(record["sentences"])
        best = max(gold_by_file.get(Path(record["file"]).name, []), default=None,
                   key=lambda g: _overlap(g, record["line_start"], record["line_end"]))
        if best is not None and _overlap(best, record["line_start"], record["line_end"]) > 0:
            mapped[record["id"]] = best
    predicted = correct = 0
    for record in map(json.loads, (outdir / "pairs.jsonl").read_text(encoding="utf-8").splitlines()):
        left, right = (record["en"], record["id"]) if "en" in record else (record["src"], record["tgt"])
        predicted += 1
        a, b = mapped.get(left), mapped.get(right)
        correct += bool(a and b and a.doc == b.doc and a.lang != b.lang)
    gold = len(corpus.gold_pairs)
    calls = embedded_count(outdir / "report.md")
    return {"pairs": predicted, "correct": correct, "gold": gold,
            "precision": round(correct / predicted, 4) if predicted else 1.0,
            "recall": round(correct / gold, 4) if gold else 1.0,
            "input_sentences": sentences, "model_calls": calls,
            "calls_per_sentence": round(calls / max(sentences, 1), 3)}


def embedded_count(report: Path) -> int:
    """The value of the report's stage-table row whose label says "embedded"."""
    for line in report.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and "embedded" in cells[-2] and cells[-1].replace(",", "").isdigit():
            return int(cells[-1].replace(",", ""))
    raise SystemExit(f"{report}: no row that counts the embedded texts")


def first_stage_recall(name: str, source: Source, folder: Path) -> dict:
    """Share of the gold pairs of a whole dev set (segmented by ``align``) that the first look keeps
    as candidates (bundled model through the shared disk cache; not timed)."""
    from align.embed import load_encoder
    from align.pair.config import PairConfig
    from align.pair.prefilter import Lead, lead_candidates
    from align.pipeline import segment_files

    config, encoder = PairConfig(), load_encoder("bundled")
    articles = [a for a in segment_files([folder / f for f in source.lines], True)[0] if a.lang in LANGS and a.sentences]
    gold_by_file = defaultdict(list)
    for article in source.articles:
        gold_by_file[str(folder / article.file)].append(article)
    doc = {}
    for article in articles:
        best = max(gold_by_file[article.file], key=lambda g: _overlap(g, article.line_start, article.line_end))
        if _overlap(best, article.line_start, article.line_end) > 0:
            doc[article.id] = best.doc
    sides = [[a for a in articles if a.lang == lang] for lang in LANGS]
    leads = [[Lead(encoder.encode([s.text for s in a.sentences[: config.lead_sentences]]),
                   sum(len(s.text) for s in a.sentences)) for a in side] for side in sides]  # fmt: skip
    kept = {(sides[0][s].id, sides[1][t].id) for s, t in lead_candidates(leads[0], leads[1], config)}
    gold = {(a.id, b.id) for a in sides[0] for b in sides[1] if a.id in doc and doc.get(b.id) == doc[a.id]}
    return {"set": name, "gold_pairs": len(gold), "kept_candidates": len(kept),
            "first_stage_recall": round(len(gold & kept) / max(len(gold), 1), 4)}


def _overlap(gold: GoldArticle, start: int, end: int) -> int:
    return max(0, min(gold.line_end, end) - max(gold.line_start, start) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--small", action="store_true", help="100 documents, only the eval corpus")
    parser.add_argument("--corpora", default="eval,seedA,seedC")
    parser.add_argument("--keep", type=float, default=0.15, help="share of the articles that keep their partner")
    parser.add_argument("--baseline-rev", default="eee4189", help="git revision of the single-stage pipeline")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each pipeline per corpus, alternating; the speed-up uses each one's fastest")
    args = parser.parse_args()
    data = args.shared / "data"
    if not (data / "eval-dev").is_dir() or not (data / "seedstyle-dev").is_dir():
        raise SystemExit(f"crawl: {data}: eval-dev and seedstyle-dev are needed (pass --shared)")
    work = OUT / "crawl"
    seed = {style: seedstyle_source(data / "seedstyle-dev", style) for style in "ABC"}
    plans = {"eval": (eval_dev_source(data / "eval-dev"), seed["B"], seed["C"]),
             "seedA": (seed["A"], seed["B"], seed["C"]),
             "seedC": (seed["C"], seed["B"], seed["A"])}
    names = ["eval"] if args.small else [n for n in args.corpora.split(",") if n in plans]
    limit = 100 if args.small else None  # about 55 articles a side: enough for the two-stage path
    trees = {"two-stage (this tree)": REPO}
    if not args.no_baseline:
        trees["single-stage (" + args.baseline_rev + ")"] = baseline_tree(args.baseline_rev, work)
    rows = []
    for name in names:
        corpus = build_corpus(name, *plans[name], work / "corpora" / name, args.keep, args.seed, limit)
        for repeat in range(args.repeats):  # the pipelines take turns, so both meet the machine's load alike
            for label, code in trees.items():
                figures = run_align(code, corpus, work / "runs" / f"{name}-{'new' if code == REPO else 'base'}", [])
                rows.append({"corpus": name, "tuned_on": name == "eval", "pipeline": label, "repeat": repeat + 1,
                             **figures})
                print(json.dumps(rows[-1]), flush=True)
    recall = [first_stage_recall("eval-dev", plans["eval"][0], data / "eval-dev")]
    if not args.small:
        recall += [first_stage_recall(f"seedstyle-dev {style}", seed[style], data / "seedstyle-dev") for style in "ABC"]
    write_tables(rows, recall, args)


def write_tables(rows: list[dict], recall: list[dict], args) -> None:
    head = ["corpus", "pipeline", "repeat", "pairs", "gold", "precision", "recall", "input_sentences", "model_calls",
            "calls_per_sentence", "wall_s", "peak_mb"]
    lines = ["# Crawl-like corpora", "",
             f"{args.keep:.0%} of the articles keep their partner; cold caches; 'eval' was used to tune thresholds, "
             "'seedA'/'seedC' are held out.", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(r[h]) for h in head) + " |" for r in rows]
    fastest = defaultdict(dict)  # corpus -> pipeline -> its fastest wall time over the repeats
    for r in rows:
        kind = "new" if r["pipeline"].startswith("two") else "base"
        fastest[r["corpus"]][kind] = min(r["wall_s"], fastest[r["corpus"]].get(kind, float("inf")))
    lines += ["", "| corpus | fastest two-stage s | fastest single-stage s | wall-time speed-up |", "|---|---|---|---|"]
    lines += [f"| {c} | {v['new']} | {v['base']} | {v['base'] / v['new']:.2f}x |" for c, v in fastest.items()
              if "base" in v and "new" in v]
    lines += ["", "First stage alone on whole dev sets (every pair present):", "",
              "| set | gold pairs | candidates kept | first-stage recall |", "|---|---|---|---|"]
    lines += [f"| {r['set']} | {r['gold_pairs']} | {r['kept_candidates']} | {r['first_stage_recall']} |" for r in recall]
    text = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "-small" if args.small else ""
    (OUT / f"crawl{suffix}.md").write_text(text, encoding="utf-8")
    (OUT / f"crawl{suffix}.json").write_text(json.dumps({"runs": rows, "first_stage": recall}, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
