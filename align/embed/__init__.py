"""Sentence encoders: a protocol, two backends, and an on-disk cache."""

from align.embed.base import Encoder, load_encoder

__all__ = ["Encoder", "load_encoder"]
