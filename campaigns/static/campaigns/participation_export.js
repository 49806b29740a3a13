// The export page's progress bars: polls each unfinished job's status.json every 2 s and
// reloads the page when all have finished, so the download links appear. A file of its
// own because the CSP allows no inline script; without JS a "Muat ulang" link remains.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-job][data-finished="0"]'));
  if (!rows.length) {
    return;
  }
  function field(row, name) {
    return row.querySelector('[data-field="' + name + '"]');
  }
  function poll() {
    Promise.all(
      rows.map(function (row) {
        return fetch(row.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(response.status);
            }
            return response.json();
          })
          .then(function (state) {
            field(row, "status").textContent = state.status_label;
            field(row, "done").textContent = state.done;
            field(row, "total").textContent = state.total;
            var bar = row.querySelector("progress");
            if (state.total > 0) {
              bar.max = state.total;
              bar.value = state.done;
            }
            return state.finished;
          })
          .catch(function () {
            return false; // try again at the next poll
          });
      })
    ).then(function (finished) {
      if (finished.every(Boolean)) {
        window.location.reload();
      } else {
        window.setTimeout(poll, 2000);
      }
    });
  }
  window.setTimeout(poll, 2000);
})();
