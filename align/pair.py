"""Document pairing: which English article and which Indonesian article translate each other."""

from align.pairing import PairConfig, pair_articles

__all__ = ["PairConfig", "pair_articles"]
