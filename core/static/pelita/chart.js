// Draws every chart of the project from the JSON spec the server builds (core/charts.py):
// a canvas carries data-chart="<id of a json_script element>" or data-chart-url="<url>".
// One script for all charts; a file because the CSP allows no inline script. When a chart
// cannot be drawn the canvas hides: the table beside it carries every number.
(function () {
  "use strict";

  function config(spec) {
    var round = spec.kind === "doughnut" || spec.kind === "pie";
    var datasets = spec.series.map(function (s, i) {
      var colour = spec.palette[i % spec.palette.length];
      var set = { label: s.label, data: s.values, type: round ? undefined : s.kind, order: s.kind === "line" ? 1 : 2 };
      if (round) {
        set.backgroundColor = s.values.map(function (_v, j) { return spec.palette[j % spec.palette.length]; });
      } else if (s.kind === "line") {
        set.borderColor = colour;
        set.backgroundColor = colour;
        set.fill = false;
      } else if (spec.target) {
        set.backgroundColor = s.values.map(function (v) {
          return v !== null && v < spec.target.value ? spec.below_target : colour;
        });
      } else {
        set.backgroundColor = colour;
      }
      return set;
    });
    if (spec.target) {
      datasets.push({
        type: "line",
        label: spec.target.label,
        data: spec.labels.map(function () { return spec.target.value; }),
        borderColor: "#1e8449",
        borderDash: [6, 4],
        pointRadius: 0,
        fill: false,
        order: 0,
      });
    }
    var options = { animation: false, responsive: true, plugins: { legend: { position: "bottom" } } };
    if (!round) {
      var value = { beginAtZero: true, stacked: spec.stacked };
      if (spec.percent) {
        value.min = 0;
        value.max = 100;
        value.ticks = { callback: function (v) { return v + "%"; } };
      }
      options.indexAxis = spec.horizontal ? "y" : "x";
      options.scales = spec.horizontal ? { x: value, y: { stacked: spec.stacked } } : { y: value, x: { stacked: spec.stacked } };
    }
    return { type: round ? spec.kind : "bar", data: { labels: spec.labels, datasets: datasets }, options: options };
  }

  function draw(canvas, spec) {
    // eslint-disable-next-line no-undef
    new Chart(canvas, config(spec));
    canvas.dataset.drawn = "1";
  }

  function start() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart], canvas[data-chart-url]").forEach(function (canvas) {
      try {
        if (canvas.dataset.chart) {
          draw(canvas, JSON.parse(document.getElementById(canvas.dataset.chart).textContent));
          return;
        }
      } catch (e) {
        canvas.hidden = true;
        return;
      }
      fetch(canvas.dataset.chartUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (spec) { draw(canvas, spec); })
        .catch(function () { canvas.hidden = true; });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
