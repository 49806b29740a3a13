// Keeps the numbers of a table current from the JSON a live chart fetched: no polling of its
// own. chart.js (data-chart-url + data-chart-refresh) dispatches "pelita:chart-data" after every
// fetch; an element with data-live-numbers="<key>" around the canvas takes answer[<key>], a list
// of {"row": "<id>", "fields": {"<name>": value}}, and writes each value into
// [data-row="<id>"] [data-field="<name>"] (into its link when the cell holds one; a <meter>
// gets it as its value). answer.updated goes into [data-field="updated"]. Every update counts
// up data-refreshed on the element. Without JavaScript the table is complete as rendered.
(function () {
  "use strict";

  function write(cell, value) {
    if (cell.tagName === "METER") {
      cell.value = value;
      cell.textContent = String(value);
      return;
    }
    (cell.querySelector("a") || cell).textContent = String(value);
  }

  function update(box, answer) {
    (answer[box.dataset.liveNumbers] || []).forEach(function (item) {
      var row = box.querySelector('[data-row="' + item.row + '"]');
      if (!row) {
        return;
      }
      Object.keys(item.fields).forEach(function (name) {
        var cell = row.querySelector('[data-field="' + name + '"]');
        if (cell) {
          write(cell, item.fields[name]);
        }
      });
    });
    var updated = box.querySelector('[data-field="updated"]');
    if (updated && answer.updated) {
      updated.textContent = answer.updated;
    }
    box.dataset.refreshed = String((parseInt(box.dataset.refreshed, 10) || 0) + 1);
  }

  document.addEventListener("pelita:chart-data", function (event) {
    var box = event.target.closest("[data-live-numbers]");
    if (box) {
      update(box, event.detail);
    }
  });
})();
