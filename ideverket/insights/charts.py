"""Horizontal bar charts drawn as SVG on the server (no JavaScript, no inline style).

Each row is a line of text (the label and its figure) above one bar per series. Bar lengths are
percentages of the chart's width, so the chart narrows to 320 px without shrinking its text;
the numbers themselves are always in the data table next to the chart too.
"""

from dataclasses import dataclass, field

# Colours with at least 3:1 contrast against white (WCAG 1.4.11, graphical objects).
SERIES_COLOURS = ("#0b5cad", "#16653a", "#7a4d00", "#b00020")
LINE = 20  # height of a text line
BAR = 14  # height of one bar
GAP = 4  # space below each bar
ROW_GAP = 10  # space below each row


@dataclass
class Bar:
    width: float  # percent of the chart's width
    y: int
    colour: str


@dataclass
class ChartRow:
    text: str
    text_y: int
    bars: list = field(default_factory=list)


@dataclass
class Series:
    name: str
    colour: str


@dataclass
class BarChart:
    """What the `insights/_bar_chart.html` include draws."""

    chart_id: str
    title: str
    rows: list
    series: list
    height: int

    @property
    def legend(self):
        return len(self.series) > 1


def bar_chart(chart_id, title, items, series_names=None):
    """A chart of `items`: (text, [value per series]) pairs; values are numbers or None.

    Every series shares one scale (the largest value), so bars compare across rows and series.
    """
    series_names = series_names or [""]
    series = [
        Series(name, SERIES_COLOURS[index % len(SERIES_COLOURS)])
        for index, name in enumerate(series_names)
    ]
    largest = max(
        (float(value) for _text, values in items for value in values if value is not None),
        default=0,
    )
    rows = []
    y = 0
    for text, values in items:
        row = ChartRow(text=text, text_y=y + 15)
        y += LINE
        for index, value in enumerate(values):
            width = 0.0
            if largest > 0 and value is not None and value > 0:
                # A visible sliver for tiny values, so "some" never looks like "none".
                width = max(round(float(value) / largest * 100, 1), 0.5)
            row.bars.append(Bar(width=width, y=y, colour=series[index].colour))
            y += BAR + GAP
        y += ROW_GAP
        rows.append(row)
    return BarChart(chart_id, title, rows, series, max(y, LINE))
