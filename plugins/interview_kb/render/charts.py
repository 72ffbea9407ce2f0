"""Charts as static SVG inside the pages: plain data in, SVG text out.

Drawn by hand, not by a charting library: the charts are a few bars, dots
and lines, and what the pages need of them is what libraries make hard.
Every chart is one ``<svg>`` inline in the page, so that its colours can be
Material's CSS custom properties (Material's light colours as fallbacks) and
follow the light and dark schemes; text takes the page's colour
(``currentColor``) and font. There is no script, no link, no font and no
address but the SVG namespace. Each chart has ``role="img"``, a ``<title>``
and a ``<desc>``, and its figure a caption; every bar, mark or dot carries
``data-key`` and ``data-value`` and a tooltip, so that tests (and people)
can read the numbers back (a part of a stacked bar or a column that counts
nothing is left out). The same data give the same bytes. Every text
goes through ``markup.svg_text``: inside a raw HTML block it is HTML, not Markdown.

The markup is kept small, as every contact page carries a chart and every
tag of a page is parsed twice more (by Markdown, then by the search index):
the gridlines and ticks of an axis are one ``<path>``, and elements drawn one
after another in the same paint share it in a ``<g>`` (see ``Shape``).

Sizes are in the SVG's own units: a chart is ``WIDTH`` wide, shown at that
many pixels on a wide screen and scaled down to fit a phone (Material gives
inline SVG ``max-width: 100%``). Text widths are guessed, generously, since
the fonts are the reader's.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..analysis.plan import Plan
from ..analysis.public import PublicCount
from ..analysis.reflections import Rating, TagInterest
from ..analysis.timeline import Event, Month, Stages
from ..core.model import MONTH_NAMES
from ..core.wording import count_of, month_title, plural
from .markup import svg_text

WIDTH = 380
RIGHT = WIDTH - 2  # where bars and right-aligned text end: bold text may overhang
FONT = 14
SMALL = 12

# Material's link colour and its code highlighting colours are chosen to read
# on the page in both schemes; the fallbacks are Material's light palette.
ACCENT = "var(--md-typeset-a-color,#4051b5)"
GOOD = "var(--md-code-hl-string-color,#1c7d4d)"
BAD = "var(--md-code-hl-number-color,#d52a2a)"
MUTED = "var(--md-default-fg-color--light,#0000008a)"
FAINT = "var(--md-default-fg-color--lighter,#00000052)"
TRACK = "var(--md-default-fg-color--lightest,#00000012)"

MONTH_ABBR = tuple(name[:3] for name in MONTH_NAMES)
TABLE_BELOW = "The numbers are in the table below."

# A row of a bar chart: a line of text, then the bar under it.
_ROW = 36
_BAR_Y = 20
_BAR_H = 10


# ---------------------------------------------------------------------------
# SVG text


def svg_number(value: float) -> str:
    """A coordinate or a value: at most one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Shape:
    """One element of a chart, before it is written out.

    ``attributes`` are its own (where it is, its size, its data); ``paint``
    holds the attributes that SVG passes down from a group to its children
    (``style`` with fill and stroke, ``font-size``, ``text-anchor``,
    ``font-weight``), so that shapes drawn one after the other in the same
    paint are written once, in a ``<g>``, instead of once each. Shapes that
    may overlap are drawn in the order given; the charts give one after the
    other the shapes of a paint that never overlap (each month's name, then
    the years under them). ``inner`` is what goes between the tags, escaped:
    a text's words, a mark's tooltip.

    ``layer`` orders the painting: the body of a chart is drawn layer by
    layer, each in the order given. Shapes of different rows of a bar chart
    never overlap, so their tracks, bars and marks can be drawn a layer at a
    time (under each other as before) and share their paint.
    """

    tag: str
    attributes: str
    paint: str = ""
    inner: str = ""
    layer: int = 0

    def markup(self, grouped: bool = False) -> str:
        """The element; without its paint when a ``<g>`` around it gives it."""
        paint = f" {self.paint}" if self.paint and not grouped else ""
        if self.inner:
            return f"<{self.tag} {self.attributes}{paint}>{self.inner}</{self.tag}>"
        return f"<{self.tag} {self.attributes}{paint}/>"


def _paint_key(shape: Shape) -> str:
    return shape.paint


def _layer_key(shape: Shape) -> int:
    return shape.layer


def _write(shapes: Iterable[Shape]) -> list[str]:
    """The shapes, layer by layer, runs of one paint in a ``<g>`` of that paint."""
    lines: list[str] = []
    for paint, group in itertools.groupby(sorted(shapes, key=_layer_key), key=_paint_key):
        run = list(group)
        if paint and len(run) > 1:
            lines.append(f"<g {paint}>")
            lines += [shape.markup(grouped=True) for shape in run]
            lines.append("</g>")
        else:
            lines += [shape.markup() for shape in run]
    return lines


def _data(key: str | None, value: float | None) -> str:
    if key is None:
        return ""
    shown = "" if value is None else f' data-value="{svg_number(value)}"'
    return f' data-key="{svg_text(key)}"{shown}'


def _tip(tip: str | None) -> str:
    return f"<title>{svg_text(tip)}</title>" if tip else ""


def _fill(colour: str) -> str:
    return f'style="fill:{colour}"'


def _stroke(colour: str, width: float = 1, dashed: bool = False, filled: bool = True) -> str:
    """A stroke's paint; not ``filled`` for a hollow dot, or a path of lines."""
    paint = "" if filled else "fill:none;"
    paint += f"stroke:{colour}"
    if width != 1:  # 1 is SVG's default
        paint += f";stroke-width:{svg_number(width)}"
    if dashed:
        paint += ";stroke-dasharray:3 3"
    return f'style="{paint}"'


def _rect(
    x: float,
    y: float,
    width: float,
    height: float,
    colour: str,
    key: str | None = None,
    value: float | None = None,
    tip: str | None = None,
    layer: int = 0,
) -> Shape:
    place = f'x="{svg_number(x)}" y="{svg_number(y)}" width="{svg_number(max(width, 0))}" '
    place += f'height="{svg_number(max(height, 0))}"{_data(key, value)}'
    return Shape("rect", place, _fill(colour), _tip(tip), layer)


def _line(
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    colour: str = "currentColor",
    width: float = 1,
    dashed: bool = False,
    key: str | None = None,
    value: float | None = None,
    tip: str | None = None,
    layer: int = 0,
) -> Shape:
    start = f'x1="{svg_number(x1)}" y1="{svg_number(y1)}"'
    place = f'{start} x2="{svg_number(x2)}" y2="{svg_number(y2)}"{_data(key, value)}'
    return Shape("line", place, _stroke(colour, width, dashed), _tip(tip), layer)


def _path(segments: Iterable[str], colour: str, width: float = 1) -> Shape:
    """Lines drawn as one path (``M6 52v5``, ``M24 130H378``): gridlines, ticks.

    Lines that cross are not put in one path: its stroke is painted once
    where they meet, where two lines of a translucent colour darken it.
    """
    return Shape("path", f'd="{"".join(segments)}"', _stroke(colour, width, filled=False))


def _across(left: float, right: float, y: float) -> str:
    """A horizontal line of a path."""
    return f"M{svg_number(left)} {svg_number(y)}H{svg_number(right)}"


def _down(x: float, top: float, length: float) -> str:
    """A vertical line of a path, down from ``top``."""
    return f"M{svg_number(x)} {svg_number(top)}v{svg_number(length)}"


def _circle(
    x: float,
    y: float,
    radius: float,
    colour: str,
    hollow: bool = False,
    key: str | None = None,
    value: float | None = None,
    tip: str | None = None,
) -> Shape:
    paint = _stroke(colour, 2, filled=False) if hollow else _fill(colour)
    place = f'cx="{svg_number(x)}" cy="{svg_number(y)}" r="{svg_number(radius)}"{_data(key, value)}'
    return Shape("circle", place, paint, _tip(tip))


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    size: int | None = None,
    colour: str | None = None,
    bold: bool = False,
    layer: int = 0,
) -> Shape:
    paint = []
    if anchor != "start":
        paint.append(f'text-anchor="{anchor}"')
    if size:
        paint.append(f'font-size="{size}"')
    if bold:
        paint.append('font-weight="bold"')
    if colour:
        paint.append(_fill(colour))
    return Shape(
        "text", f'x="{svg_number(x)}" y="{svg_number(y)}"', " ".join(paint), svg_text(text), layer
    )


def text_width(text: str, size: int = FONT) -> float:
    """A generous guess at how wide ``text`` is drawn (there are no font metrics)."""
    return len(text) * size * 0.56


def _fit(text: str, room: float, size: int = FONT) -> str:
    """``text``, cut short with an ellipsis when it would not fit in ``room``."""
    if text_width(text, size) <= room:
        return text
    keep = max(int(room / (size * 0.56)) - 1, 1)
    return text[:keep].rstrip() + "\u2026"


def svg(ident: str, height: float, title: str, desc: str, body: Iterable[Shape]) -> str:
    """One chart: an ``<svg>`` named by its title and described by its description.

    ``ident`` is unique on the page (the ids of the title and description);
    ``data-search-exclude`` keeps the chart's labels out of Material's search
    index, where the figure's caption stands for it.
    """
    tall = svg_number(height)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{tall}" '
        f'viewBox="0 0 {WIDTH} {tall}" role="img" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" font-size="{FONT}" '
        'fill="currentColor" data-search-exclude="">'
    )
    title_ = f'<title id="{ident}-title">{svg_text(title)}</title>'
    desc_ = f'<desc id="{ident}-desc">{svg_text(desc)}</desc>'
    return "\n".join([head, title_, desc_, *_write(body), "</svg>"])


def figure(chart: str, caption: str) -> Markup:
    """The chart and its caption as one raw HTML block, without a blank line.

    A template puts it at the start of a line, with a blank line before and after.
    """
    caption_ = f"<figcaption>{svg_text(caption)}</figcaption>"
    return Markup(f'<figure class="ikb-chart">\n{chart}\n{caption_}\n</figure>')


# ---------------------------------------------------------------------------
# rows of bars

# The layers of a bar chart (see Shape): the texts, then each bar from its
# track up to the marks across it.
_LABELS, _SHOWN, _TRACKS, _BANDS, _BARS, _MARKS = range(6)


@dataclass(frozen=True)
class Segment:
    """A part of a bar: ``value`` in the row's scale, drawn after the parts before it."""

    key: str
    value: float
    colour: str
    tip: str


@dataclass(frozen=True)
class Tick:
    """A mark across a bar at ``value`` (a target), or at ``at`` in the row's
    scale when the value is in other units (a share of the bar)."""

    key: str
    value: float
    tip: str
    at: float | None = None


def _scaled(value: float, scale: float) -> float:
    return RIGHT * value / scale if scale > 0 else 0.0


def bar_row(
    y: float,
    label: str,
    shown: str,
    scale: float,
    segments: Sequence[Segment],
    ticks: Sequence[Tick] = (),
    band: tuple[float, float] | None = None,
) -> list[Shape]:
    """One row: ``label`` at the left and ``shown`` at the right, then a bar of
    ``segments`` on a faint track that stands for ``scale``, a fainter band
    over ``band`` (a range the plan asks for) and ``ticks`` across it."""
    room = RIGHT - text_width(shown) - 12
    body = [
        _text(0, y + 14, _fit(label, room), layer=_LABELS),
        _text(RIGHT, y + 14, shown, anchor="end", bold=True, layer=_SHOWN),
        _rect(0, y + _BAR_Y, RIGHT, _BAR_H, TRACK, layer=_TRACKS),
    ]
    if band is not None:
        low, high = (_scaled(value, scale) for value in band)
        body.append(_rect(low, y + _BAR_Y, high - low, _BAR_H, FAINT, layer=_BANDS))
    x = 0.0
    for part in segments:
        if not part.value and len(segments) > 1:
            continue  # a part of nothing is left out; a bar of nothing is still there
        width = _scaled(part.value, scale)
        body.append(
            _rect(x, y + _BAR_Y, width, _BAR_H, part.colour, part.key, part.value, part.tip, _BARS)
        )
        x += width
    for tick in ticks:
        at = _scaled(tick.value if tick.at is None else tick.at, scale)
        at = min(max(at, 1), RIGHT - 1)
        top, bottom = y + _BAR_Y - 4, y + _BAR_Y + _BAR_H + 4
        body.append(
            _line(
                at,
                top,
                at,
                bottom,
                width=2,
                key=tick.key,
                value=tick.value,
                tip=tick.tip,
                layer=_MARKS,
            )
        )
    return body


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart; ``shown`` is the text at its right (default: the value)."""

    key: str
    label: str
    value: float
    shown: str | None = None
    colour: str = ACCENT


def bar_chart(
    ident: str, title: str, desc: str, bars: Sequence[Bar], scale: float | None = None
) -> str:
    """Horizontal bars on a track that stands for ``scale`` (default: the largest value)."""
    scale = max([scale or 0, *(bar.value for bar in bars)]) or 1
    body: list[Shape] = []
    for index, bar in enumerate(bars):
        shown = bar.shown if bar.shown is not None else svg_number(bar.value)
        tip = f"{bar.label}: {svg_number(bar.value)}"
        part = Segment(bar.key, bar.value, bar.colour, tip)
        body += bar_row(index * _ROW, bar.label, shown, scale, [part])
    return svg(ident, len(bars) * _ROW, title, desc, body)


@dataclass(frozen=True)
class Part:
    """A part of the stacked bars, or a series of columns: its key, name and colour."""

    key: str
    label: str
    colour: str


def legend(parts: Sequence[Part], y: float, x: float = 0) -> list[Shape]:
    """A coloured square and the name of each part, in a row from ``x``; baseline ``y``."""
    squares: list[Shape] = []
    names: list[Shape] = []
    for part in parts:
        squares.append(_rect(x, y - 9, 10, 10, part.colour))
        names.append(_text(x + 14, y, part.label, size=SMALL))
        x += 14 + text_width(part.label, SMALL) + 12
    return squares + names


def stacked_chart(
    ident: str,
    title: str,
    desc: str,
    parts: Sequence[Part],
    rows: Sequence[tuple[str, str, Sequence[int]]],
) -> str:
    """Stacked horizontal bars under a legend: each row is ``(key, label, a count
    per part)``, and the text at its right names the parts that are not zero."""
    scale = max((sum(counts) for _, _, counts in rows), default=0) or 1
    top = 22
    body = legend(parts, 12)
    for index, (key, label, counts) in enumerate(rows):
        pairs = list(zip(counts, parts, strict=True))
        shown = ", ".join(f"{n} {p.label}" for n, p in pairs if n) or "none"
        segments = [
            Segment(f"{key}/{p.key}", n, p.colour, f"{label}: {n} {p.label}") for n, p in pairs
        ]
        body += bar_row(top + index * _ROW, label, shown, scale, segments)
    return svg(ident, top + len(rows) * _ROW, title, desc, body)


# ---------------------------------------------------------------------------
# axes


def _step(largest: float) -> int:
    """A round step for the gridlines of an axis up to ``largest``: at most five."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if largest / step <= 5:
            return step
    return int(10 ** math.ceil(math.log10(largest / 5)))


def _gridlines(left: float, top: float, bottom: float, top_value: int, step: int) -> list[Shape]:
    """A line at each ``step`` from 0 (fainter, the axis) to ``top_value``, its
    value at its left."""
    rules: list[str] = []
    labels: list[Shape] = []
    for value in range(0, top_value + 1, step):
        y = bottom - (bottom - top) * value / top_value
        if value:
            rules.append(_across(left, RIGHT, y))
        labels.append(_text(left - 6, y + 4, str(value), anchor="end", size=SMALL, colour=MUTED))
    body = [_path([_across(left, RIGHT, bottom)], FAINT)]
    if rules:
        body.append(_path(rules, TRACK))
    return body + labels


def _month_labels(
    months: Sequence[date], centres: Sequence[float], spacing: float, y: float
) -> list[Shape]:
    """Month names under an axis (every n-th when they are tight), and the year
    under the first name and under every January."""
    every = max(1, math.ceil(32 / spacing)) if spacing > 0 else 1
    names: list[Shape] = []
    years: list[Shape] = []
    for index, (month, x) in enumerate(zip(months, centres, strict=True)):
        if index % every:
            continue
        names.append(_text(x, y, MONTH_ABBR[month.month - 1], anchor="middle", size=SMALL))
        if index == 0 or month.month == 1:
            years.append(
                _text(x, y + 14, str(month.year), anchor="middle", size=SMALL, colour=MUTED)
            )
    return names + years


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class _TimeAxis:
    """Whole months, from the month of ``first`` to that of ``last``, on the x
    axis from ``left`` to ``right``."""

    def __init__(self, first: date, last: date, left: float, right: float) -> None:
        self.start = _month_start(first)
        self.end = _next_month(last)
        self.left = left
        self.right = right
        self._days = (self.end - self.start).days

    def x(self, day: date) -> float:
        return self.left + (self.right - self.left) * (day - self.start).days / self._days

    def months(self) -> list[date]:
        found, month = [], self.start
        while month < self.end:
            found.append(month)
            month = _next_month(month)
        return found

    def ticks(self, top: float, length: float) -> list[str]:
        """A tick down from ``top`` at the start of each month and at the end,
        as lines of a path."""
        return [_down(self.x(m), top, length) for m in [*self.months(), self.end]]

    def labels(self, y: float) -> list[Shape]:
        """Each month's name between its tick and the next, baseline ``y``."""
        months = self.months()
        centres = [(self.x(m) + self.x(_next_month(m))) / 2 for m in months]
        spacing = (self.right - self.left) / len(months)
        return _month_labels(months, centres, spacing, y)


# ---------------------------------------------------------------------------
# the charts of the pages


def funnel_figure(stages: Stages) -> Markup:
    """The outreach funnel on the dashboard: how many contacts were asked,
    answered, interviewed and thanked, on a track of every contact."""
    share = round(stages.answered / stages.asked * 100) if stages.asked else None
    short = f" ({share}%)" if share is not None else ""
    rate = f" ({share}% of those asked)" if share is not None else ""
    bars = [
        Bar("asked", "Asked for an interview", stages.asked),
        Bar("answered", "Answered, yes or no", stages.answered, f"{stages.answered}{short}"),
        Bar("interviewed", "Interviewed", stages.interviewed),
        Bar("thanked", "Thanked", stages.thanked, colour=GOOD),
    ]
    summary = (
        f"Of {count_of(stages.contacts, 'contact', 'contacts')}, {stages.asked} "
        f"{plural(stages.asked, 'was', 'were')} asked for an interview, {stages.answered} "
        f"answered{rate}, {stages.interviewed} {plural(stages.interviewed, 'was', 'were')} "
        f"interviewed and {stages.thanked} thanked."
    )
    chart = bar_chart("ikb-funnel", "Outreach funnel", summary, bars, stages.contacts)
    return figure(chart, summary)


def plan_figure(plan: Plan, juniors: int, others: int, upper: int | None = None) -> Markup:
    """The plan's progress on the dashboard: interviews held against the plan
    (``upper`` is its upper end), people in a role and at an organization of
    interest against their targets, and juniors against mid-level or senior
    people, with a mark at the share the plan asks for."""
    body: list[Shape] = []
    told: list[str] = []
    y = 0.0
    for target in plan.targets:
        if target.key == "junior-share":
            continue
        high = float(upper) if target.key == "interviews" and upper else target.target
        tip = f"plan: {target.planned}"
        ticks = [Tick(f"{target.key}/plan", target.target, tip)]
        if high > target.target:
            ticks.append(Tick(f"{target.key}/plan-upper", high, tip))
        colour = GOOD if target.done else ACCENT
        bar = Segment(target.key, target.value, colour, f"{target.label}: {target.shown}")
        body += bar_row(
            y,
            target.label,
            f"{target.shown} \u00b7 plan {target.planned}",
            max(target.value, high) or 1,
            [bar],
            ticks,
            (target.target, high) if high > target.target else None,
        )
        told.append(f"{target.label.lower()}: {target.shown} (plan {target.planned})")
        y += _ROW + 4
    share = plan["junior-share"]
    parts = [
        Segment("junior", juniors, GOOD if share.done else ACCENT, f"junior: {juniors}"),
        Segment("mid-or-senior", others, MUTED, f"mid-level or senior: {others}"),
    ]
    scale = juniors + others or 1
    tick = Tick("junior-share/plan", share.target, f"plan: {share.planned}", share.target * scale)
    shown = f"{juniors} / {others} \u00b7 plan {round(share.target * 100)}%"
    body += bar_row(y, "Junior / mid-level or senior", shown, scale, parts, [tick])
    told.append(
        f"junior against mid-level or senior people: {juniors} against {others} "
        f"(plan {share.planned})"
    )
    desc = "Progress against the plan: " + "; ".join(told) + "."
    chart = svg("ikb-plan", y + _ROW, "Progress against the plan", desc, body)
    caption = "Where you stand against each target of the plan; a mark shows the target."
    return figure(chart, f"{caption} {TABLE_BELOW}")


ACTIVITY = (
    Part("requests", "Requests", ACCENT),
    Part("replies", "Replies", MUTED),
    Part("interviews", "Interviews", GOOD),
)


def activity_figure(months: Sequence[Month]) -> Markup:
    """Activity per month on the timeline: requests sent, replies received and
    interviews held, a group of columns per month, with gridlines."""
    left, top, plot = 24.0, 26.0, 130.0
    bottom = top + plot
    values = [(m.requests, m.replies, m.interviews) for m in months]
    largest = max((v for row in values for v in row), default=0)
    step = _step(max(largest, 1))
    top_value = max(step, math.ceil(largest / step) * step)
    body = legend(ACTIVITY, 12, left)
    body += _gridlines(left, top, bottom, top_value, step)
    spacing = (RIGHT - left) / len(months)
    gap = min(spacing * 0.2, 10)
    width = (spacing - gap) / len(ACTIVITY)
    centres = []
    # The columns of each part together, for their paint: no two overlap.
    columns: list[list[Shape]] = [[] for _ in ACTIVITY]
    for index, (month, row) in enumerate(zip(months, values, strict=True)):
        x = left + index * spacing + gap / 2
        centres.append(x + (spacing - gap) / 2)
        for count, part, column in zip(row, ACTIVITY, columns, strict=True):
            if not count:
                x += width
                continue
            height = plot * count / top_value
            key = f"{month.month:%Y-%m}/{part.key}"
            tip = f"{month_title(month.month)}, {part.label.lower()}: {count}"
            column.append(_rect(x, bottom - height, width, height, part.colour, key, count, tip))
            x += width
    for column in columns:
        body += column
    body += _month_labels([m.month for m in months], centres, spacing, bottom + 16)
    span = f"from {month_title(months[0].month)} to {month_title(months[-1].month)}"
    totals = [sum(row[i] for row in values) for i in range(len(ACTIVITY))]
    desc = (
        f"Activity per month {span}: {count_of(totals[0], 'request')} sent, "
        f"{count_of(totals[1], 'reply', 'replies')} received and "
        f"{count_of(totals[2], 'interview')} held in all."
    )
    chart = svg("ikb-activity", bottom + 34, "Activity per month", desc, body)
    caption = (
        f"Requests sent, replies received (a no included) and interviews held, each month {span}."
    )
    return figure(chart, f"{caption} {TABLE_BELOW}")


INTEREST = (
    Part("yes", "yes", GOOD),
    Part("no", "no", BAD),
    Part("unsure", "unsure", MUTED),
)


def interest_figure(rows: Sequence[TagInterest]) -> Markup:
    """Still interested by tag on the reflections page: yes, no and unsure
    stacked, a bar per tag ("no tag" last, with an empty key)."""
    data = [(r.tag or "", r.tag or "no tag", (r.yes, r.no, r.unsure)) for r in rows]
    desc = (
        "Still interested after each conversation, by tag of the person: "
        + "; ".join(
            f"{label}: {yes} yes, {no} no, {unsure} unsure" for _, label, (yes, no, unsure) in data
        )
        + "."
    )
    chart = stacked_chart("ikb-interest", "Still interested, by tag", desc, INTEREST, data)
    caption = "Still interested after each conversation, yes, no or unsure, by tag of the person."
    return figure(chart, f"{caption} {TABLE_BELOW}")


def rating_figure(ratings: Sequence[Rating], who: Mapping[str, str]) -> Markup:
    """The rating of each conversation over time on the reflections page: a dot
    per rated conversation at its date, from 1 to 5, and the average as a
    dashed line. ``who`` names each interview (by slug) in its dot's tooltip."""
    left, top, step = 24.0, 10.0, 26.0
    bottom = top + 4 * step
    axis = _TimeAxis(ratings[0].date, ratings[-1].date, left + 8, RIGHT - 8)
    levels = [(value, bottom - (value - 1) * step) for value in range(1, 6)]
    body = [
        _path([_across(left, RIGHT, y) for value, y in levels if value > 1], TRACK),
        _path([_across(left, RIGHT, bottom)], FAINT),
        _path(axis.ticks(bottom, 4), FAINT),
    ]
    for value, y in levels:
        body.append(_text(left - 6, y + 4, str(value), anchor="end", size=SMALL, colour=MUTED))
    body += axis.labels(bottom + 18)
    points = [(axis.x(r.date), bottom - (r.rating - 1) * step) for r in ratings]
    if len(points) > 1:
        line = " ".join(f"{svg_number(x)},{svg_number(y)}" for x, y in points)
        body.append(Shape("polyline", f'points="{line}"', _stroke(FAINT, 2, filled=False)))
    average = sum(r.rating for r in ratings) / len(ratings)
    y = bottom - (average - 1) * step
    tip = f"average: {average:.1f}"
    body.append(_line(left, y, RIGHT, y, MUTED, dashed=True, key="average", value=average, tip=tip))
    body.append(_text(RIGHT, y - 5, f"average {average:.1f}", anchor="end", size=SMALL))
    for rating, (x, y) in zip(ratings, points, strict=True):
        tip = f"{who.get(rating.interview, rating.interview)}: {rating.rating} of 5"
        body.append(_circle(x, y, 5, ACCENT, key=rating.interview, value=rating.rating, tip=tip))
    desc = (
        f"{count_of(len(ratings), 'conversation', 'conversations')} rated from 1 to 5, "
        f"from {ratings[0].date.isoformat()} to {ratings[-1].date.isoformat()}: "
        + ", ".join(str(r.rating) for r in ratings)
        + f"; average {average:.1f}."
    )
    chart = svg("ikb-ratings", bottom + 36, "Rating over time", desc, body)
    caption = (
        "How well each conversation went, from 1 to 5, at its date; the dashed line is the "
        f"average, {average:.1f}."
    )
    return figure(chart, f"{caption} {TABLE_BELOW}")


@dataclass(frozen=True)
class Mark:
    """How the strip draws one kind of event: its legend, colour, shape, size."""

    label: str
    colour: str
    hollow: bool = False
    radius: float = 5


OTHER_MARK = Mark("other", MUTED, radius=3.5)
STRIP_MARKS = {
    "request": Mark("request or reminder", ACCENT, hollow=True),
    "follow-up": Mark("request or reminder", ACCENT, hollow=True),
    "reply": Mark("reply", ACCENT),
    "declined": Mark("declined", BAD),
    "interview": Mark("interview", GOOD, radius=6),
    "interview-scheduled": Mark("interview coming up", GOOD, hollow=True, radius=6),
    "interview-cancelled": Mark("cancelled", MUTED, hollow=True),
}
#: How the strip's caption counts each kind of event: singular, plural.
STRIP_NOUNS = {
    "request": ("request", "requests"),
    "follow-up": ("reminder", "reminders"),
    "reply": ("reply", "replies"),
    "declined": ("refusal", "refusals"),
    "interview": ("interview", "interviews"),
    "interview-scheduled": ("interview coming up", "interviews coming up"),
    "interview-cancelled": ("cancelled interview", "cancelled interviews"),
    "thank-you": ("thank-you note", "thank-you notes"),
    "promised-received": ("promised item received", "promised items received"),
    "update": ("update", "updates"),
    "note": ("note", "notes"),
    "closed": ("closing", "closings"),
}
_TIP_LENGTH = 90


def strip_lanes(xs: Sequence[float], gap: float = 11) -> list[int]:
    """A lane for each dot, in order along the axis, so that no two in a lane touch."""
    ends: list[float] = []
    lanes = []
    for x in xs:
        for lane, end in enumerate(ends):
            if x - end >= gap:
                ends[lane] = x
                lanes.append(lane)
                break
        else:
            ends.append(x)
            lanes.append(len(ends) - 1)
    return lanes


def strip_figure(events: Sequence[Event], today: date, name: str) -> Markup:
    """A contact's timeline as a strip: a dot per event on an axis of months,
    from the month of the first event to that of the last or of today,
    whichever is later; a dashed line at today; dots of one day stacked."""
    ordered = sorted(events, key=lambda e: e.date)
    axis = _TimeAxis(ordered[0].date, max(ordered[-1].date, today), 6, RIGHT - 6)
    xs = [axis.x(e.date) for e in ordered]
    lanes = strip_lanes(xs)
    base = 26 + max(lanes) * 13
    body = [_path([_across(0, RIGHT, base)], FAINT), _path(axis.ticks(base, 5), FAINT)]
    body += axis.labels(base + 19)
    x = axis.x(today)
    body.append(_line(x, 14, x, base + 5, MUTED, dashed=True))
    anchor = "end" if x > RIGHT - 20 else "start" if x < 20 else "middle"
    body.append(_text(x, 10, "today", anchor=anchor, size=SMALL, colour=MUTED))
    for event, x, lane in zip(ordered, xs, lanes, strict=True):
        mark = STRIP_MARKS.get(event.kind, OTHER_MARK)
        text = event.text
        if len(text) > _TIP_LENGTH:
            text = text[:_TIP_LENGTH].rstrip() + "\u2026"
        key = f"{event.date.isoformat()}/{event.kind}"
        tip = f"{event.date.isoformat()}: {text}"
        body.append(
            _circle(x, base - lane * 13, mark.radius, mark.colour, mark.hollow, key, None, tip)
        )
    marks = {STRIP_MARKS.get(e.kind, OTHER_MARK) for e in ordered}
    y, at = base + 50, 2.0
    names: list[Shape] = []  # after the dots of the legend, for their paint
    for mark in [m for m in (*dict.fromkeys(STRIP_MARKS.values()), OTHER_MARK) if m in marks]:
        room = 14 + text_width(mark.label, SMALL) + 14
        if at > 2 and at + room > RIGHT:
            y, at = y + 18, 2.0
        body.append(_circle(at + 5, y - 4, min(mark.radius, 5), mark.colour, mark.hollow))
        names.append(_text(at + 14, y, mark.label, size=SMALL))
        at += room
    body += names
    counts: dict[str, int] = {}
    for event in ordered:
        counts[event.kind] = counts.get(event.kind, 0) + 1
    told = ", ".join(
        count_of(n, *STRIP_NOUNS.get(kind, (kind, kind))) for kind, n in counts.items()
    )
    span = f"from {ordered[0].date.isoformat()} to {ordered[-1].date.isoformat()}"
    events_ = count_of(len(ordered), "event", "events")
    desc = f"{events_} {span}: {told}."
    # The dates are in the list below; the caption does not repeat them.
    caption = f"{events_}, each a dot at its date: {told}. The list below gives each one."
    chart = svg("ikb-strip", y + 6, f"Timeline of {name}", desc, body)
    return figure(chart, caption)


def category_figure(counts: Sequence[PublicCount]) -> Markup:
    """The guide's one chart: how often members asked a question of each
    category. Counts the guide publishes anyway; nothing about a person."""
    bars = [Bar(c.category, c.category.capitalize(), c.asked) for c in counts]
    summary = (
        "How often a question of each category was asked: "
        + ", ".join(f"{c.category} {c.asked}" for c in counts)
        + " (a question counts once for each conversation that asked it)."
    )
    chart = bar_chart("ikb-categories", "Questions asked, by category", summary, bars)
    return figure(chart, summary)
