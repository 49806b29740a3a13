// A canned answer chosen in the answer form is copied, placeholders already filled by the
// server, into the text box, where the operator edits it before sending.
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("select[data-canned-target]").forEach(function (select) {
      var target = document.getElementById(select.dataset.cannedTarget);
      select.addEventListener("change", function () {
        var source = document.getElementById("canned-" + select.value);
        if (source && target) {
          target.value = source.content ? source.content.textContent : source.textContent;
          target.focus();
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
