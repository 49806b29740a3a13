// The participation page: the cumulative chart of submissions, and live numbers.
// Every `data-interval` seconds (30 by default) it fetches data.json and updates the
// table cells, the bars and the chart in place. A file of its own because the CSP forbids
// inline scripts; without JS the table is complete and a "Muat ulang" link refreshes it.
(function () {
  "use strict";

  var section = document.getElementById("participation");
  if (!section) {
    return;
  }
  var canvas = document.getElementById("participation-chart");
  var interval = (parseInt(section.dataset.interval, 10) || 30) * 1000;
  var chart = null;

  function setField(row, name, value) {
    var cell = row.querySelector('[data-field="' + name + '"]');
    if (!cell) {
      return;
    }
    var link = cell.querySelector("a");
    (link || cell).textContent = value;
  }

  function updateRow(row, data) {
    ["target", "submitted", "accepted", "missing", "percent_label"].forEach(function (name) {
      setField(row, name, String(data[name]));
    });
    var meter = row.querySelector('[data-field="meter"]');
    if (meter) {
      meter.value = data.percent;
      meter.textContent = data.percent_label + "%";
    }
  }

  function updateTable(data) {
    data.rows.forEach(function (rowData) {
      var row = section.querySelector('tr[data-opd="' + rowData.opd_id + '"]');
      if (row) {
        updateRow(row, rowData);
      }
    });
    var total = section.querySelector('tr[data-opd="total"]');
    if (total) {
      updateRow(total, data.total);
    }
    var updated = section.querySelector('[data-field="updated"]');
    if (updated) {
      updated.textContent = data.updated;
    }
    section.dataset.refreshed = String((parseInt(section.dataset.refreshed, 10) || 0) + 1);
  }

  function drawChart(data) {
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    var target = data.chart.labels.map(function () { return data.chart.target; });
    if (chart) {
      chart.data.labels = data.chart.labels;
      chart.data.datasets[0].data = data.chart.values;
      chart.data.datasets[1].data = target;
      chart.update("none");
      return;
    }
    // eslint-disable-next-line no-undef
    chart = new Chart(canvas, {
      type: "line",
      data: {
        labels: data.chart.labels,
        datasets: [
          { label: data.chart.label, data: data.chart.values, borderColor: "#2e86c1", fill: false, tension: 0.1 },
          {
            label: data.chart.target_label,
            data: target,
            borderColor: "#1e8449",
            borderDash: [6, 4],
            pointRadius: 0,
            fill: false,
          },
        ],
      },
      options: {
        animation: false,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.dataset.drawn = "1";
  }

  function refresh(updateNumbers) {
    fetch(section.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (updateNumbers) {
          updateTable(data);
        }
        drawChart(data);
      })
      .catch(function () {
        // A dropped connection on a phone: the numbers shown stay, the next poll tries again.
      })
      .then(function () {
        window.setTimeout(function () { refresh(true); }, interval);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { refresh(false); });
  } else {
    refresh(false);
  }
})();
