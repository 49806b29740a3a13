// Draws every chart of the project from the JSON spec the server builds (core/charts.py):
// a canvas carries data-chart="<id of a json_script element>" or data-chart-url="<url>".
// One script for all charts; a file because the CSP allows no inline script. When a chart
// cannot be drawn the canvas hides: the table beside it carries every number.
//
// What a spec can ask for (see core.charts.chart_spec / series):
// - kind bar, line, doughnut or pie; series of kind bar or line mixed on one chart;
// - target: a dashed line at a value, bars below it coloured as below target;
// - percent (value axis 0–100 %) or value_range [min, max] (e.g. a 1–4 scale);
// - stacked bars, horizontal bars, legend: false;
// - a series with axis "percent": drawn against a second 0–100 % axis on the far side;
// - a series with colours: one colour per value instead of the palette's colour.
// Live charts: data-chart-refresh="<seconds>" beside data-chart-url fetches the spec again
// at that interval and updates the chart in place. After every fetch the canvas dispatches
// a "pelita:chart-data" event (bubbling) whose detail is the whole JSON answer, so a page
// can refresh the numbers of its table from the same answer without polling on its own
// (core/static/pelita/live-numbers.js). data-chart-key="<key>" draws answer[<key>] when the
// spec travels inside a larger answer.
(function () {
  "use strict";

  function percentAxis(axis) {
    axis.min = 0;
    axis.max = 100;
    axis.ticks = { callback: function (v) { return v + "%"; } };
    return axis;
  }

  function config(spec) {
    var round = spec.kind === "doughnut" || spec.kind === "pie";
    var second = false;
    var datasets = spec.series.map(function (s, i) {
      var colour = spec.palette[i % spec.palette.length];
      var set = { label: s.label, data: s.values, type: round ? undefined : s.kind, order: s.kind === "line" ? 1 : 2 };
      if (s.axis === "percent" && !round) {
        second = true;
        set[spec.horizontal ? "xAxisID" : "yAxisID"] = "percent";
      }
      if (s.colours) {
        set.backgroundColor = s.colours;
        set.borderColor = s.colours;
      } else if (round) {
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
    var options = {
      animation: false,
      responsive: true,
      plugins: { legend: { display: spec.legend !== false, position: "bottom" } },
    };
    if (!round) {
      var value = { beginAtZero: true, stacked: spec.stacked };
      if (spec.percent) {
        percentAxis(value);
      } else if (spec.value_range) {
        value.beginAtZero = false;
        value.min = spec.value_range[0];
        value.max = spec.value_range[1];
      }
      var index = { stacked: spec.stacked };
      options.indexAxis = spec.horizontal ? "y" : "x";
      options.scales = spec.horizontal ? { x: value, y: index } : { y: value, x: index };
      if (second) {
        options.scales.percent = percentAxis({
          axis: spec.horizontal ? "x" : "y",
          position: spec.horizontal ? "top" : "right",
          grid: { drawOnChartArea: false },
        });
      }
    }
    return { type: round ? spec.kind : "bar", data: { labels: spec.labels, datasets: datasets }, options: options };
  }

  function draw(canvas, spec) {
    // eslint-disable-next-line no-undef
    var existing = Chart.getChart(canvas);
    if (existing) {
      var next = config(spec);
      existing.data.labels = next.data.labels;
      existing.data.datasets = next.data.datasets;
      existing.update("none");
    } else {
      // eslint-disable-next-line no-undef
      new Chart(canvas, config(spec));
    }
    canvas.dataset.drawn = "1";
  }

  function load(canvas) {
    var refresh = parseInt(canvas.dataset.chartRefresh, 10) * 1000;
    fetch(canvas.dataset.chartUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        draw(canvas, canvas.dataset.chartKey ? answer[canvas.dataset.chartKey] : answer);
        canvas.dispatchEvent(new CustomEvent("pelita:chart-data", { bubbles: true, detail: answer }));
      })
      .catch(function () {
        // A live chart keeps what it shows through a dropped connection; the next fetch retries.
        if (!refresh) {
          canvas.hidden = true;
        }
      })
      .then(function () {
        if (refresh) {
          window.setTimeout(function () { load(canvas); }, refresh);
        }
      });
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
      load(canvas);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
