"""The run report: Markdown and self-contained HTML, checked in a real headless Chromium."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from align.config import Config, override
from align.report import figures, write_reports
from align.result import PairAlignment, RunResult
from align.records import Article, Bead, DocPair, Sentence
from benchmarks import run_all

EN = [
    "Floods close roads in Jakarta",
    "Heavy rain flooded several districts of Jakarta on Monday.",
    "The city closed twelve roads and moved buses to other routes.",
    "Officials expect the water to recede by Wednesday.",
]
ID = [
    "Banjir menutup jalan di Jakarta",
    "Hujan deras membanjiri beberapa kecamatan di Jakarta pada hari Senin.",
    "Pemerintah kota menutup dua belas jalan dan memindahkan bus ke rute lain.",
    "Pejabat memperkirakan air akan surut pada hari Rabu.",
    "Warga diminta tetap waspada.",
]


def _article(id_: str, lang: str, texts: list[str], file: str) -> Article:
    sentences, pos = [], 0
    for k, text in enumerate(texts):
        sentences.append(Sentence(text, pos, pos + len(text), 0 if k == 0 else 1))
        pos += len(text) + 1
    return Article(id_, file, lang, texts[0], 0, len(texts), [texts[0], " ".join(texts[1:])], sentences)


@pytest.fixture()
def run_result(tmp_path) -> RunResult:
    en = _article("news.en:0", "en", EN, "news.en.txt")
    ind = _article("news.id:0", "id", ID, "news.id.txt")
    lonely = _article("news.en:1", "en", ["Markets rise <again> & again", "Shares rose for a third day."], "news.en.txt")
    other = _article("news.en:2", "fr", ["Les marchés montent", "Les actions ont monté."], "news.en.txt")
    pair = DocPair(en.id, ind.id, 0.87, {"margin": 0.12})
    beads = [Bead((0,), (0,), 0.95), Bead((1,), (1,), 0.91), Bead((2,), (2,), 0.42), Bead((3,), (3,), 0.61),
             Bead((), (4,), 0.88)]
    return RunResult(
        config=override(Config(), {"export.min_score": 0.5}), outdir=tmp_path, inputs={"news.en.txt": "ab" * 32, "news.id.txt": "cd" * 32},
        articles=[en, ind, lonely, other], pairs=[pair], alignments=[PairAlignment(pair, beads)],
        removed_lines=Counter({"navigation": 7, "copyright": 2}), skipped_files={"broken.txt": "binary data"},
        removed_examples={"navigation": ["Home | News | Sport", "Next page >>"]}, run_id="0123abcd",
        filter_drops=Counter({"min_score": 1}), segments_written=3,
        timings={"segment": 0.2, "embed": 1.5, "pair": 0.1, "align": 0.3, "total": 2.25}, sentences_embedded=9,
        outputs=["corpus.tmx", "corpus.tsv", "report.md", "report.html", "manifest.json"],
    )


def test_write_reports_writes_both_files(run_result, tmp_path):
    written = write_reports(run_result, tmp_path / "out")
    assert [Path(p).name for p in written] == ["report.md", "report.html"]
    assert all(Path(p).is_file() for p in written)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_markdown_report_holds_counts_review_and_signature(run_result, tmp_path):
    write_reports(run_result, tmp_path)
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| pair | document pairs | 1 |" in text
    assert "| pair | unpaired 'en' articles | 1 |" in text
    assert "| pair | articles in other languages (not aligned) | 1 |" in text
    assert "| align | unmatched sentences (1-0 / 0-1 beads) | 1 |" in text
    assert "| 0-1 | 1 | 0.2000 |" in text
    assert "| min_score | 1 |" in text
    assert "| navigation | 7 | Home \\| News \\| Sport · Next page >> |" in text
    # the weakest bead comes first, English and Indonesian side by side
    beads = text.split("## Lowest-scoring beads")[1]
    first = beads.split("\n")[4]
    assert first.startswith("| 0.4200 | 1-1 | The city closed twelve roads") and "dua belas jalan" in first
    assert override(Config(), {"export.min_score": 0.5}).signature() in text
    assert "ab" * 32 in text


def test_report_lists_unpaired_unmatched_outputs_and_one_total(run_result, tmp_path):
    """What a user checks first: unpaired articles with titles per language, which sentences stayed
    unmatched (with what their score means), every output including the reports and the manifest,
    the run id, and the same total time the command line prints."""
    write_reports(run_result, tmp_path)
    for text in ((tmp_path / "report.md").read_text(encoding="utf-8"),
                 (tmp_path / "report.html").read_text(encoding="utf-8")):
        unpaired = text.split("Unpaired articles")[1].split("Unmatched sentences")[0]
        assert "news.en:1" in unpaired and "Markets rise" in unpaired and "news.en:0" not in unpaired
        unmatched = text.split("Unmatched sentences")[1].split("Timings")[0]
        assert "Warga diminta tetap waspada." in unmatched and "news.id:0 #4" in unmatched
        assert "no counterpart" in unmatched  # what a 1-0/0-1 score means
        for name in ("report.md", "report.html", "manifest.json"):
            assert name in text.split("Outputs")[-1]
        assert "0123abcd" in text
        timings = text.split("Timings")[1]
        assert "2.25" in timings and timings.count("total") == 1


def test_html_report_is_self_contained(run_result, tmp_path):
    write_reports(run_result, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    assert page.count('<img src="data:image/svg+xml;base64,') == 3
    unpaired = page.split("<h2>Unpaired articles</h2>")[1].split("<h2>")[0]
    assert "<td>Markets rise &lt;again&gt; &amp; again</td>" in unpaired  # escaped, listed as unpaired
    assert "Markets rise" not in page.split("<h2>Lowest-scoring document pairs</h2>")[1].split("<h2>Unpaired")[0]
    assert '<td lang="id" class="text">Pemerintah kota menutup dua belas jalan' in page


# ---- headless Chromium ---------------------------------------------------------------------------

PROBE = """<script>
window.addEventListener('load', () => {
  const imgs = [...document.images].map(i => ({ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth,
                                                 shown: i.getBoundingClientRect().width}));
  const tables = [...document.querySelectorAll('table')].map(t => ({rows: t.rows.length,
                                                                    h: t.getBoundingClientRect().height}));
  const probe = document.createElement('pre');
  probe.id = 'probe';
  probe.textContent = JSON.stringify({imgs, tables});
  document.body.appendChild(probe);
});
</script>"""

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    pytest.skip("chromium is absent (install it with .ci/install-chromium)")


def _browse(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _render(report: Path, tmp_path: Path) -> dict:
    """Load the report (with a probe script added to a copy) and return what the browser laid out."""
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _browse(probed, tmp_path, "--dump-dom", "--virtual-time-budget=5000").stdout
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert match, "the page's load event never fired"
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def _screenshot(report: Path, tmp_path: Path, height: int):
    from matplotlib.image import imread

    shot = tmp_path / "report.png"
    _browse(report, tmp_path, f"--screenshot={shot}", f"--window-size=1280,{height}", "--hide-scrollbars")
    pixels = imread(shot)
    assert pixels.shape[:2] == (height, 1280)
    return pixels


def _bar_pixels(pixels) -> int:
    """Pixels in the solid bar colour of the figures (figures.COLOURS[0], #3b6ea8)."""
    rgb = (0x3B / 255, 0x6E / 255, 0xA8 / 255)
    return int(((abs(pixels[..., 0] - rgb[0]) < 0.03) & (abs(pixels[..., 1] - rgb[1]) < 0.03)
                & (abs(pixels[..., 2] - rgb[2]) < 0.03)).sum())


def test_html_report_renders_in_headless_chromium(run_result, tmp_path):
    write_reports(run_result, tmp_path)
    state = _render(tmp_path / "report.html", tmp_path)
    assert len(state["imgs"]) == 3
    assert all(img["ok"] and img["w"] >= 300 and img["shown"] > 100 for img in state["imgs"]), state["imgs"]
    assert len(state["tables"]) >= 8
    assert all(t["rows"] >= 2 and t["h"] > 10 for t in state["tables"]), state["tables"]
    # the time-per-stage bars are on screen, not only white page and text
    assert _bar_pixels(_screenshot(tmp_path / "report.html", tmp_path, 2400)) > 500


def test_sample_run_report_renders_in_headless_chromium(sample_run, tmp_path):
    """`align run corpora/sample` (the real pipeline and model) leaves a report that renders offline."""
    _chromium()
    result = sample_run
    report = result.outdir / "report.html"
    assert "report.html" in result.outputs and report.is_file()
    state = _render(report, tmp_path)
    assert len(state["imgs"]) == 3 and all(img["ok"] for img in state["imgs"]), state["imgs"]
    assert all(t["rows"] >= 2 and t["h"] > 10 for t in state["tables"]), state["tables"]
    page = report.read_text(encoding="utf-8")
    assert f"<td>document pairs</td><td class=\"num\">{len(result.pairs)}</td>" in page
    assert _bar_pixels(_screenshot(report, tmp_path, 3000)) > 500


# ---- the combined benchmark report (benchmarks/run_all.py) ----------------------------------------


def test_markdown_tables_become_html_tables():
    page = run_all.markdown_to_html("### Quality\n\nScores of `align` **here**.\n\n| set | F1 |\n| --- | ---: |\n"
                                    "| a\\|b | 0.9 |\n\n- one\n- two\n")
    assert "<h3>Quality</h3>" in page and "<code>align</code>" in page and "<strong>here</strong>" in page
    assert "<thead><tr><th>set</th><th>F1</th></tr></thead>" in page and "<td>a|b</td><td>0.9</td>" in page
    assert "<ul><li>one</li><li>two</li></ul>" in page
    assert run_all.demote("# Title\n## Sub\nnot # a heading") == "### Title\n#### Sub\nnot # a heading"


def test_combined_report_has_tables_plots_and_signature(tmp_path):
    quality = {"signature": "x", "results": {
        "enid-clean": {"align": {"f1_strict": 0.98}, "bertalign": {"f1_strict": 0.97}},
        "enid-hard": {"align": {"f1_strict": 0.90}, "bertalign": {"f1_strict": 0.85}}}}
    speed = {"rows": [{"system": "align", "sentences": n, "seconds": n / 1000, "peak_rss_mb": 100 + n / 100}
                      for n in (1000, 5000, 20000)]}
    runs = [{"name": "quality", "status": "ok", "seconds": 12.0, "log": ""},
            {"name": "speed", "status": "failed (exit 1)", "seconds": 3.0, "log": "Traceback: boom"}]
    sign = run_all.signature(tmp_path)
    md, page = run_all.compose(runs, {"quality": quality, "speed": speed},
                               {"quality": "# Sentence alignment quality\n\n| set | F1 |\n| --- | --- |\n| a | 1 |\n"},
                               None, [], sign)
    assert sign[0][0] == "signature" and sign[0][1].startswith("align:")
    assert f"Signature: `{sign[0][1]}`" in md and "### Sentence alignment quality" in md
    assert "No speed.md (failed (exit 1))." in md and "Traceback: boom" in md
    assert page.count('<img src="data:image/png;base64,') == 3  # F1 per set, speed time, speed memory
    assert "quality: f1_strict per test set and system" in page
    assert "speed: peak memory (MiB) against sentences" in page
    assert "<script" not in page


def test_report_says_what_the_threshold_dropped_and_warns_about_an_uncalibrated_model(run_result, tmp_path):
    from align.export.calibration import calibration_for

    _, note = calibration_for("st:some/other-model")
    run_result.warnings = [note]
    run_result.min_score = 0.5
    write_reports(run_result, tmp_path)
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Warnings" in text and "st:some/other-model" in text.split("## Warnings")[1].split("##")[0]
    filters = text.split("## Segment pairs filtered out, and why")[1].split("##")[0]
    assert "raw bead scores" in filters and "threshold 0.50" in filters and "dropped: 1" in filters


def _svg(chart) -> ET.Element:
    prefix = "data:image/svg+xml;base64,"
    assert chart.data_uri.startswith(prefix)
    return ET.fromstring(base64.b64decode(chart.data_uri[len(prefix):]))


def test_bar_chart_is_well_formed_svg_with_one_bar_per_label_in_proportion():
    chart = figures.bars(["segment", "embed <all> & pair", "align"], [2.0, 8.0, 0.0], "Time per stage", "seconds")
    root = _svg(chart)
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r for r in root.iter(f"{ns}rect") if r.get("fill") == figures.COLOURS[0]]
    widths = [float(r.get("width")) for r in bars]
    assert len(bars) == 3 and widths[2] == 0.0 and widths[1] == pytest.approx(4 * widths[0], rel=1e-3)
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "embed <all> & pair" in texts and "seconds" in texts  # labels escaped, and read back intact
    tops = [float(r.get("y")) for r in bars]
    assert tops == sorted(tops)  # the first label on top
    assert min(float(r.get("x")) for r in bars) > 6.2 * len("embed <all> & pair")  # room for the longest label


def test_histogram_counts_every_value_once_in_a_bar_of_its_series():
    series = {"1-1": [0.91, 0.92, 0.95, 0.99, 0.2], "2-1": [0.5, 0.55]}
    root = _svg(figures.histogram(series, "Bead scores", "bead score", bins=10))
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "1-1 (n=5)" in texts and "2-1 (n=2)" in texts and "count" in texts
    total = {}
    for colour, (name, values) in zip(figures.COLOURS, series.items()):
        rects = [r for r in root.iter(f"{ns}rect") if r.get("fill") == colour]
        total[name] = sum(float(r.get("height")) for r in rects if float(r.get("width")) > 12)  # bars, not the key
    assert total["1-1"] / total["2-1"] == pytest.approx(5 / 2, rel=0.01)  # one y scale, each value counted once
    assert "no data" in [t.text for t in _svg(figures.histogram({"pairs": []}, "x", "y")).iter(f"{ns}text")]
