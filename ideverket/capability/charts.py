"""Geometry for the two server-rendered SVG charts; the templates only draw what is here.

Both charts are pictures of a data table printed right below them, which is what screen
readers and keyboard users read. No JavaScript: the numbers are placed here.
"""

from dataclasses import dataclass, field

# Distinguishable on white and above 3:1 against it; the municipality is always the dark grey.
PALETTE = ["#0b5cad", "#b35900", "#16653a", "#7a2e8e", "#b00020", "#00707a", "#5c4b00"]
MUNICIPALITY_COLOUR = "#333333"
SCALE_LOW, SCALE_HIGH = 1, 5


def colours(keys, municipality_key):
    """{key: colour}, stable by position; the municipality grey."""
    result, free = {}, iter(PALETTE * 4)
    for key in keys:
        result[key] = MUNICIPALITY_COLOUR if key == municipality_key else next(free)
    return result


@dataclass
class Series:
    name: str
    colour: str
    points: list = field(default_factory=list)  # (x, y, label)
    lines: list = field(default_factory=list)  # "x1,y1 x2,y2 …" per unbroken stretch


@dataclass
class LineChart:
    width: int
    height: int
    series: list
    x_ticks: list  # (x, label)
    y_ticks: list  # (y, label)
    left: int
    right: int


def line_chart(x_labels, series_values, *, width=640, height=260):
    """`series_values`: [(name, colour, [value or None per x label])] on the 1–5 scale."""
    left, right, top, bottom = 36, width - 16, 16, height - 32
    count = len(x_labels)

    def x_at(i):
        if count == 1:
            return (left + right) / 2
        return left + 24 + (right - left - 48) * i / (count - 1)

    def y_at(value):
        return bottom - (bottom - top) * (value - SCALE_LOW) / (SCALE_HIGH - SCALE_LOW)

    out = []
    for name, colour, values in series_values:
        series = Series(name=name, colour=colour)
        stretch = []
        for i, value in enumerate(values):
            if value is None:
                if len(stretch) > 1:
                    series.lines.append(" ".join(stretch))
                stretch = []
                continue
            x, y = round(x_at(i), 1), round(y_at(value), 1)
            series.points.append((x, y, f"{value:.1f}".replace(".", ",")))
            stretch.append(f"{x},{y}")
        if len(stretch) > 1:
            series.lines.append(" ".join(stretch))
        out.append(series)
    return LineChart(
        width=width,
        height=height,
        series=out,
        x_ticks=[(round(x_at(i), 1), label) for i, label in enumerate(x_labels)],
        y_ticks=[(round(y_at(v), 1), str(v)) for v in range(SCALE_LOW, SCALE_HIGH + 1)],
        left=left,
        right=right,
    )


@dataclass
class Bar:
    y: float
    width: float
    colour: str
    label: str
    value: str


@dataclass
class BarBlock:
    title: str
    y: float
    bars: list


@dataclass
class BarChart:
    width: int
    height: int
    blocks: list
    left: int
    full: float


def bar_chart(blocks_values, *, width=400, bar=12, gap=16):
    """`blocks_values`: [(dimension name, [(group name, colour, value or None)])].

    One block per dimension: its name, then one bar per group with the group's name above it
    and the average after it; a missing value is written as such, with no bar.
    """
    left, label_room = 2, 44
    full = width - left - label_room
    y = 4
    blocks = []
    for title, values in blocks_values:
        block = BarBlock(title=title, y=y + 14, bars=[])
        y += 22
        for name, colour, value in values:
            y += 13  # the group's name above its bar
            shown = "–" if value is None else f"{value:.1f}".replace(".", ",")
            length = 0 if value is None else full * value / SCALE_HIGH
            block.bars.append(
                Bar(y=y, width=round(length, 1), colour=colour, label=name, value=shown)
            )
            y += bar + 4
        blocks.append(block)
        y += gap
    return BarChart(width=width, height=int(y), blocks=blocks, left=left, full=full)
