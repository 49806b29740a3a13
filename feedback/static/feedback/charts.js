// The charts of the complaint register and of the IKM report. Loaded as a file (the CSP
// forbids inline scripts); the numbers come from the page's grafik.json, the same report
// the tables below the chart show for readers and screen readers.
(function () {
  "use strict";

  function register(canvas, data) {
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.received_label, data: data.received, backgroundColor: "#2e86c1", yAxisID: "y" },
          { type: "line", label: data.on_time_label, data: data.on_time_percent, borderColor: "#1e8449", yAxisID: "pct" },
        ],
      },
      options: {
        animation: false,
        scales: { y: { beginAtZero: true }, pct: { position: "right", min: 0, max: 100 } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function ikm(canvas, data) {
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.unsur_labels,
        datasets: [{ label: data.nrr_label, data: data.nrr, backgroundColor: "#2e86c1" }],
      },
      options: { animation: false, indexAxis: "y", scales: { x: { min: 1, max: 4 } }, plugins: { legend: { position: "bottom" } } },
    });
  }

  function start() {
    var canvas = document.getElementById("feedback-chart");
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
        (canvas.dataset.kind === "ikm" ? ikm : register)(canvas, data);
        canvas.dataset.drawn = "1";
      })
      .catch(function () {
        canvas.hidden = true; // the tables still carry every number
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
