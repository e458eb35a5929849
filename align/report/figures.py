"""Matplotlib figures rendered to self-contained PNG data URIs (no files, no pyplot global state)."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

COLOURS = ("#3b6ea8", "#d9822b", "#5a9e5a", "#a8453b", "#7a5aa8")


@dataclass(frozen=True)
class Chart:
    """A rendered figure: its caption and a ``data:image/png;base64,...`` URI."""

    caption: str
    data_uri: str


def to_data_uri(fig: Figure) -> str:
    """Render ``fig`` as PNG (no timestamp or software metadata, so output is reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def histogram(series: dict[str, Sequence[float]], caption: str, xlabel: str, bins: int = 20) -> Chart:
    """Overlaid histograms of score series on a shared [min, max] range (one colour per series)."""
    fig = Figure(figsize=(5.6, 3.0), layout="constrained")
    ax = fig.add_subplot()
    values = [v for s in series.values() for v in s]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    pad = max(0.02, 0.02 * (high - low))
    low, high = low - pad, high + pad
    if 0.0 <= min(values, default=0.0) and max(values, default=1.0) <= 1.0:  # scores in [0, 1] stay there
        low, high = max(low, 0.0), min(high, 1.0)
    for colour, (label, data) in zip(COLOURS, series.items()):
        ax.hist(list(data), bins=bins, range=(low, high), alpha=0.7, color=colour, label=f"{label} (n={len(data)})")
    if not values:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("count")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if values:
        ax.legend(frameon=False)
    return Chart(caption, to_data_uri(fig))


def bars(labels: Sequence[str], values: Sequence[float], caption: str, xlabel: str) -> Chart:
    """A horizontal bar chart, first label on top."""
    fig = Figure(figsize=(5.6, 0.4 * max(len(labels), 2) + 1.0), layout="constrained")
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, list(values), color=COLOURS[0])
    ax.set_yticks(positions, list(labels))
    ax.set_xlabel(xlabel)
    return Chart(caption, to_data_uri(fig))


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
