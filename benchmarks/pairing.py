"""Document pairing benchmark: precision/recall against gold pairings, then time and memory at scale.

    python benchmarks/pairing.py [--shared ../shared] [--sizes 1000,10000] [--gold-only]

Quality runs on ``eval-dev`` and on each style of ``seedstyle-dev`` with articles built from the gold
spans, on harder variants of eval-dev (half of each side removed, so many articles lose their
partner; English and Indonesian from disjoint halves, so nothing may pair; untranslated "earlier
versions" of 30 articles per side), and end to end on the segmenter's articles (mapped to gold by
line overlap). Sentences are embedded by the bundled model through the disk cache.
Scaling runs on synthetic corpora made by replicating the dev articles and perturbing their sentence
vectors (no model calls), each size in a fresh process for a clean peak-memory figure.
Writes outputs/benchmarks/pairing.md and pairing.json and prints the tables.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.atomic import atomic_open  # noqa: E402
from align.pair import PairConfig, pair_articles  # noqa: E402
from align.segment.dates import parse_date_line  # noqa: E402
from align.records import Article, Sentence  # noqa: E402
from benchmarks.memstat import reset_peak, rss_mb  # noqa: E402


def load_eval_dev(folder: Path) -> tuple[list[Article], set[tuple[str, str]]]:
    """Articles of eval-dev's two dumps (ids ``dump.<lang>:<dump index>``) and the gold pairs."""
    texts = {lang: (folder / f"dump.{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "id")}
    lines = {lang: text.split("\n") for lang, text in texts.items()}
    articles, gold = [], set()
    for row in map(json.loads, (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines()):
        ids = {}
        for lang in ("en", "id"):
            side = row[lang]
            if side is None:
                continue
            ids[lang] = f"dump.{lang}:{side['dump_index']}"
            body = lines[lang][side["line_start"] : side["line_end"]]  # after the 1-based date line
            paragraphs = [line for line in body if line.strip()]
            sentences = [Sentence(texts[lang][a:b], a, b, 0) for a, b in side["sent_spans"]]
            articles.append(
                Article(ids[lang], f"dump.{lang}.txt", lang, side["title_line"], side["line_start"] - 1,
                        side["line_end"] - 1, paragraphs, sentences, parse_date_line(side["date_line"]))
            )  # fmt: skip
        if len(ids) == 2:
            gold.add((ids["en"], ids["id"]))
    return articles, gold


def load_seedstyle(folder: Path) -> dict[str, tuple[list[Article], set[tuple[str, str]]]]:
    """Per style: articles of seedstyle-dev's gold spans and the gold pairs (dates from A's day headers)."""
    by_style: dict[str, list[dict]] = defaultdict(list)
    for row in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        by_style[row["style"]].append(row)
    result = {}
    for style, rows in sorted(by_style.items()):
        articles, partner = [], defaultdict(dict)
        file_lines: dict[str, list[str]] = {}
        last_date: dict[str, str | None] = {}
        previous_end: dict[str, int] = {}
        for row in rows:
            name = row["file"]
            if name not in file_lines:
                file_lines[name] = (folder / name).read_text(encoding="utf-8").split("\n")
            lines = file_lines[name]
            header = _day_header(lines[previous_end.get(name, -1) + 1 : row["line_start"]])
            last_date[name] = header or last_date.get(name)
            previous_end[name] = row["line_end"]
            article_id = f"{style}/{Path(name).stem}:{row['article_index']}"
            sentences = [Sentence(text, start, end, 0) for text, (_, start, end) in
                         zip(row["sentences"], row["sentence_spans"])]  # fmt: skip
            paragraphs = [lines[p[0]] for p in row["paragraphs"]]
            articles.append(
                Article(article_id, name, row["lang"], row["title"], row["line_start"], row["line_end"],
                        paragraphs, sentences, last_date[name] if style == "A" else None)
            )  # fmt: skip
            if row["pair_id"]:
                partner[row["pair_id"]][row["lang"]] = article_id
        gold = {(p["en"], p["id"]) for p in partner.values() if len(p) == 2}
        result[style] = (articles, gold)
    return result


def _day_header(lines: list[str]) -> str | None:
    """The date (ISO, as the segmenter stores it) of the last day header among the lines before an
    article (style A)."""
    for line in reversed(lines):
        if line.strip() and len(line) < 40 and (date := parse_date_line(line)):
            return date
    return None


@functools.cache
def _bundled_encoder():
    from align.embed import load_encoder

    return load_encoder("bundled")


def embed_articles(articles: list[Article]) -> dict[str, np.ndarray]:
    """Sentence matrices per article: `align run`'s embedding step, bundled model behind its disk cache."""
    from align.pipeline import embed_articles as embed

    return embed([a for a in articles if a.lang in ("en", "id")], _bundled_encoder(), quiet=True)


def synthesise(articles: list[Article], gold: set[tuple[str, str]], vectors: dict[str, np.ndarray],
               per_side: int, seed: int = 0, spread: float = 0.5):  # fmt: skip
    """A corpus of ``per_side`` articles per language made of perturbed copies of the given ones.

    Copy c of a document gets one random offset of norm ~``spread`` shared by its EN and ID versions
    (so copies of one document differ from each other; the smaller ``spread``, the closer the copies
    come to translations of each other) plus small per-sentence noise. Texts get a letter tag per
    copy (no new numbers or names), so no sentence looks like boilerplate repeated across articles.
    Returns articles, sentence matrices, gold pairs.
    """
    rng = np.random.default_rng(seed)
    by_id = {a.id: a for a in articles}
    paired = {x for pair in gold for x in pair}
    units = sorted(gold) + [(a.id,) for a in articles if a.id not in paired and a.lang in ("en", "id")]
    dim = next(iter(vectors.values())).shape[1]
    out_articles, out_vectors, out_gold, count = [], {}, set(), {"en": 0, "id": 0}
    copy = 0
    while min(count.values()) < per_side:
        for unit in units:
            offset = rng.normal(0, spread / np.sqrt(dim), dim).astype(np.float32)
            new_ids = []
            for old_id in unit:
                article = by_id[old_id]
                if count[article.lang] >= per_side:
                    continue
                count[article.lang] += 1
                noise = rng.normal(0, 0.1 / np.sqrt(dim), vectors[old_id].shape).astype(np.float32)
                matrix = vectors[old_id] + offset + noise
                new_id = f"{old_id}#{copy}"
                new_ids.append(new_id)
                out_vectors[new_id] = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
                tag = " ~" + "".join(chr(97 + int(d)) for d in str(copy))  # copies are different texts
                sentences = [replace(x, text=x.text + tag) for x in article.sentences]
                out_articles.append(replace(article, id=new_id, sentences=sentences))
            if len(new_ids) == 2:
                out_gold.add(tuple(new_ids))
        copy += 1
    return out_articles, out_vectors, out_gold


def drop_partners(articles: list[Article], gold: set[tuple[str, str]], fraction: float, seed: int = 0):
    """Remove ``fraction`` of each language's articles at random, so many survivors lose their partner."""
    rng = np.random.default_rng(seed)
    dropped = set()
    for lang in ("en", "id"):
        ids = sorted(a.id for a in articles if a.lang == lang)
        dropped |= set(rng.choice(ids, int(fraction * len(ids)), replace=False).tolist())
    kept = [a for a in articles if a.id not in dropped]
    return kept, {p for p in gold if p[0] not in dropped and p[1] not in dropped}


def disjoint_halves(articles: list[Article], gold: set[tuple[str, str]], seed: int = 0):
    """English articles of one random half of the pairs, Indonesian of the other: nothing should pair."""
    rng = np.random.default_rng(seed)
    order = sorted(gold)
    picked = rng.permutation(len(order))
    half = len(order) // 2
    keep = {order[j][0] for j in picked[:half]} | {order[j][1] for j in picked[half:]}
    paired = {x for pair in gold for x in pair}
    return [a for a in articles if a.id in keep or a.id not in paired], set()


def add_updates(articles: list[Article], gold: set[tuple[str, str]], count: int, seed: int = 0):
    """Add, for ``count`` random paired articles per language, an "earlier version" (its first 60 %
    of sentences, at least one fewer): near-duplicates that must stay unpaired, unless both sides of
    a pair got one (then the two earlier versions translate each other and are a gold pair)."""
    rng = np.random.default_rng(seed)
    paired = {x for pair in gold for x in pair}
    extra = []
    for lang in ("en", "id"):
        pool = sorted(a.id for a in articles if a.lang == lang and a.id in paired and len(a.sentences) >= 3)
        by_id = {a.id: a for a in articles}
        for k in rng.choice(len(pool), count, replace=False):
            original = by_id[pool[k]]
            keep = min(len(original.sentences) - 1, max(2, round(0.6 * len(original.sentences))))
            extra.append(replace(original, id=original.id + "~update", sentences=original.sentences[:keep]))
    ids = {a.id for a in extra}
    both = {(e + "~update", i + "~update") for e, i in gold if e + "~update" in ids and i + "~update" in ids}
    return articles + extra, gold | both


def score_pairing(name: str, articles: list[Article], gold: set[tuple[str, str]], vectors, config=None,
                  to_gold: dict[str, str] | None = None) -> dict:  # fmt: skip
    """Pair, then precision/recall against gold and how the articles without a partner fared.

    ``to_gold`` maps each article id to the gold article it stands for (segmenter output); without
    it the articles are the gold ones.
    """
    start = time.perf_counter()
    pairs = pair_articles(articles, vectors, config)
    seconds = time.perf_counter() - start
    mapped = (lambda x: x) if to_gold is None else to_gold.get
    predicted = [(mapped(p.src), mapped(p.tgt), p.score) for p in pairs]
    correct = [(e, i, score) for e, i, score in predicted if (e, i) in gold]
    in_gold = {x for pair in gold for x in pair}
    gold_articles = {a.id for a in articles if a.lang in ("en", "id")} if to_gold is None else set(to_gold.values())
    lonely = gold_articles - in_gold
    linked = {x for e, i, _ in predicted for x in (e, i)}
    return {
        "set": name,
        "en": sum(a.lang == "en" for a in articles),
        "id": sum(a.lang == "id" for a in articles),
        "gold_pairs": len(gold),
        "predicted": len(predicted),
        "precision": len(correct) / len(predicted) if predicted else 1.0,
        "recall": len({(e, i) for e, i, _ in correct}) / len(gold) if gold else 1.0,
        "unpaired": len(lonely),
        "unpaired_left_unpaired": len(lonely - linked),
        "min_score_correct": min((score for *_, score in correct), default=None),
        "max_score_wrong": max((score for e, i, score in predicted if (e, i) not in gold), default=None),
        "seconds": seconds,
    }


def segmented(folder: Path, gold_articles: list[Article]) -> tuple[list[Article], dict[str, str]]:
    """The segmenter's articles of every file the gold articles come from, and each one's gold article
    (the one in the same file whose line span it overlaps most)."""
    from align.segment import segment_text

    articles, to_gold = [], {}
    for name in sorted({a.file for a in gold_articles}):
        found = segment_text((folder / name).read_text(encoding="utf-8"), name).articles
        in_file = [g for g in gold_articles if g.file == name]
        for article in found:
            overlaps = [(_overlap(article, g), g.id) for g in in_file]
            best = max(overlaps, default=(-1, None))
            if best[0] >= 0:
                to_gold[article.id] = best[1]
        articles += found
    return articles, to_gold


def _overlap(a: Article, b: Article) -> int:
    return min(a.line_end, b.line_end) - max(a.line_start, b.line_start)


def quality(shared: Path, with_segmenter: bool) -> list[dict]:
    """P/R on eval-dev, each seedstyle-dev style, harder variants of eval-dev and synthetic corpora of
    close copies; with ``with_segmenter`` also end to end on the segmenter's articles."""
    data = shared / "data"
    eval_articles, eval_gold = load_eval_dev(data / "eval-dev")
    sets = [("eval-dev", data / "eval-dev", eval_articles, eval_gold)]
    sets += [(f"seedstyle-dev {style}", data / "seedstyle-dev", *pair)
             for style, pair in load_seedstyle(data / "seedstyle-dev").items()]  # fmt: skip
    runs = [(name, articles, gold) for name, _, articles, gold in sets]
    for seed in (1, 2):
        variants = {
            "50% dropped": drop_partners(eval_articles, eval_gold, 0.5, seed),
            "disjoint halves": disjoint_halves(eval_articles, eval_gold, seed),
            "+ 30 earlier versions per side": add_updates(eval_articles, eval_gold, 30, seed),
        }
        runs += [(f"eval-dev, {label} (seed {seed})", *variant) for label, variant in variants.items()]
    rows = [score_pairing(name, articles, gold, embed_articles(articles)) for name, articles, gold in runs]
    eval_vectors = embed_articles(eval_articles)
    for spread in (0.2, 0.1):
        articles, vectors, gold = synthesise(eval_articles, eval_gold, eval_vectors, 2000, spread=spread)
        rows.append(score_pairing(f"synthetic 2000 x 2000, close copies (spread {spread})", articles, gold, vectors))
    if with_segmenter:
        for name, folder, gold_articles, gold in sets:
            articles, to_gold = segmented(folder, gold_articles)
            rows.append(score_pairing(f"{name} (segmenter articles)", articles, gold, embed_articles(articles),
                                      to_gold=to_gold))  # fmt: skip
    return rows


def scaling(shared: Path, sizes: list[int]) -> list[dict]:
    """Time and memory of pairing synthetic corpora, each size in a fresh process (clean peak memory)."""
    rows = []
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--shared", str(shared), "--scale-worker", str(size)],
            capture_output=True, text=True,
        )  # fmt: skip
        if out.returncode != 0:
            raise SystemExit(f"pairing at {size} articles failed: {(out.stderr.strip().splitlines() or ['?'])[-1]}")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def scale_worker(shared: Path, size: int) -> dict:
    articles, gold = load_eval_dev(shared / "data" / "eval-dev")
    synthetic, vectors, synthetic_gold = synthesise(articles, gold, embed_articles(articles), size)
    before = rss_mb("VmRSS")
    reset_peak()  # the peak of pairing alone, not of synthesis
    config = PairConfig()
    row = score_pairing(f"synthetic {size} x {size}", synthetic, synthetic_gold, vectors, config)
    row["sentence_vectors_mb"] = sum(v.nbytes for v in vectors.values()) / 2**20
    row["rss_before_mb"] = before
    row["peak_rss_mb"] = rss_mb("VmHWM")
    row["pairing_extra_mb"] = row["peak_rss_mb"] - before
    return row


def render(quality_rows: list[dict], scaling_rows: list[dict], config: PairConfig) -> str:
    lines = [
        "# Document pairing benchmark",
        "",
        "Articles from the gold spans; eval-dev variants with many partners removed, none present, or",
        "untranslated earlier versions added; and (rows marked so) the segmenter's articles, mapped to",
        "gold by line overlap. Sentences embedded by the bundled model. Scaling corpora are perturbed",
        "copies of eval-dev (see benchmarks/pairing.py); pairing step only, embeddings given.",
        "",
        "| set | EN | ID | gold pairs | predicted | precision | recall | unpaired left unpaired |"
        " min score (correct) | max score (wrong) | seconds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in quality_rows + scaling_rows:
        lines.append(
            f"| {r['set']} | {r['en']} | {r['id']} | {r['gold_pairs']} | {r['predicted']} | {r['precision']:.4f} "
            f"| {r['recall']:.4f} | {r['unpaired_left_unpaired']}/{r['unpaired']} | {_fmt(r['min_score_correct'])} "
            f"| {_fmt(r['max_score_wrong'])} | {r['seconds']:.1f} |"
        )
    lines += [
        "",
        "| scaling | pairing seconds | sentence vectors (MiB) | RSS before pairing (MiB) | peak RSS (MiB) "
        "| added by pairing (MiB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in scaling_rows:
        lines.append(
            f"| {r['set']} | {r['seconds']:.1f} | {r['sentence_vectors_mb']:.0f} | {r['rss_before_mb']:.0f} "
            f"| {r['peak_rss_mb']:.0f} | {r['pairing_extra_mb']:.0f} |"
        )
    lines += ["", f"Machine: {_machine()}. Config: `{json.dumps(config.to_json())}`", ""]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _machine() -> str:
    import os
    import platform

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sizes", default="1000,10000", help="articles per side of the scaling runs")
    parser.add_argument("--out", type=Path, default=REPO / "outputs" / "benchmarks")
    parser.add_argument("--gold-only", action="store_true", help="skip the runs on the segmenter's articles")
    parser.add_argument("--scale-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.shared / "data" / "eval-dev").is_dir():
        raise SystemExit(f"{args.shared / 'data' / 'eval-dev'}: absent (the dev sets live in ../shared/data beside a checkout)")
    if args.scale_worker:
        print(json.dumps(scale_worker(args.shared, args.scale_worker)))
        return
    quality_rows = quality(args.shared, not args.gold_only)
    scaling_rows = scaling(args.shared, [int(x) for x in args.sizes.split(",") if x])
    table = render(quality_rows, scaling_rows, PairConfig())
    with atomic_open(args.out / "pairing.md") as handle:
        handle.write(table)
    with atomic_open(args.out / "pairing.json") as handle:
        report = {"quality": quality_rows, "scaling": scaling_rows, "config": PairConfig().to_json()}
        json.dump(report, handle, indent=2)
    print(table)


if __name__ == "__main__":
    main()
