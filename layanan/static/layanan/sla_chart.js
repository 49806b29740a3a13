// The SLA report's chart: on-time % per service as bars, the target as a line.
// Loaded as a file (the CSP forbids inline scripts); the numbers come from grafik.json,
// the same report the table below the chart shows for readers and screen readers.
(function () {
  "use strict";

  function draw(canvas, data) {
    var target = data.labels.map(function () { return data.target; });
    var colours = data.on_time_percent.map(function (value) {
      return value !== null && value < data.target ? "#c0392b" : "#2e86c1";
    });
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: data.series_label, data: data.on_time_percent, backgroundColor: colours, order: 2 },
          {
            type: "line",
            label: data.target_label,
            data: target,
            borderColor: "#1e8449",
            borderDash: [6, 4],
            pointRadius: 0,
            fill: false,
            order: 1,
          },
        ],
      },
      options: {
        animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function start() {
    var canvas = document.getElementById("sla-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    fetch(canvas.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        draw(canvas, data);
        canvas.dataset.drawn = "1";
      })
      .catch(function () {
        canvas.hidden = true; // the table still carries every number
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
