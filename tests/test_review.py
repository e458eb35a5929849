"""`align review` and `align export` without a browser: decisions replayed, review.jsonl durable across
a killed server, the reviewed export (filters, TMX review props, DTD, translate-toolkit), the server's
guards, and one review of the real sample run."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from align.checkpoint import RunManifest
from align.config import Config
from align.export.config import ExportConfig
from align.export.tmxread import read_tmx, validate_tmx
from align.pipeline import write_jsonl
from align.records import Article, DocPair, Sentence
from align.errors import AlignError
from align.review.export import export_reviewed, load_state
from align.review.log import ReviewLog
from align.review.records import read_run, sides
from align.review.server import Review
from align.review.state import ReviewError, ReviewState
from conftest import CREATED, REPO, assert_one_line_error, run_cli

HOSTILE_EN = '<script>window.__pwned = 1</script> Coffee prices rose 5% in March.'
HOSTILE_ID = '<img src=x onerror="window.__pwned = 2"> Harga kopi naik 5% pada bulan Maret.'

FLOOD = (
    "flood:0", "en", "Floods close schools",
    ["Heavy rain flooded the city on Monday.", "Schools across the city were closed.",
     "Officials said the water would recede by Friday.", "Residents were told to stay indoors.",
     "The mayor visited the shelters.", "She promised more aid."],
    "flood:1", "id", "Banjir tutup sekolah",
    ["Hujan deras membanjiri kota pada hari Senin.", "Sekolah di seluruh kota ditutup.",
     "Pejabat mengatakan air akan surut", "pada hari Jumat.", "Warga diminta tetap di dalam rumah.",
     "Wali kota mengunjungi tempat pengungsian.", "Dia menjanjikan lebih banyak bantuan."],
    # beads: (en, id, score); [2]:[2] is half a sentence, []:[3] its other half; [4,5]:[5,6] is two 1-1s
    [([0], [0], 0.97), ([1], [1], 0.95), ([2], [2], 0.41), ([], [3], 0.30), ([3], [4], 0.93), ([4, 5], [5, 6], 0.62)],
)
COFFEE = (
    "coffee:0", "en", "Coffee exports grow",
    [HOSTILE_EN, "The the ministry said exports grew.", "Farmers expect a good harvest."],
    "coffee:1", "id", "Ekspor kopi tumbuh",
    [HOSTILE_ID, "Kementerian mengatakan ekspor tumbuh.", "Petani memperkirakan panen yang baik."],
    [([0], [0], 0.45), ([1], [1], 0.55), ([2], [2], 0.96)],
)
UNPAIRED = [("cup:0", "en", "Local team wins the cup", ["The local team won the cup on Sunday.", "Fans celebrated in the streets."]),
            ("cup:1", "id", "Tim lokal juara piala", ["Tim lokal memenangkan piala pada hari Minggu.", "Para penggemar merayakan di jalan."])]


def side_names() -> tuple[str, str]:
    """How the run's records name the two sides."""
    return tuple(DocPair("a", "b", 0.0).to_json())[:2]


def _article(article_id: str, lang: str, title: str, sentences: list[str]) -> Article:
    spans, start = [], 0
    for text in sentences:
        spans.append(Sentence(text, start, start + len(text), 1))
        start += len(text) + 1
    return Article(article_id, f"{article_id.split(':')[0]}.txt", lang, title, 0, len(sentences),
                   [title, " ".join(sentences)], spans)


def write_run(folder: Path, min_score: float = 0.5) -> Path:
    """A small run folder written by hand with the project's own writers: two document pairs, one
    unpaired article per language, and manifest.json with ``min_score``."""
    folder.mkdir(parents=True, exist_ok=True)
    articles, pairs, beads = [], [], []
    for src_id, src_lang, src_title, src_sents, tgt_id, tgt_lang, tgt_title, tgt_sents, pair_beads in (FLOOD, COFFEE):
        articles += [_article(src_id, src_lang, src_title, src_sents), _article(tgt_id, tgt_lang, tgt_title, tgt_sents)]
        pairs.append(DocPair(src_id, tgt_id, 0.9, {"doc_cos": 0.9}))
        src_key, tgt_key = side_names()
        beads += [{"pair": [src_id, tgt_id], src_key: s, tgt_key: t, "score": c} for s, t, c in pair_beads]
    articles += [_article(*spec) for spec in UNPAIRED]
    write_jsonl(folder / "articles.jsonl", (a.to_json() for a in articles))
    write_jsonl(folder / "pairs.jsonl", (p.to_json() for p in pairs))
    write_jsonl(folder / "alignments.jsonl", beads)
    RunManifest(folder, Config(export=ExportConfig(min_score=min_score, created=CREATED)), {}, {}).finish([])
    return folder


def bead(pair, src, tgt, verdict, **extra) -> dict:
    return {"verdict": verdict, "pair": list(pair), "src": src, "tgt": tgt, **extra}


FLOOD_PAIR, COFFEE_PAIR = ("flood:0", "flood:1"), ("coffee:0", "coffee:1")


def decide(folder: Path, *decisions: dict) -> ReviewState:
    """Take decisions through the server's own code (no HTTP); the state replayed from review.jsonl."""
    review = Review(folder)
    for decision in decisions:
        assert review.decide(decision)["saved"] is True
    return load_state(folder)


def units_by_text(path: Path) -> dict[str, object]:
    return {unit.segments.get("en", ""): unit for unit in read_tmx(path)}


# -- replaying decisions ----------------------------------------------------------------------------

def test_decisions_replay_into_the_same_beads(tmp_path):
    folder = write_run(tmp_path / "run")
    state = decide(folder,
                   bead(FLOOD_PAIR, [1], [1], "reject"),
                   bead(FLOOD_PAIR, [2], [2], "merge", next={"src": [], "tgt": [3]}),
                   bead(FLOOD_PAIR, [4, 5], [5, 6], "split", into=[{"src": [4], "tgt": [5]}, {"src": [5], "tgt": [6]}]),
                   bead(COFFEE_PAIR, [1], [1], "edit", side="src", text="The ministry said exports grew."),
                   bead(COFFEE_PAIR, [0], [0], "accept"))
    flood = state.pairs[FLOOD_PAIR]
    assert [(b.src, b.tgt) for b in flood.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)),
                                                     ((4,), (5,)), ((5,), (6,))]
    assert flood.beads[1].verdict == "reject"
    assert state.text(flood, flood.beads[2], "tgt") == "Pejabat mengatakan air akan surut pada hari Jumat."
    coffee = state.pairs[COFFEE_PAIR]
    assert state.text(coffee, coffee.beads[1], "src") == "The ministry said exports grew."
    assert [b.review for b in coffee.beads] == ["accept", "edit", ""]
    counts = state.counts()
    assert counts["decisions"] == 5 and counts["rejected"] == 1
    assert counts["reviewed"] == 6 and counts["changed"] == 5  # reject, merge, 2 split parts, edit
    assert counts["beads"] == 9


def test_a_merge_keeps_the_edits_of_its_parts(tmp_path):
    folder = write_run(tmp_path / "run")
    state = decide(folder, bead(FLOOD_PAIR, [], [3], "edit", side="tgt", text="pada hari Jumat pagi."),
                   bead(FLOOD_PAIR, [2], [2], "merge", next={"src": [], "tgt": [3]}))
    flood = state.pairs[FLOOD_PAIR]
    assert state.text(flood, flood.beads[2], "tgt") == "Pejabat mengatakan air akan surut pada hari Jumat pagi."
    assert state.text(flood, flood.beads[2], "src") == "Officials said the water would recede by Friday."
    assert flood.beads[2].review == "merge edit"


def test_review_file_names_sides_as_the_run_does(tmp_path):
    folder = write_run(tmp_path / "run")
    decide(folder, bead(FLOOD_PAIR, [1], [1], "reject"),
           bead(COFFEE_PAIR, [1], [1], "edit", side="tgt", text="Kementerian berkata ekspor tumbuh."))
    records = [json.loads(line) for line in (folder / "review.jsonl").read_text(encoding="utf-8").splitlines()]
    src_key, tgt_key = side_names()
    assert [r["verdict"] for r in records] == ["reject", "edit"]
    assert all(r["pair"] and src_key in r and tgt_key in r and re.fullmatch(r"\d{4}-\d\d-\d\dT.*Z", r["time"])
               for r in records)
    assert sides(records[0]) == ([1], [1]) and records[1]["side"] == tgt_key


def test_impossible_decisions_are_refused_and_change_nothing(tmp_path):
    state = ReviewState(read_run(write_run(tmp_path / "run")))
    before = [(b.src, b.tgt) for b in state.pairs[FLOOD_PAIR].beads]
    for decision in (bead(FLOOD_PAIR, [9], [9], "accept"),
                     bead(FLOOD_PAIR, [4, 5], [5, 6], "split", into=[{"src": [4, 5], "tgt": [5, 6]}]),
                     bead(FLOOD_PAIR, [4, 5], [5, 6], "split", into=[{"src": [5], "tgt": [5]}, {"src": [4], "tgt": [6]}]),
                     bead(FLOOD_PAIR, [4, 5], [5, 6], "merge"),  # the last bead has no next one
                     bead(FLOOD_PAIR, [0], [0], "edit", side="tgt", text="   "),
                     bead(FLOOD_PAIR, [], [3], "edit", side="src", text="no source sentence here"),
                     {"verdict": "pair", "pair": ["cup:0", "flood:1"]},  # flood:1 is paired already
                     {"verdict": "shrug", "pair": list(FLOOD_PAIR)}):
        with pytest.raises(ReviewError):
            state.apply(decision)
    assert [(b.src, b.tgt) for b in state.pairs[FLOOD_PAIR].beads] == before and state.decisions == 0


def test_unpair_and_pair_by_hand(tmp_path):
    folder = write_run(tmp_path / "run")
    state = decide(folder, {"verdict": "unpair", "pair": list(COFFEE_PAIR)},
                   {"verdict": "pair", "pair": ["cup:0", "cup:1"],
                    "beads": [{"src": [0], "tgt": [0], "score": 0.9}, {"src": [1], "tgt": [1], "score": 0.8}]})
    assert not state.pairs[COFFEE_PAIR].active and state.pairs[("cup:0", "cup:1")].status == "hand"
    assert state.unpaired() == {"src": ["coffee:0"], "tgt": ["coffee:1"]}
    export_reviewed(folder)
    texts = units_by_text(folder / "corpus.tmx")
    assert "The local team won the cup on Sunday." in texts and HOSTILE_EN not in texts
    state = decide(folder, {"verdict": "pair", "pair": list(COFFEE_PAIR)})  # back, with its beads
    assert state.pairs[COFFEE_PAIR].active and len(state.pairs[COFFEE_PAIR].beads) == 3


def test_decisions_that_no_longer_fit_are_reported_not_applied(tmp_path):
    folder = write_run(tmp_path / "run")
    decide(folder, bead(FLOOD_PAIR, [1], [1], "reject"))
    with open(folder / "review.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"verdict": "accept", "pair": ["gone:0", "gone:1"], "en": [0], "id": [0]}) + "\n")
    state = load_state(folder)
    assert state.decisions == 1 and len(state.stale) == 1 and "gone:0" in state.stale[0]


# -- review.jsonl survives a kill -------------------------------------------------------------------

def test_a_line_cut_by_a_kill_is_dropped_and_overwritten(tmp_path):
    folder = write_run(tmp_path / "run")
    decide(folder, bead(FLOOD_PAIR, [1], [1], "reject"))
    with open(folder / "review.jsonl", "ab") as handle:
        handle.write(b'{"verdict": "acc')  # a write the kill cut: never confirmed
    state = decide(folder, bead(FLOOD_PAIR, [0], [0], "accept"))
    lines = (folder / "review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["verdict"] for line in lines] == ["reject", "accept"]
    assert state.decisions == 2 and not state.stale


def test_two_servers_on_one_folder_lose_nothing(tmp_path):
    folder = write_run(tmp_path / "run")
    first, second = Review(folder), Review(folder)
    first.decide(bead(FLOOD_PAIR, [1], [1], "reject"))
    second.decide(bead(FLOOD_PAIR, [0], [0], "accept"))
    assert [r["verdict"] for r in ReviewLog(folder).read()] == ["reject", "accept"]


def _start_server(folder: Path, cache: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "align.cli", "review", str(folder), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env=dict(os.environ, ALIGN_CACHE_DIR=str(cache)))
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        raise AssertionError(f"no address in {line!r}: {proc.stderr.read()}")
    return proc, match[0]


def _call(url: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, dict | str]:
    body = None if data is None else json.dumps(data).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        status, text = exc.code, exc.read().decode("utf-8")
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


def test_server_killed_mid_review_loses_no_saved_decision(tmp_path):
    folder = write_run(tmp_path / "run")
    proc, url = _start_server(folder, tmp_path / "cache")
    try:
        saved = []
        for decision in (bead(FLOOD_PAIR, [1], [1], "reject"),
                         bead(FLOOD_PAIR, [2], [2], "merge", next={"src": [], "tgt": [3]}),
                         bead(COFFEE_PAIR, [1], [1], "edit", side="src", text="The ministry said exports grew.")):
            status, answer = _call(url + "api/decision", decision)
            assert status == 200 and answer["saved"] is True
            saved.append(decision["verdict"])
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    lines = (folder / "review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["verdict"] for line in lines] == saved
    proc, url = _start_server(folder, tmp_path / "cache")  # reopening shows every decision
    try:
        status, overview = _call(url + "api/state")
        assert status == 200 and overview["counts"]["decisions"] == 3 and overview["counts"]["rejected"] == 1
        status, view = _call(url + "api/pair?src=coffee:0&tgt=coffee:1")
        assert view["beads"][1]["text"]["src"] == "The ministry said exports grew." and view["beads"][1]["edited"] == ["src"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_server_answers_local_json_requests_only(tmp_path):
    folder = write_run(tmp_path / "run")
    proc, url = _start_server(folder, tmp_path / "cache")
    try:
        status, _ = _call(url + "api/state", headers={"Host": "attacker.example:80"})
        assert status == 403
        request = urllib.request.Request(url + "api/decision", data=b"verdict=reject",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 415
        status, answer = _call(url + "api/decision", bead(FLOOD_PAIR, [7], [7], "accept"))
        assert status == 409 and "no bead" in answer["error"]
        status, _ = _call(url + "static/..%2Frecords.py")
        assert status == 404
        assert not (folder / "review.jsonl").exists()
        with urllib.request.urlopen(url, timeout=30) as page:
            html = page.read().decode("utf-8")
            policy = page.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "http" not in re.sub(r"https?://www\.w3\.org", "", html)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_page_assets_load_nothing_from_the_network():
    static = REPO / "align" / "review" / "static"
    for name in ("index.html", "review.js", "review.css"):
        text = (static / name).read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I), name
        assert "@import" not in text
    script = (static / "review.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|eval\(", script)


# -- the reviewed export ----------------------------------------------------------------------------

def test_export_applies_the_review_and_the_run_filters(tmp_path):
    folder = write_run(tmp_path / "run", min_score=0.5)
    assert export_reviewed(folder).segments == 6  # unreviewed: [2]:[2] (0.41) under min_score, []:[3] unmatched
    before = units_by_text(folder / "corpus.tmx")
    assert "Schools across the city were closed." in before and HOSTILE_EN not in before  # 0.45 < 0.5
    decide(folder,
           bead(FLOOD_PAIR, [1], [1], "reject"),
           bead(FLOOD_PAIR, [2], [2], "merge", next={"src": [], "tgt": [3]}),
           bead(FLOOD_PAIR, [4, 5], [5, 6], "split", into=[{"src": [4], "tgt": [5]}, {"src": [5], "tgt": [6]}]),
           bead(COFFEE_PAIR, [1], [1], "edit", side="src", text="The ministry said exports grew."),
           bead(COFFEE_PAIR, [0], [0], "accept"))
    summary = export_reviewed(folder)
    assert validate_tmx(folder / "corpus.tmx") == []
    units = units_by_text(folder / "corpus.tmx")
    assert "Schools across the city were closed." not in units  # rejected
    merged = units["Officials said the water would recede by Friday."]  # 0.30, kept: reviewed
    assert merged.segments["id"] == "Pejabat mengatakan air akan surut pada hari Jumat."
    assert merged.props["x-review"] == "merge" and merged.props["x-bead"] == "1-2"
    assert units["The mayor visited the shelters."].segments["id"] == "Wali kota mengunjungi tempat pengungsian."
    assert units["She promised more aid."].props["x-review"] == "split"
    assert units["The ministry said exports grew."].props["x-review"] == "edit"
    assert "The the ministry said exports grew." not in units
    assert units[HOSTILE_EN].props["x-review"] == "accept"  # 0.45 < min_score, kept: accepted
    assert "x-review" not in units["Farmers expect a good harvest."].props
    assert summary.segments == 8 and summary.drops["review_reject"] == 1 and summary.drops["min_score"] == 0
    en = (folder / "corpus.en").read_text(encoding="utf-8").splitlines()
    tsv = (folder / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    assert len(en) == len(tsv) == 8 and "The ministry said exports grew." in en
    report = (folder / "report.md").read_text(encoding="utf-8")
    assert re.search(r"\| export \| segment pairs written \| 8 \|", report) and "review_reject" in report
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["review"]["decisions"] == 5


def test_run_settings_come_from_the_manifest(tmp_path):
    from align.review.export import run_config
    from align.review.records import read_manifest

    folder = write_run(tmp_path / "run", min_score=0.25)
    assert run_config(read_manifest(folder)) == Config(export=ExportConfig(min_score=0.25, created=CREATED))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["config"]["export"]["min_score"] = "high"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert_one_line_error(run_cli(["export", folder], tmp_path / "cache"), "manifest.json", "export.min_score")


def test_exported_tmx_loads_in_translate_toolkit(tmp_path):
    from translate.storage.tmx import tmxfile

    folder = write_run(tmp_path / "run")
    decide(folder, bead(COFFEE_PAIR, [0], [0], "accept"),
           bead(COFFEE_PAIR, [1], [1], "edit", side="tgt", text="Kementerian berkata ekspor tumbuh."))
    export_reviewed(folder)
    with open(folder / "corpus.tmx", "rb") as handle:
        store = tmxfile(handle, "en", "id")
    pairs = {unit.source: unit.target for unit in store.units}
    assert pairs[HOSTILE_EN] == HOSTILE_ID
    assert pairs["The the ministry said exports grew."] == "Kementerian berkata ekspor tumbuh."


def test_cli_export_and_one_line_errors(tmp_path):
    folder = write_run(tmp_path / "run")
    decide(folder, bead(FLOOD_PAIR, [1], [1], "reject"))
    proc = run_cli(["export", folder], tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    assert "1 review decisions applied (1 beads rejected" in proc.stdout
    assert_one_line_error(run_cli(["export", tmp_path / "nowhere"], tmp_path / "cache"), "nowhere", "not a folder")
    (folder / "alignments.jsonl").unlink()
    assert_one_line_error(run_cli(["review", folder, "--no-browser"], tmp_path / "cache"), "alignments.jsonl", "missing")
    (folder / "review.jsonl").write_text("not json\n", encoding="utf-8")
    write_run(folder)
    assert_one_line_error(run_cli(["export", folder], tmp_path / "cache"), "review.jsonl:1")


def test_review_of_the_sample_run_exports_a_corrected_tmx(sample_run, tmp_path):
    """The ten lowest-confidence beads the real sample run exported: reject the lowest, accept the rest, edit one."""
    import shutil

    folder = tmp_path / "sample"
    shutil.copytree(sample_run.outdir, folder)
    corpus = [name for name in os.listdir(folder) if name.startswith("corpus.")]
    export_reviewed(folder)  # nothing reviewed yet: the run's own corpus, byte for byte
    assert len(corpus) == 4 and all((folder / n).read_bytes() == (sample_run.outdir / n).read_bytes() for n in corpus)
    state = load_state(folder)
    confidence = [(state.run.confidence(b.src, b.tgt, b.score, b.features), key, b)
                  for key, s in state.pairs.items() for b in s.beads if b.src and b.tgt]
    beads = sorted((item for item in confidence if item[0] >= sample_run.min_score), key=lambda item: item[0])[:10]
    decisions = [bead(beads[0][1], list(beads[0][2].src), list(beads[0][2].tgt), "reject")]
    decisions += [bead(key, list(b.src), list(b.tgt), "accept") for _, key, b in beads[1:]]
    edited = beads[1]
    decisions.append(bead(edited[1], list(edited[2].src), list(edited[2].tgt), "edit", side="src", text="An edited sentence."))
    rejected_text = state.text(state.pairs[beads[0][1]], beads[0][2], "src")
    decide(folder, *decisions)
    summary = export_reviewed(folder)
    assert validate_tmx(folder / "corpus.tmx") == []
    units = read_tmx(folder / "corpus.tmx")
    reviews = [u.props.get("x-review") for u in units if "x-review" in u.props]
    assert reviews.count("accept") == 8 and reviews.count("edit accept") == 1
    assert all(u.segments["en"] != rejected_text for u in units)
    assert summary.segments == sample_run.segments_written - 1


def test_a_failed_export_leaves_the_previous_set_whole(tmp_path, monkeypatch):
    """The corpus files, reports and manifest change together or not at all; the user's files stay."""
    import align.review.export as reviewed_export

    folder = write_run(tmp_path / "run", min_score=0.5)
    export_reviewed(folder)
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    decide(folder, bead(FLOOD_PAIR, [1], [1], "reject"))
    log = (folder / "review.jsonl").read_bytes()

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(folder / "corpus.en"))

    monkeypatch.setattr(reviewed_export, "write_moses", disk_full)  # after the TMX and TSV were written
    with pytest.raises(AlignError, match="corpus.en"):
        export_reviewed(folder)
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert after == {**before, "review.jsonl": log}
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".run.")]  # no staging left
    monkeypatch.undo()
    export_reviewed(folder)
    assert "Schools across the city were closed." not in units_by_text(folder / "corpus.tmx")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"
