"""Two-stage pairing: the lead look keeps every true partner, articles whose partner is gone stay
unpaired, comparable is not parallel, and the report counts every text sent to the model."""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest

from align.pair.config import PairConfig
from align.pair.parallel import in_order_share
from align.pair.prefilter import Lead, lead_candidates
from align.pair.staged import pair_in_two_stages
from align.pipeline import embed_articles
from benchmarks.pairing import load_eval_dev
from conftest import SAMPLE, sample_config, shared_path


@pytest.fixture(scope="module")
def encoder():
    """The bundled model behind the shared disk cache (re-runs embed nothing)."""
    from align.embed import load_encoder

    return load_encoder("bundled")


@pytest.fixture(scope="module")
def eval_dev():
    return load_eval_dev(shared_path("data", "eval-dev"))


def test_first_look_keeps_every_true_partner_of_a_real_dev_corpus(eval_dev, encoder):
    articles, gold = eval_dev
    config = PairConfig()
    sides = {lang: [a for a in articles if a.lang == lang] for lang in ("en", "id")}
    leads = {lang: [Lead(encoder.encode([s.text for s in a.sentences[: config.lead_sentences]]),
                         sum(len(s.text) for s in a.sentences)) for a in side]
             for lang, side in sides.items()}  # fmt: skip
    kept = lead_candidates(leads["en"], leads["id"], config)
    found = {(sides["en"][s].id, sides["id"][t].id) for s, t in kept}
    assert gold <= found
    assert len(found) < len(sides["en"]) * config.neighbours  # it rules candidates out


def test_articles_whose_partner_was_cut_stay_unpaired_and_are_not_embedded_whole(eval_dev, encoder):
    """A crawl-like cut of eval-dev: one pair in six keeps both sides, the others lose one."""
    articles, gold = eval_dev
    pairs = sorted(gold)
    kept_pairs = set(pairs[::6])
    cut = {p[k % 2] for k, p in enumerate(pairs) if p not in kept_pairs}
    crawl = [a for a in articles if a.id not in cut]
    sent: list[str] = []

    def embed(some, known=None):
        sent.extend(s.text for a in some for s in a.sentences if s.text not in (known or {}))
        return embed_articles(some, encoder, quiet=True, known=known)

    staged = pair_in_two_stages(crawl, embed, PairConfig())
    assert {(p.src, p.tgt) for p in staged.pairs} == kept_pairs
    assert staged.articles_embedded < staged.articles_looked_at
    assert len(sent) < sum(len(a.sentences) for a in crawl)
    for pair in staged.pairs:
        assert pair.evidence["in_order"] >= PairConfig().min_in_order_share


def test_single_stage_setting_embeds_every_article_and_finds_the_same_pairs(eval_dev, encoder):
    articles, gold = eval_dev
    crawl = [a for a in articles if a.lang == "en" or a.id in {p[1] for p in sorted(gold)[::3]}]
    def embed(some, known=None):
        return embed_articles(some, encoder, quiet=True, known=known)

    staged = pair_in_two_stages(crawl, embed, PairConfig())
    single = pair_in_two_stages(crawl, embed, PairConfig(two_stage=False))
    assert single.articles_embedded == sum(1 for a in crawl if a.sentences)
    assert {(p.src, p.tgt) for p in staged.pairs} == {(p.src, p.tgt) for p in single.pairs}


def test_in_order_share_counts_the_longest_ordered_chain_of_strong_matches():
    rows, cols = np.array([0, 1, 2, 3]), np.array([0, 1, 2, 3])
    strong, weak = np.ones(4), np.array([1.0, -0.5, 1.0, -0.5])
    assert in_order_share(rows, cols, strong, 4, 4) == 1.0
    assert in_order_share(rows, cols, weak, 4, 4) == 0.5  # weak matches are topic, not translation
    assert in_order_share(rows, np.array([3, 2, 1, 0]), strong, 4, 4) == 0.25  # reversed: one in order
    assert in_order_share(rows, cols, strong, 4, 16) == 0.25  # a short excerpt of a long article


class CountingEncoder:
    """A stand-in model: hashed-word vectors, and a count of every text it was given."""

    name, dim = "counting-fake", 64

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def test_report_counts_exactly_the_texts_sent_to_the_model(tmp_path, monkeypatch):
    from align.embed import base
    from align.pipeline import run

    fake = CountingEncoder()
    monkeypatch.setattr(base, "raw_encoder", lambda *args, **kwargs: fake)
    # the sample is small: lower the two-stage minimum so both stages send texts
    result = run([str(SAMPLE)], tmp_path / "out", sample_config("off", {"pair.min_two_stage_articles": 3}))
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if "embedded" in line)
    assert int(row.strip(" |").split("|")[-1].strip()) == len(fake.texts) == result.sentences_embedded
    assert len(set(fake.texts)) == len(fake.texts)  # no text is sent twice
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["stages"]["embed"]["leads"] > 0  # the first look ran


def test_two_stage_pairing_gives_the_same_outputs_locally_and_on_ray(tmp_path, monkeypatch):
    """The first look and the second stage run in the driver; Ray embeds and aligns: same outputs."""
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install '.[ray]'")
    from conftest import COMPARED, run_sample

    for name, value in {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}.items():
        monkeypatch.setenv(name, value)
    forced = {"pair.min_two_stage_articles": 3}  # the sample is small: force both stages
    local = run_sample(tmp_path / "local", tmp_path / "cache-local", forced)
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
             configure_logging=False)
    try:
        remote = run_sample(tmp_path / "ray", tmp_path / "cache-ray", {**forced, "execution.executor": "ray"})
    finally:
        ray.shutdown()
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["stages"]["embed"]["leads"] > 0
    for name in COMPARED:
        assert remote[name] == local[name], name
