"""The run report's figures as self-contained SVG data URIs, drawn without a plotting library.

A run writes two histograms and a bar chart; importing and drawing them with matplotlib cost about
2 s of every run, more than pairing and alignment together on a crawl. The output is deterministic.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from html import escape
from typing import Sequence

import numpy as np

COLOURS = ("#3b6ea8", "#d9822b", "#5a9e5a", "#a8453b", "#7a5aa8")
FONT = 'font-family="sans-serif" font-size="11" fill="#222"'
CHAR_WIDTH = 6.2  # an 11-pixel sans-serif character's typical width, to make room for labels


@dataclass(frozen=True)
class Chart:
    """A rendered figure: its caption and a ``data:image/...;base64,...`` URI."""

    caption: str
    data_uri: str


def svg_data_uri(body: Sequence[str], width: int, height: int) -> str:
    """An SVG document of ``body`` elements as a data URI."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="white"/>'
           + "".join(body) + "</svg>")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def ticks(low: float, high: float, count: int = 5, integer: bool = False) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten apart) within [low, high]."""
    span = high - low if high > low else 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if integer:
        step = max(1.0, round(step))
    start = math.ceil(low / step - 1e-9) * step
    return [start + k * step for k in range(int((high - start) / step + 1e-9) + 1)]


def label(value: float) -> str:
    return f"{value:.10g}" if abs(value) >= 1e-9 else "0"


class _Axes:
    """A plot area of the SVG: data coordinates to pixels, and its axes, ticks and labels."""

    def __init__(self, width: int, height: int, left: float, x_range: tuple[float, float],
                 y_range: tuple[float, float]) -> None:  # fmt: skip
        self.left, self.right, self.top, self.bottom = left, width - 16, 12, height - 40
        self.x_range, self.y_range = x_range, y_range
        self.width, self.height = width, height

    def x(self, value: float) -> float:
        low, high = self.x_range
        return self.left + (value - low) / ((high - low) or 1.0) * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.bottom - (value - low) / ((high - low) or 1.0) * (self.bottom - self.top)

    def frame(self, xlabel: str, ylabel: str = "", x_ticks: Sequence[float] = (),
              y_ticks: Sequence[float] = ()) -> list[str]:  # fmt: skip
        parts = [f'<line x1="{self.left}" y1="{self.bottom}" x2="{self.right}" y2="{self.bottom}" stroke="#444"/>',
                 f'<line x1="{self.left}" y1="{self.top}" x2="{self.left}" y2="{self.bottom}" stroke="#444"/>']
        for value in x_ticks:
            px = self.x(value)
            parts.append(f'<line x1="{px:.1f}" y1="{self.bottom}" x2="{px:.1f}" y2="{self.bottom + 4}" stroke="#444"/>'
                         f'<text x="{px:.1f}" y="{self.bottom + 15}" text-anchor="middle" {FONT}>{label(value)}</text>')
        for value in y_ticks:
            py = self.y(value)
            parts.append(f'<line x1="{self.left - 4}" y1="{py:.1f}" x2="{self.left}" y2="{py:.1f}" stroke="#444"/>'
                         f'<text x="{self.left - 6}" y="{py + 4:.1f}" text-anchor="end" {FONT}>{label(value)}</text>')
        middle = (self.left + self.right) / 2
        parts.append(f'<text x="{middle:.1f}" y="{self.height - 6}" text-anchor="middle" {FONT}>{escape(xlabel)}</text>')
        if ylabel:
            centre = (self.top + self.bottom) / 2
            parts.append(f'<text x="12" y="{centre:.1f}" text-anchor="middle" transform="rotate(-90 12 {centre:.1f})" '
                         f"{FONT}>{escape(ylabel)}</text>")
        return parts


def histogram(series: dict[str, Sequence[float]], caption: str, xlabel: str, bins: int = 20) -> Chart:
    """Overlaid histograms of score series on a shared [min, max] range (one colour per series)."""
    width, height = 560, 300
    values = [v for s in series.values() for v in s]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    pad = max(0.02, 0.02 * (high - low))
    low, high = low - pad, high + pad
    if 0.0 <= min(values, default=0.0) and max(values, default=1.0) <= 1.0:  # scores in [0, 1] stay there
        low, high = max(low, 0.0), min(high, 1.0)
    counts = {name: np.histogram(np.asarray(data, dtype=float), bins=bins, range=(low, high))[0]
              for name, data in series.items()}  # fmt: skip
    top = max((int(c.max()) for c in counts.values() if c.size), default=0) or 1
    y_ticks = ticks(0, top, integer=True)
    axes = _Axes(width, height, 50, (low, high), (0, max(top, y_ticks[-1]) * 1.08))
    body = []
    edges = np.linspace(low, high, bins + 1)
    for colour, (name, count) in zip(COLOURS, counts.items()):
        for k, n in enumerate(count):
            if n:
                x0, x1, y0 = axes.x(edges[k]), axes.x(edges[k + 1]), axes.y(n)
                body.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{axes.bottom - y0:.1f}" '
                            f'fill="{colour}" fill-opacity="0.7"/>')
    body += axes.frame(xlabel, "count", ticks(low, high), y_ticks)
    if values:
        for row, (colour, (name, data)) in enumerate(zip(COLOURS, series.items())):
            y = axes.top + 6 + 16 * row
            body.append(f'<rect x="{axes.left + 10}" y="{y}" width="12" height="10" fill="{colour}" fill-opacity="0.7"/>'
                        f'<text x="{axes.left + 28}" y="{y + 9}" {FONT}>{escape(name)} (n={len(data)})</text>')
    else:
        body.append(f'<text x="{(axes.left + axes.right) / 2:.1f}" y="{(axes.top + axes.bottom) / 2:.1f}" '
                    f'text-anchor="middle" {FONT}>no data</text>')
    return Chart(caption, svg_data_uri(body, width, height))


def bars(labels: Sequence[str], values: Sequence[float], caption: str, xlabel: str) -> Chart:
    """A horizontal bar chart, first label on top."""
    left = 12 + CHAR_WIDTH * max((len(name) for name in labels), default=4)
    width, height = int(left) + 300, int(40 * max(len(labels), 2) + 60)
    high = max(values, default=0.0) or 1.0
    x_ticks = ticks(0, high)
    axes = _Axes(width, height, left, (0, max(high, x_ticks[-1]) * 1.05), (0, max(len(labels), 1)))
    body = []
    for k, (name, value) in enumerate(zip(labels, values)):
        y_top = axes.y(len(labels) - k - 0.1)
        y_bottom = axes.y(len(labels) - k - 0.9)
        body.append(f'<rect x="{axes.left}" y="{y_top:.1f}" width="{axes.x(value) - axes.left:.1f}" '
                    f'height="{y_bottom - y_top:.1f}" fill="{COLOURS[0]}"/>'
                    f'<text x="{axes.left - 6}" y="{(y_top + y_bottom) / 2 + 4:.1f}" text-anchor="end" {FONT}>'
                    f"{escape(name)}</text>")
    body += axes.frame(xlabel, x_ticks=x_ticks)
    return Chart(caption, svg_data_uri(body, width, height))
