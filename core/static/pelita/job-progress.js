// The progress bar of a background job's page (export or import): polls the JSON
// status endpoint named by the section's data-status-url every 2 s, writes the
// state into its data-field="status|done|total" elements and reloads the page once
// the job has finished, so the result (download link, counts, rejections or error)
// appears. One script for both pages; a file because the CSP allows no inline
// script. Without JS the page offers a "Muat ulang" link instead.
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
