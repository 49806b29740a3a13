// The IP-ASN distribution by kategori as bars. A file, not inline (the CSP forbids inline
// scripts); the numbers come from the json_script beside the canvas, the same ones the table shows.
(function () {
  "use strict";
  var colours = ["#1e8449", "#52be80", "#f4d03f", "#e67e22", "#c0392b"];

  function start() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas.ipasn-distribution").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.source);
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      // eslint-disable-next-line no-undef
      new Chart(canvas, {
        type: "bar",
        data: { labels: data.labels, datasets: [{ data: data.counts, backgroundColor: colours }] },
        options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
      });
      canvas.dataset.drawn = "1";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
