// The ticket and reply forms: a live character counter under every textarea with
// data-counter (the server enforces the same limit), and FAQ entries that match the question
// as it is typed (data-faq-suggest), fetched from the FAQ search. A file, for the strict CSP.
(function () {
  "use strict";

  function counter(area) {
    var limit = parseInt(area.dataset.counter, 10);
    var out = document.createElement("small");
    out.setAttribute("aria-live", "polite");
    out.dataset.testid = area.name.replace(/^.*-/, "") + "-counter";
    area.insertAdjacentElement("afterend", out);
    function show() {
      var left = limit - area.value.length;
      out.textContent = area.value.length + " / " + limit + (left < 0 ? " (" + (-left) + " terlalu banyak)" : "");
      out.classList.toggle("field-error", left < 0);
    }
    area.addEventListener("input", show);
    show();
  }

  function suggestions(area) {
    var box = document.getElementById("faq-suggestions");
    if (!box) {
      return;
    }
    var list = box.querySelector("ul");
    var timer = null;
    var asked = "";
    function ask() {
      var text = area.value.trim();
      if (text.length < 4 || text === asked) {
        return;
      }
      asked = text;
      fetch(box.dataset.url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.results.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url;
            a.target = "_blank";
            a.rel = "noopener";
            a.textContent = item.question;
            li.appendChild(a);
            list.appendChild(li);
          });
          box.hidden = data.results.length === 0;
        })
        .catch(function () { box.hidden = true; });
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 400);
    });
  }

  function start() {
    document.querySelectorAll("textarea[data-counter]").forEach(counter);
    document.querySelectorAll("textarea[data-faq-suggest]").forEach(suggestions);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
