"""The benchmark report's line and grouped-bar plots, drawn with matplotlib as PNG data URIs."""

from __future__ import annotations

import base64
import io
from typing import Sequence

from matplotlib.figure import Figure

from align.report.figures import COLOURS, Chart


def to_data_uri(fig: Figure) -> str:
    """Render ``fig`` as PNG (no timestamp or software metadata, so output is reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def lines(series: dict[str, tuple[Sequence[float], Sequence[float]]], caption: str, xlabel: str, ylabel: str,
          log_scale: bool = False) -> Chart:
    """One line with markers per named (x, y) series."""
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.add_subplot()
    for colour, (label, (x, y)) in zip(COLOURS * 4, series.items()):
        ax.plot(list(x), list(y), marker="o", color=colour, label=label)
    if log_scale:
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    if series:
        ax.legend(frameon=False)
    return Chart(caption, to_data_uri(fig))


def grouped_bars(groups: Sequence[str], series: dict[str, Sequence[float]], caption: str, ylabel: str) -> Chart:
    """Vertical bars, one cluster per group and one colour per series (e.g. F1 of systems per test set)."""
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.add_subplot()
    width = 0.8 / max(len(series), 1)
    for k, (colour, (label, values)) in enumerate(zip(COLOURS * 4, series.items())):
        ax.bar([g + k * width for g in range(len(groups))], list(values), width, color=colour, label=label)
    ax.set_xticks([g + width * (len(series) - 1) / 2 for g in range(len(groups))], list(groups))
    ax.set_ylabel(ylabel)
    if series:
        ax.legend(frameon=False, fontsize="small")
    return Chart(caption, to_data_uri(fig))
