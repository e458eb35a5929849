"""Score the segmenter: article boundaries, language, sentence boundaries, boilerplate, speed.

Usage: ``python benchmarks/segment.py [FOLDER_WITH_gold.jsonl ...] [--end-to-end] [--no-zoo]
[--layouts NAME ...] [--test-layouts]`` (default: ../shared/data/seedstyle-dev, segmented as the
pipeline does: every file, then the run-level pass over each subfolder). Also scored when present:
../shared/data/eval-dev
(boundary recall/precision on the dumps the pipeline runs on), ../shared/data/sentsplit-dev
(hand-marked sentences), the raw seeds (articles found, time per file) and the layout zoo
(benchmarks/layouts, rendered into outputs/layouts; see ``score_layout``; ``--end-to-end`` also runs
the pipeline on each layout and checks the exported pairs). Writes outputs/benchmarks/segment.md
and segment.json.

Scoring rules:

* Boundaries: a predicted article start is right when it equals a gold ``line_start`` of the same
  file (eval-dev: the title line, one after the gold date line). Precision/recall/F1 pooled.
* Language: each gold article against the predicted article overlapping it most (none = wrong).
* Sentence boundaries are scored inside each gold content line, where the gold segments of that line
  meet. Recall: gold boundaries found. Strict precision: predicted boundaries that are gold ones.
  Lenient precision (the one reported as F1): a predicted boundary inside a gold segment also counts
  as right when it is an orthographic sentence end that a naive splitter would cut too - sentence
  punctuation, optional closing quotes, a space, then a capital, digit or opening quote - because a
  gold segment is a translation unit that may hold two sentences (see the data READMEs).
* Leaked boilerplate: gold ``noise_lines`` and non-blank lines outside every gold span that end up
  as paragraphs of a predicted article. Lost content: gold paragraph lines in no predicted article.
"""

from __future__ import annotations

import bisect
import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from align.atomic import atomic_open  # noqa: E402
from align.html import lxml_text  # noqa: E402
from align.inputs import HTML_SUFFIXES, load_dump  # noqa: E402
from align.segment import SegmentResult, drop_repeated_sentences, segment_text  # noqa: E402
from align.segment.sentences import split_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "outputs" / "benchmarks"
_NAIVE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_NAIVE_START = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _line_offsets(text: str) -> list[int]:
    offsets, pos = [], 0
    for line in text.split("\n"):
        offsets.append(pos)
        pos += len(line) + 1
    return offsets


def score_gold_folder(folder: Path) -> dict:
    gold_by_file: dict[str, list[dict]] = defaultdict(list)
    for raw in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if raw.strip():
            record = json.loads(raw)
            gold_by_file[record["file"]].append(record)
    starts = Counter()
    lang_right = lang_total = title_right = 0
    sent = {lang: Counter() for lang in ("en", "id")}
    leaks: Counter = Counter()
    lost = content_total = 0
    seconds = 0.0
    n_bytes = 0
    examples: dict[str, list] = defaultdict(list)
    # Segmented as the pipeline does: every file, then the run-level pass over each run (one run per
    # subfolder: a style of the set).
    found: dict[str, list] = defaultdict(list)
    furniture: dict[str, set] = defaultdict(set)
    for name in sorted(gold_by_file):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        n_bytes += len(text.encode("utf-8"))
        t0 = time.perf_counter()
        result = segment_text(text, str(path))
        seconds += time.perf_counter() - t0
        found[str(Path(name).parent)].extend(result.articles)
        furniture[str(Path(name).parent)] |= result.furniture
    by_file: dict[str, list] = defaultdict(list)
    for run, articles in found.items():
        t0 = time.perf_counter()
        kept, _removed, _examples = drop_repeated_sentences(articles, None, furniture[run])
        seconds += time.perf_counter() - t0
        for article in kept:
            by_file[article.file].append(article)
    for name, golds in sorted(gold_by_file.items()):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        offsets = _line_offsets(text)
        pred = by_file[str(path)]
        pred_lines = []
        for art in pred:
            pred_lines.append({bisect.bisect_right(offsets, s.start) - 1 for s in art.sentences})
        gold_starts = {g["line_start"] for g in golds}
        pred_starts = {a.line_start for a in pred}
        starts["tp"] += len(gold_starts & pred_starts)
        starts["pred"] += len(pred_starts)
        starts["gold"] += len(gold_starts)
        for miss in sorted(gold_starts - pred_starts)[:3]:
            examples["missed_start"].append(f"{name}:{miss} {lines[miss][:70]}")
        for extra in sorted(pred_starts - gold_starts)[:3]:
            examples["false_start"].append(f"{name}:{extra} {lines[extra][:70]}")
        in_article = set().union(*pred_lines) if pred_lines else set()
        inside_spans = set()
        for g in golds:
            inside_spans.update(range(g["line_start"], g["line_end"] + 1))
            span = set(range(g["line_start"], g["line_end"] + 1))
            best = max(range(len(pred)), key=lambda k: len(pred_lines[k] & span), default=None)
            lang_total += 1
            if best is not None and pred_lines[best] & span and pred[best].title == g["title"]:
                title_right += 1
            elif len(examples["title"]) < 5:
                examples["title"].append(f"{name}:{g['line_start']} gold {g['title'][:60]}")
            if best is not None and pred_lines[best] & span and pred[best].lang == g["lang"]:
                lang_right += 1
            elif len(examples["lang"]) < 5:
                examples["lang"].append(f"{name}:{g['line_start']} gold {g['lang']}")
            for line_no, kind in g["noise_lines"]:
                if line_no in in_article:
                    leaks[kind] += 1
                    if len(examples["leak"]) < 8:
                        examples["leak"].append(f"{name}:{line_no} {kind} {lines[line_no][:60]}")
            paragraph_lines = {p[0] for p in g["paragraphs"]}
            content_total += len(paragraph_lines)
            lost += len(paragraph_lines - in_article)
            _score_sentences(g, text, offsets, pred, sent[g["lang"]], examples)
        for line_no in in_article - inside_spans:
            if lines[line_no].strip():
                leaks["outside_span"] += 1
                if len(examples["leak"]) < 8:
                    examples["leak"].append(f"{name}:{line_no} outside {lines[line_no][:60]}")
    result = {
        "folder": str(folder),
        "files": len(gold_by_file),
        "boundary": prf(starts["tp"], starts["pred"], starts["gold"]),
        "language_accuracy": round(lang_right / lang_total, 4) if lang_total else None,
        "title_accuracy": round(title_right / lang_total, 4) if lang_total else None,
        "articles": lang_total,
        "leaked_noise_lines": sum(leaks.values()),
        "leaked_by_kind": dict(leaks),
        "lost_content_lines": lost,
        "content_lines": content_total,
        "seconds": round(seconds, 3),
        "mb_per_s": round(n_bytes / 1e6 / seconds, 2) if seconds else None,
        "examples": {k: v[:8] for k, v in examples.items()},
    }
    for lang, c in sent.items():
        strict = prf(c["tp"], c["pred"], c["gold"])
        lenient_p = (c["tp"] + c["extra_ok"]) / c["pred"] if c["pred"] else 1.0
        r = strict["r"]
        lenient = {**strict, "p": round(lenient_p, 4),
                   "f1": round(2 * lenient_p * r / (lenient_p + r) if lenient_p + r else 0.0, 4)}
        result[f"sentences_{lang}"] = {"strict": strict, "lenient": lenient,
                                       "extra_ok": c["extra_ok"]}
    return result


def _score_sentences(g: dict, text: str, offsets: list[int], pred, counter: Counter, examples) -> None:
    by_line: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for line_no, start, end in g["sentence_spans"]:
        by_line[line_no].append((start, end))
    for line_no, spans in by_line.items():
        spans.sort()
        base = offsets[line_no]
        gold_bounds = {base + end for _start, end in spans[:-1]}
        lo, hi = base + spans[0][0], base + spans[-1][1]
        predicted = sorted(s.end for art in pred for s in art.sentences if lo <= s.start < hi)
        pred_bounds = set(predicted[:-1]) if predicted else set()
        counter["gold"] += len(gold_bounds)
        counter["pred"] += len(pred_bounds)
        counter["tp"] += len(gold_bounds & pred_bounds)
        for b in pred_bounds - gold_bounds:
            before, after = text[lo:b], text[b:hi].lstrip()
            if _NAIVE_END.search(before) and _NAIVE_START.match(after):
                counter["extra_ok"] += 1
            elif len(examples["sentence_extra"]) < 8:
                examples["sentence_extra"].append(f"{g['file']}: ...{text[b - 40:b]}|{text[b:b + 25]}")
        for b in gold_bounds - pred_bounds:
            if len(examples["sentence_missed"]) < 8:
                examples["sentence_missed"].append(f"{g['file']}: ...{text[b - 40:b]}|{text[b:b + 25]}")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def score_layout(folder: Path, reader=None) -> dict:
    """Zoo scores of one rendered layout, from text alone (so saved HTML pages score the same way).

    Each predicted article is matched to the gold article of its file holding most of its sentence
    text. Boundary: a predicted article whose title is its gold article's title (sentence 0) is a
    right start. Leakage: predicted sentences that are not text of the matched gold article.
    Coverage: characters of gold sentences found in the gold article's best predicted article.
    ``reader`` turns a file into text (default: the pipeline's ``load_dump``).
    """
    reader = reader or (lambda path: load_dump(path)[0])
    gold_by_file: dict[str, list[dict]] = defaultdict(list)
    for raw in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        gold_by_file[record["file"]].append(record)
    c = Counter()
    examples: dict[str, list] = defaultdict(list)
    found = []
    furniture: set[str] = set()
    t0 = time.perf_counter()
    for name in sorted(gold_by_file):
        result = segment_text(reader(folder / name), name)
        found.extend(result.articles)
        furniture |= result.furniture
    found, _removed, _examples = drop_repeated_sentences(found, None, furniture)  # the run-level pass
    seconds = time.perf_counter() - t0
    by_file: dict[str, list] = defaultdict(list)
    for art in found:
        by_file[art.file].append(art)
    for name, golds in sorted(gold_by_file.items()):
        result = SegmentResult(by_file[name])
        gold_texts = [_norm(" ".join(g["sentences"])) for g in golds]
        best_pred: dict[int, tuple[int, int]] = {}
        right_starts = set()
        for k, art in enumerate(result.articles):
            sents = [_norm(s.text) for s in art.sentences]
            chars = [sum(len(s) for s in sents if s in gt) for gt in gold_texts]
            g = max(range(len(golds)), key=chars.__getitem__)
            if not chars[g]:
                g = -1
            for s in sents:
                c["sentences"] += 1
                if g < 0 or s not in gold_texts[g]:
                    c["leaked"] += 1
                    if len(examples["leak"]) < 12:
                        examples["leak"].append(f"{name}: {s[:90]}")
            if g >= 0:
                if chars[g] > best_pred.get(g, (0, -1))[0]:
                    best_pred[g] = (chars[g], k)
                if _norm(art.title) == _norm(golds[g]["title"]):
                    right_starts.add(g)
                elif len(examples["false_start"]) < 12:
                    examples["false_start"].append(f"{name}: {art.title[:90]}")
            elif len(examples["false_start"]) < 12:
                examples["false_start"].append(f"{name}: {art.title[:90]}")
        c["pred"] += len(result.articles)
        c["gold"] += len(golds)
        c["tp"] += len(right_starts)
        for g, record in enumerate(golds):
            if g not in best_pred:
                c["gold_chars"] += sum(len(_norm(s)) for s in record["sentences"])
                if len(examples["missed"]) < 12:
                    examples["missed"].append(f"{name}: {record['title'][:90]}")
                continue
            art = result.articles[best_pred[g][1]]
            c["lang_right"] += art.lang == record["lang"]
            joined = _norm(" ".join(s.text for s in art.sentences))
            for s in record["sentences"]:
                n = len(_norm(s))
                c["gold_chars"] += n
                if _norm(s) in joined:
                    c["covered"] += n
                elif len(examples["lost"]) < 12:
                    examples["lost"].append(f"{name}: {s[:90]}")
    return {"folder": str(folder), "files": len(gold_by_file), "articles": c["gold"], "seconds": round(seconds, 2),
            "boundary": prf(c["tp"], c["pred"], c["gold"]),
            "language_accuracy": round(c["lang_right"] / c["gold"], 4) if c["gold"] else None,
            "leakage": round(c["leaked"] / c["sentences"], 4) if c["sentences"] else 0.0,
            "coverage": round(c["covered"] / c["gold_chars"], 4) if c["gold_chars"] else 1.0,
            "examples": {k: v for k, v in examples.items()}}


def _lxml_reader(path: Path) -> str:
    """The plain lxml text dump of a saved page (the fallback extractor), for comparison."""
    return lxml_text(path.read_bytes()) if path.suffix.lower() in HTML_SUFFIXES else load_dump(path)[0]


def score_end_to_end(folder: Path, workdir: Path) -> dict:
    """Run the whole pipeline (bundled model) on a rendered layout and check the exported pairs.

    A pair is furniture-free when each side is text of a gold article of its language, aligned when
    both sides are text of the same document's two versions.
    """
    from align.config import Config, override
    from align.pipeline import run

    gold: dict[str, dict[str, str]] = defaultdict(dict)
    for raw in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        gold[record["lang"]][record["key"]] = _norm(" ".join(record["sentences"]))
    run([folder], workdir, override(Config(quiet=True), {"export.created": "2025-01-31T00:00:00Z"}))
    en = (workdir / "corpus.en").read_text(encoding="utf-8").splitlines()
    ind = (workdir / "corpus.id").read_text(encoding="utf-8").splitlines()
    clean = aligned = 0
    for e, i in zip(en, ind):
        e_keys = {k for k, t in gold["en"].items() if _norm(e) in t}
        i_keys = {k for k, t in gold["id"].items() if _norm(i) in t}
        clean += bool(e_keys and i_keys)
        aligned += bool(e_keys & i_keys)
    n = len(en)
    return {"pairs": n, "furniture_free": round(clean / n, 4) if n else None,
            "same_document": round(aligned / n, 4) if n else None}


def score_zoo(out: Path, shared: Path, end_to_end: bool, only: list[str] | None = None,
              test: bool = False) -> dict:
    """Render every zoo layout (or those in ``only``; ``test``: the TEST layouts instead) into ``out``
    and score it; the html layout also with the lxml fallback."""
    from benchmarks.layouts import ALL, DEV, FIRST_LOOK, TEST, TEST10, TEST13, TUNE, VARIANTS, render

    results = {}
    for name in only or ({**TEST, **TEST10, **TEST13} if test else ALL):
        folder = render(name, shared, out)
        group = ("test" if name in TEST else "test10" if name in TEST10 else "test13" if name in TEST13
                 else "dev" if name in DEV
                 else "first-look" if name in FIRST_LOOK else "tune" if name in TUNE
                 else "variants (tuned)" if name in VARIANTS else "unseen")
        results[name] = {"group": group, **score_layout(folder)}
        if name == "html":
            results["html (lxml text)"] = {"group": group, **score_layout(folder, _lxml_reader)}
        if end_to_end:
            results[name]["end_to_end"] = score_end_to_end(folder, out / "runs" / name)
    return results


def score_eval_dev(folder: Path) -> dict:
    out = {}
    total = Counter()
    for lang in ("en", "id"):
        text = (folder / f"dump.{lang}.txt").read_text(encoding="utf-8")
        gold = set()
        gold_ends = set()
        for raw in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(raw)
            if record.get(lang):
                gold.add(record[lang]["line_start"])  # 1-based date line = 0-based title line
                gold_ends.update(end for _start, end in record[lang]["sent_spans"])
        t0 = time.perf_counter()
        result = segment_text(text, str(folder / f"dump.{lang}.txt"))
        seconds = time.perf_counter() - t0
        pred = {a.line_start for a in result.articles}
        langs = Counter(a.lang for a in result.articles)
        pred_ends = {s.end for a in result.articles for s in a.sentences}
        out[lang] = prf(len(gold & pred), len(pred), len(gold)) | {
            "seconds": round(seconds, 3), "article_langs": dict(langs),
            "sentence_ends": prf(len(gold_ends & pred_ends), len(pred_ends), len(gold_ends))}
        total.update(tp=len(gold & pred), pred=len(pred), gold=len(gold))
    out["all"] = prf(total["tp"], total["pred"], total["gold"])
    return out


def score_sentsplit(folder: Path) -> dict:
    out = {}
    for path in sorted(folder.glob("*_gold*.txt")):
        lang = path.name.split("_")[0]
        tp = n_pred = n_gold = exact = total = 0
        for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
            gold = [s for s in block.split("\n") if s.strip()]
            doc = " ".join(gold)
            spans = split_sentences(doc, lang)
            pred = [doc[a:b] for a, b in spans]
            ends_gold, pos = set(), 0
            for s in gold[:-1]:
                pos += len(s)
                ends_gold.add(pos)
                pos += 1
            ends_pred = {b for _a, b in spans[:-1]}
            tp += len(ends_gold & ends_pred)
            n_pred += len(ends_pred)
            n_gold += len(ends_gold)
            exact += len(set(pred) & set(gold))
            total += len(gold)
        out[path.name] = prf(tp, n_pred, n_gold) | {"sentences_exact": f"{exact}/{total}"}
    return out


def score_seeds(folder: Path) -> dict:
    out = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        result = segment_text(text, str(path))
        seconds = time.perf_counter() - t0
        out[path.name] = {
            "articles": [f"{a.lang} L{a.line_start}-{a.line_end} {a.title[:60]}" for a in result.articles],
            "removed": dict(result.removed),
            "ms": round(seconds * 1000, 1),
        }
    return out


def markdown(results: dict) -> str:
    rows = ["# Segmenter benchmark", "",
            "Sentence F1 uses lenient precision (extra splits inside a gold segment count as right when"
            " a naive splitter would cut there too); strict precision in parentheses.", "",
            "| set | files | articles | boundary P / R / F1 | language acc. | title acc. |"
            " sentence F1 en (strict P) | sentence F1 id (strict P) | leaked noise lines |"
            " lost content lines | MB/s |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, r in results["gold_sets"].items():
        b = r["boundary"]
        en, ind = r["sentences_en"], r["sentences_id"]
        rows.append(
            f"| {name} | {r['files']} | {r['articles']} | {b['p']:.4f} / {b['r']:.4f} / {b['f1']:.4f} |"
            f" {r['language_accuracy']:.4f} | {r['title_accuracy']:.4f} |"
            f" {en['lenient']['f1']:.4f} ({en['strict']['p']:.4f}) |"
            f" {ind['lenient']['f1']:.4f} ({ind['strict']['p']:.4f}) | {r['leaked_noise_lines']} |"
            f" {r['lost_content_lines']} / {r['content_lines']} | {r['mb_per_s']} |")
    if "zoo" in results:
        rows += ["", "## Layout zoo (rendered from eval-dev documents; leakage = share of output sentences that"
                 " are not text of their gold article; coverage = share of gold sentence characters kept)", "",
                 "| layout | group | files | articles | boundary P / R / F1 | language acc. | leakage |"
                 " coverage | pairs furniture-free / same document |",
                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for name, r in results["zoo"].items():
            b, e2e = r["boundary"], r.get("end_to_end")
            pairs = f"{e2e['furniture_free']} / {e2e['same_document']} ({e2e['pairs']})" if e2e else "-"
            rows.append(f"| {name} | {r['group']} | {r['files']} | {r['articles']} |"
                        f" {b['p']:.4f} / {b['r']:.4f} / {b['f1']:.4f} | {r['language_accuracy']:.4f} |"
                        f" {r['leakage']:.4f} | {r['coverage']:.4f} | {pairs} |")
    if "eval_dev" in results:
        rows += ["", "## eval-dev dumps (article starts = title lines; sentence ends = gold segment ends,"
                 " strict: a segment holding two sentences counts one false positive)", "",
                 "| dump | article P | R | F1 | sentence-end R | strict P | seconds |",
                 "| --- | --- | --- | --- | --- | --- | --- |"]
        for lang in ("en", "id"):
            e = results["eval_dev"][lang]
            se = e["sentence_ends"]
            rows.append(f"| {lang} | {e['p']:.4f} | {e['r']:.4f} | {e['f1']:.4f} | {se['r']:.4f} |"
                        f" {se['p']:.4f} | {e['seconds']} |")
    if "sentsplit" in results:
        rows += ["", "## sentsplit-dev (hand-marked sentences)", "",
                 "| file | boundary P | R | F1 | sentences exact |", "| --- | --- | --- | --- | --- |"]
        for name, s in results["sentsplit"].items():
            rows.append(f"| {name} | {s['p']:.4f} | {s['r']:.4f} | {s['f1']:.4f} | {s['sentences_exact']} |")
    if "seeds" in results:
        rows += ["", "## seeds", "", "| file | ms | articles | removed lines |", "| --- | --- | --- | --- |"]
        for name, s in results["seeds"].items():
            removed = ", ".join(f"{k} {v}" for k, v in sorted(s["removed"].items()))
            rows.append(f"| {name} | {s['ms']} | {len(s['articles'])} | {removed} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders holding a gold.jsonl (default: seedstyle-dev)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-zoo", action="store_true", help="skip the layout zoo")
    parser.add_argument("--layouts", nargs="+", metavar="NAME", help="score only these zoo layouts")
    parser.add_argument("--end-to-end", action="store_true",
                        help="also run the whole pipeline (bundled model) on every zoo layout")
    parser.add_argument("--test-layouts", action="store_true",
                        help="also score the test layouts (benchmarks/layouts/heldout7.py, heldout10.py, heldout13.py;"
                             " never tune on them; --layouts with their names scores only those)")
    args = parser.parse_args(argv)
    shared = args.shared
    folders = args.folders or [shared / "data" / "seedstyle-dev"]
    results: dict = {"gold_sets": {}}
    for folder in folders:
        if (folder / "gold.jsonl").exists():
            results["gold_sets"][folder.name] = score_gold_folder(folder)
        else:
            print(f"{folder}: no gold.jsonl, skipped", file=sys.stderr)
    if not args.no_zoo and (shared / "data" / "eval-dev" / "docs.jsonl").exists():
        results["zoo"] = score_zoo(ROOT / "outputs" / "layouts", shared, args.end_to_end, args.layouts)
    if args.test_layouts and (shared / "data" / "eval-dev" / "docs.jsonl").exists():
        results.setdefault("zoo", {}).update(score_zoo(ROOT / "outputs" / "layouts", shared, args.end_to_end,
                                                       test=True))
    if (shared / "data" / "eval-dev" / "pairs.jsonl").exists():
        results["eval_dev"] = score_eval_dev(shared / "data" / "eval-dev")
    if (shared / "data" / "sentsplit-dev").exists():
        results["sentsplit"] = score_sentsplit(shared / "data" / "sentsplit-dev")
    if (shared / "seeds").exists():
        results["seeds"] = score_seeds(shared / "seeds")
    table = markdown(results)
    with atomic_open(OUT / "segment.json") as handle:
        json.dump(results, handle, indent=1, ensure_ascii=False)
    with atomic_open(OUT / "segment.md") as handle:
        handle.write(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
