// The helpdesk report's chart: tickets received per problem type as bars, the on-time share
// as a line on a second axis. The numbers come from grafik.json, the same report as the table.
(function () {
  "use strict";

  function draw(canvas, data) {
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: data.received_label, data: data.received, backgroundColor: "#2e86c1", yAxisID: "y", order: 2 },
          { type: "line", label: data.on_time_label, data: data.on_time_percent, borderColor: "#1e8449", yAxisID: "percent", order: 1 },
        ],
      },
      options: {
        animation: false,
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          percent: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function start() {
    var canvas = document.getElementById("helpdesk-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    fetch(canvas.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error(r.status);
        }
        return r.json();
      })
      .then(function (data) {
        draw(canvas, data);
        canvas.dataset.drawn = "1";
      })
      .catch(function () { canvas.hidden = true; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
