"""Evaluation: sentence-alignment metrics on bead files, and a whole run scored against a gold dataset."""

from align.evaluate.metrics import score_alignments
from align.evaluate.run import evaluate_run, load_gold_dataset

__all__ = ["evaluate_run", "load_gold_dataset", "score_alignments"]
