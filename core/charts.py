"""Charts: every chart of the project is described on the server as one small JSON "spec"
and drawn by one script, core/static/pelita/chart.js (Chart.js underneath).

A page either embeds the spec (``{{ spec|json_script:"id" }}`` and ``data-chart="id"`` on the
canvas) or links it (``data-chart-url``, for charts that refresh). The numbers are always also
in a table on the page, for screen readers, printing and people who would rather read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# The palette every chart draws with, in order; the colour for a value below its target.
PALETTE = ("#2e86c1", "#28b463", "#f39c12", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#c0392b")
BELOW_TARGET = "#c0392b"


def series(
    label: str,
    values: Sequence[float | int | None],
    *,
    kind: str = "bar",
    axis: str = "value",
    colours: Sequence[str] | None = None,
) -> dict[str, Any]:
    """One data series: ``kind`` is "bar" or "line". ``axis="percent"`` draws it against a
    second 0–100 % axis on the far side (a share beside counts); ``colours`` gives each value
    its own colour (categories that carry a meaning, e.g. good to bad)."""
    return {
        "label": str(label),
        "values": list(values),
        "kind": kind,
        "axis": axis,
        "colours": list(colours) if colours else None,
    }


def chart_spec(
    *,
    labels: Sequence[str],
    data: Sequence[dict[str, Any]],
    kind: str = "bar",
    target: tuple[str, float] | None = None,
    percent: bool = False,
    stacked: bool = False,
    horizontal: bool = False,
    value_range: tuple[float, float] | None = None,
    legend: bool = True,
) -> dict[str, Any]:
    """The JSON chart.js draws. ``kind`` is "bar", "line", "doughnut" or "pie"; ``target``
    (label, value) draws a dashed line and colours the bars below it; ``percent`` fixes the
    value axis to 0–100 %; ``value_range`` (min, max) fixes it to a scale (e.g. 1–4);
    ``stacked`` stacks the bars; ``horizontal`` lays the bars sideways; ``legend=False``
    hides the legend of a single unnamed series."""
    return {
        "kind": kind,
        "labels": [str(label) for label in labels],
        "series": list(data),
        "target": {"label": str(target[0]), "value": target[1]} if target else None,
        "percent": percent,
        "stacked": stacked,
        "horizontal": horizontal,
        "value_range": list(value_range) if value_range else None,
        "legend": legend,
        "palette": PALETTE,
        "below_target": BELOW_TARGET,
    }
