"""Review an `align run` in the browser (`align review`) and export the reviewed corpus (`align export`).

``records`` reads a run folder, ``log`` keeps the decisions in ``review.jsonl``, ``state`` replays
them over the run's beads, ``server`` serves the page, ``export`` rewrites the corpus files.
"""
