"""A subject's figures over time as a small inline SVG step chart, for the HTML reports.

One line per measure (the claims' unit: persons, person-times; the finding has judged them one
series), stepping from each dated figure to the next; a figure stated as an interval
(2600余名: 2,600 to 2,700) is drawn as a band; a figure dated only by a bound ("2022 or later")
ends in an open arrow; the draft's figure is a ring, labelled. The chart is made of the claims
alone, so it needs no archive at hand: what a corpus finding quotes is what it draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from checker.model import Claim, Interval

WIDTH, HEIGHT, PAD_X, PAD_Y = 560, 170, 56, 22
_COLOURS = ("#1f5fa8", "#b3541e", "#2e7d32", "#6a3d9a", "#8c6d1f")


@dataclass(frozen=True)
class Point:
    day: date
    low: float
    high: float
    nominal: float
    label: str                 # the claim as written, and where it is from
    open_end: bool             # dated by a bound only: this day or later
    draft: bool                # the figure being checked


def point(as_of: str | None, low, high, nominal, label: str, open_end: bool = False,
          draft: bool = False) -> Point | None:
    """A dated figure, or None when it has no day or no value to draw."""
    if not as_of or low is None:
        return None
    try:
        day = date.fromisoformat(as_of[:10])
    except ValueError:
        return None
    low = float(low)
    high = float(high) if high is not None else low
    nominal = float(nominal) if nominal is not None else low
    return Point(day, low, min(high, low * 10 if low > 0 else high), nominal, label, open_end, draft)


def points(claims: Sequence[tuple[str, Claim]]) -> dict[str, list[Point]]:
    """The dated numeric claims of a finding by series, each in time order. ``claims`` are
    (role, claim) pairs; the role "document" or "self" marks the draft's figure."""
    series: dict[str, list[Point]] = {}
    for role, c in claims:
        if not isinstance(c.value, Interval):
            continue
        # a finding has judged its figures to be one series (a total that grows, say), though
        # only some state their flow: one line per measure
        name = c.unit or "count"
        where = f"{c.path}:{c.line}" if c.path else ""
        p = point(c.as_of, c.value.low, c.value.high, c.value.nominal,
                  f"{c.text} ({(c.as_of or '')[:10]}{', ' + where if where else ''})",
                  "as_of_bound" in c.flags, role in ("document", "self"))
        if p is not None:
            series.setdefault(name, []).append(p)
    for name in series:
        series[name].sort(key=lambda p: (p.day, p.draft))
    return series


def svg(claims: Sequence[tuple[str, Claim]], title: str) -> str:
    """The chart of a finding's claims, or "" when fewer than two dated figures make no line."""
    return draw(points(claims), title)


def draw(series: dict[str, list[Point]], title: str) -> str:
    """The chart of these series (each in time order), or "" with fewer than two points."""
    every = [p for ps in series.values() for p in ps]
    if len(every) < 2:
        return ""
    first, last = min(p.day for p in every), max(p.day for p in every)
    span = max((last - first).days, 1)
    lo, hi = min(p.low for p in every), max(p.high for p in every)
    if hi == lo:
        lo, hi = lo * 0.9, hi * 1.1 + (1 if hi == 0 else 0)
    margin = (hi - lo) * 0.12
    lo, hi = max(0.0, lo - margin) if lo >= 0 else lo - margin, hi + margin
    plot_w, plot_h = WIDTH - 2 * PAD_X, HEIGHT - 2 * PAD_Y

    def x(d: date) -> float:
        return PAD_X + plot_w * (d - first).days / span

    def y(v: float) -> float:
        return PAD_Y + plot_h * (1 - (v - lo) / (hi - lo))

    out = [f'<svg class="timeline" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
           f'<title>{escape(title)}</title>',
           f'<line x1="{PAD_X}" y1="{HEIGHT - PAD_Y}" x2="{WIDTH - PAD_X}" y2="{HEIGHT - PAD_Y}" stroke="#999"/>',
           f'<text x="{PAD_X}" y="{HEIGHT - 6}" font-size="11">{first.isoformat()}</text>',
           f'<text x="{WIDTH - PAD_X}" y="{HEIGHT - 6}" font-size="11" text-anchor="end">{last.isoformat()}</text>',
           f'<text x="4" y="{y(hi - margin) + 4:.1f}" font-size="11">{_number(hi - margin)}</text>',
           f'<text x="4" y="{y(lo + margin) + 4:.1f}" font-size="11">{_number(lo + margin)}</text>']
    for k, (name, ps) in enumerate(sorted(series.items())):
        colour = _COLOURS[k % len(_COLOURS)]
        for i, p in enumerate(ps):
            if p.high > p.low:            # an interval: a band as wide as the step it holds
                right = x(ps[i + 1].day) if i + 1 < len(ps) else x(p.day) + 8
                out.append(f'<rect x="{x(p.day):.1f}" y="{y(p.high):.1f}" width="{max(right - x(p.day), 4):.1f}" '
                           f'height="{max(y(p.low) - y(p.high), 1):.1f}" fill="{colour}" fill-opacity="0.18"/>')
        steps = f"M{x(ps[0].day):.1f} {y(ps[0].nominal):.1f}" + "".join(
            f" H{x(p.day):.1f} V{y(p.nominal):.1f}" for p in ps[1:])
        out.append(f'<path d="{steps}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in ps:
            cx, cy = x(p.day), y(p.nominal)
            if p.open_end:                # this day or later: an open arrow to the right
                out.append(f'<path d="M{cx:.1f} {cy:.1f} H{cx + 18:.1f} M{cx + 12:.1f} {cy - 4:.1f} L{cx + 18:.1f} '
                           f'{cy:.1f} L{cx + 12:.1f} {cy + 4:.1f}" fill="none" stroke="{colour}" stroke-dasharray="3 2"/>')
            if p.draft:
                out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="#fff" stroke="#b00" stroke-width="2.5">'
                           f'<title>this document: {escape(p.label)}</title></circle>'
                           f'<text x="{cx:.1f}" y="{cy - 10:.1f}" font-size="11" text-anchor="middle" fill="#b00">'
                           f'this draft</text>')
            else:
                out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}"><title>{escape(p.label)}'
                           f'</title></circle>')
        out.append(f'<text x="{PAD_X + 170 * (k % 3)}" y="{12 + 12 * (k // 3)}" font-size="11" fill="{colour}">'
                   f'— {escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def _number(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 10 else f"{v:,.2g}"
