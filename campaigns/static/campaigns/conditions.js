// Campaign form: show a conditional question only while the answer it depends on has the
// required value ("show if answer X = yes"). The server applies the same rule and drops
// the answer of a hidden question, so this is only a convenience; without JavaScript every
// question shows with a note saying when it applies.
(function () {
  "use strict";
  var form = document.querySelector("[data-campaign-form]");
  if (!form) {
    return;
  }
  function valueOf(code) {
    var inputs = form.querySelectorAll('[name="' + code + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) {
          return input.value;
        }
      } else {
        return input.value;
      }
    }
    return "";
  }
  function update() {
    var fields = form.querySelectorAll("[data-show-if-code]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      var parent = form.querySelector('[data-code="' + field.dataset.showIfCode + '"]');
      var parentShown = !parent || !parent.hidden;
      field.hidden = !(parentShown && valueOf(field.dataset.showIfCode) === field.dataset.showIfValue);
      var note = field.querySelector("[data-condition-note]");
      if (note) {
        note.hidden = true; // the field itself appearing says it applies
      }
    }
  }
  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
