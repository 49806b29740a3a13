// The export job page's progress bar: polls the JSON status endpoint every 2 s and
// reloads the page once the job has finished, so the download link (or the error)
// appears. The same mechanism as the import job page; a file of its own because the
// CSP allows no inline script. Without JS the page offers a "Muat ulang" link instead.
(function () {
  "use strict";
  var section = document.querySelector("[data-status-url]");
  if (!section || section.dataset.finished === "1") {
    return;
  }
  var bar = section.querySelector("progress");
  function field(name) {
    return section.querySelector('[data-field="' + name + '"]');
  }
  function poll() {
    fetch(section.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (state) {
        field("status").textContent = state.status_label;
        field("done").textContent = state.done;
        field("total").textContent = state.total;
        if (state.total > 0) {
          bar.max = state.total;
          bar.value = state.done;
        }
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 2000); // a dropped connection on a phone: try again
      });
  }
  window.setTimeout(poll, 2000);
})();
