"""Server-rendered SVG charts: no JavaScript, readable without a network, printable.

Pure Python. Every text is XML-escaped here, so templates may output the result as safe.
"""

from __future__ import annotations

from html import escape

from salon.analytics.tables import Table

PALETTE = ("#1f5fbf", "#1e7b4f", "#d08700", "#8a3ffc", "#b42318", "#4a5568")
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"


def _series(table: Table) -> list[tuple[str, list[float]]]:
    series = []
    for index, column in enumerate(table.columns):
        if index == 0 or not (column.numeric and column.charted):
            continue
        series.append((column.label, [float(row[index] or 0) for row in table.rows]))
    return series


def _nice_max(value: float) -> float:
    """A round axis maximum (1, 2, 2.5, 5 × 10ⁿ) at or above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def _number(value: float) -> str:
    return f"{int(value):,}".replace(",", "\u202f") if value == int(value) else f"{value:.1f}"


def _legend(series: list[tuple[str, list[float]]], x: float, y: float) -> list[str]:
    parts = []
    for index, (label, _) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<g class="legend"><rect x="{x:.0f}" y="{y - 9:.0f}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.0f}" y="{y:.0f}">{escape(label)}</text></g>'
        )
        x += 24 + 7 * len(label)
    return parts


def _open(table: Table, width: int, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-table="{escape(table.key)}" '
        f'viewBox="0 0 {width} {height:.0f}" width="100%" role="img" '
        f'aria-labelledby="chart-{escape(table.key)}-title" font-family="{FONT}" font-size="12">',
        f'<title id="chart-{escape(table.key)}-title">{escape(table.title)}</title>',
    ]


def bar_chart(table: Table, *, width: int = 640, label_width: int = 190, bar: int = 12) -> str:
    """Horizontal grouped bars: long labels (countries, sessions, categories) stay legible."""
    series = _series(table)
    if not series or not table.rows:
        return ""
    top, gap = 28, 8
    group = bar * len(series) + gap
    height = top + group * len(table.rows) + 8
    scale_max = _nice_max(max(max(values) for _, values in series))
    plot = width - label_width - 60
    parts = _open(table, width, height)
    parts += _legend(series, label_width, 14)
    for row_index, row in enumerate(table.rows):
        y0 = top + row_index * group
        label = str(row[0])
        fits = label_width // 7
        shown = label if len(label) <= fits else label[: fits - 1] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y0 + group / 2 - 1:.0f}" text-anchor="end" '
            f'dominant-baseline="middle"><title>{escape(label)}</title>{escape(shown)}</text>'
        )
        for s_index, (name, values) in enumerate(series):
            value = values[row_index]
            length = plot * value / scale_max
            y = y0 + s_index * bar
            parts.append(
                f'<rect class="bar" x="{label_width}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{PALETTE[s_index % len(PALETTE)]}"><title>{escape(label)} · {escape(name)}: '
                f"{_number(value)}</title></rect>"
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar / 2 - 1:.0f}" '
                f'dominant-baseline="middle" fill="#4a5568" font-size="10">{_number(value)}</text>'
            )
    parts.append(
        f'<line x1="{label_width}" y1="{top - 4}" x2="{label_width}" y2="{height - 6:.0f}" stroke="#9aa4b2"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(table: Table, *, width: int = 640, height: int = 240) -> str:
    """Vertical grouped columns for a few ordered categories (show days, pipeline stages)."""
    series = _series(table)
    if not series or not table.rows:
        return ""
    left, top, bottom = 48, 28, 34
    plot_h = height - top - bottom
    plot_w = width - left - 10
    scale_max = _nice_max(max(max(values) for _, values in series))
    slot = plot_w / len(table.rows)
    bar = min(36.0, (slot - 12) / len(series))
    parts = _open(table, width, height)
    parts += _legend(series, left, 14)
    for tick in range(5):
        value = scale_max * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#e5e8ee"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#6b7689" font-size="10">'
            f"{_number(value)}</text>"
        )
    for row_index, row in enumerate(table.rows):
        x0 = left + row_index * slot + (slot - bar * len(series)) / 2
        for s_index, (name, values) in enumerate(series):
            value = values[row_index]
            bar_h = plot_h * value / scale_max
            x = x0 + s_index * bar
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar - 2:.1f}" '
                f'height="{bar_h:.1f}" fill="{PALETTE[s_index % len(PALETTE)]}">'
                f"<title>{escape(str(row[0]))} · {escape(name)}: {_number(value)}</title></rect>"
            )
        parts.append(
            f'<text x="{left + row_index * slot + slot / 2:.1f}" y="{height - bottom + 16}" '
            f'text-anchor="middle">{escape(str(row[0]))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_chart(table: Table) -> str:
    if table.chart == "bars":
        return bar_chart(table)
    if table.chart == "columns":
        return column_chart(table)
    return ""
