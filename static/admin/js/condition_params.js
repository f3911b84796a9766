/* Show only the parameter fields the chosen condition kind uses (the form works without it). */
(function () {
  "use strict";
  function container(select) {
    return select.closest(".inline-related, .djn-item, form") || document;
  }
  function update(select) {
    var map = JSON.parse(select.getAttribute("data-kind-params"));
    var used = map[select.value] || [];
    var rows = container(select).querySelectorAll("[class*='field-p_']");
    rows.forEach(function (row) {
      // Only rows of this form, not of nested forms further down.
      if (container(row.querySelector("input, select, textarea") || row) !== container(select)) return;
      var match = row.className.match(/field-p_([a-z_]+)/);
      if (!match) return;
      row.hidden = select.value !== "" && used.indexOf(match[1]) === -1;
    });
    // A fieldset ("Amounts", "What counts") whose rows are all hidden is hidden too.
    container(select).querySelectorAll("fieldset").forEach(function (fieldset) {
      var rows = fieldset.querySelectorAll("[class*='field-p_']");
      if (!rows.length || container(fieldset) !== container(select)) return;
      fieldset.hidden = Array.prototype.every.call(rows, function (row) { return row.hidden; });
    });
  }
  // Not a data- attribute: inline forms are cloned from a template that is bound too, and a
  // clone would copy the attribute but not the listener.
  var bound = new WeakSet();
  function bind(root) {
    root.querySelectorAll("select[data-kind-params]").forEach(function (select) {
      if (bound.has(select)) return;
      bound.add(select);
      select.addEventListener("change", function () { update(select); });
      update(select);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("formset:added", function (event) { bind(event.target || document); });
  // django-nested-admin announces new inline forms with its own event.
  document.addEventListener("djnesting:added", function (event) { bind(event.target || document); });
})();
