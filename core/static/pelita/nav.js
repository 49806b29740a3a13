// The main menu on a narrow screen: pelita.css hides it there behind the "Menu" button, and
// this script makes the button open and close it (aria-expanded follows). Escape closes it
// and gives the focus back to the button. Without JavaScript nav-noscript.css shows the menu
// and hides the button. The groups are <details>: they open and close without a script.
(function () {
  "use strict";

  function setUp() {
    var nav = document.getElementById("main-nav");
    var button = document.querySelector("[data-menu-toggle]");
    if (!nav || !button) {
      return;
    }

    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      show(open);
      if (open) {
        var first = nav.querySelector("[aria-current=page]") || nav.querySelector("summary, a");
        if (first) {
          first.focus();
        }
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        show(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
