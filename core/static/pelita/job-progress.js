// The progress bars of background jobs (exports, imports): every element with
// data-status-url and data-finished="0" — one section on a job's page, one table row per job
// on a list of jobs — polls its JSON status endpoint every 2 s and writes the state into its
// data-field="status|done|total" elements and its <progress>. Once every job on the page has
// finished the page reloads, so the results (download links, counts, rejections or errors)
// appear. One script for every such page; a file because the CSP allows no inline script.
// Without JS the page offers a "Muat ulang" link instead.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-status-url][data-finished="0"]'));
  if (!boxes.length) {
    return;
  }
  function show(box, state) {
    ["status", "done", "total"].forEach(function (name) {
      var cell = box.querySelector('[data-field="' + name + '"]');
      if (cell) {
        cell.textContent = name === "status" ? state.status_label : state[name];
      }
    });
    var bar = box.querySelector("progress");
    if (bar && state.total > 0) {
      bar.max = state.total;
      bar.value = state.done;
    }
  }
  function check(box) {
    return fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (state) {
        show(box, state);
        return state.finished;
      })
      .catch(function () {
        return false; // a dropped connection on a phone: try again at the next poll
      });
  }
  // One request after the other, not all at once: a page of ten jobs costs the server one
  // request at a time.
  function poll() {
    boxes
      .reduce(function (all, box) {
        return all.then(function (done) {
          return check(box).then(function (finished) { return done && finished; });
        });
      }, Promise.resolve(true))
      .then(function (allFinished) {
        if (allFinished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      });
  }
  window.setTimeout(poll, 2000);
})();
