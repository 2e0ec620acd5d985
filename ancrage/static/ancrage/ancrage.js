// Keep a thread scrolled to its newest message, unless the coach scrolled up to read.
(function () {
  function nearBottom(el) { return el.scrollHeight - el.scrollTop - el.clientHeight < 80; }
  function toBottom(el) { el.scrollTop = el.scrollHeight; }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".thread, .screen").forEach(toBottom);
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var el = event.detail.target;
    el.dataset.stick = nearBottom(el) ? "1" : "";
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var el = event.detail.target;
    if (el.dataset.stick) { toBottom(el); }
    el.querySelectorAll && el.querySelectorAll(".thread").forEach(toBottom);
  });
})();
// Buttons that fill a field, as delegated listeners: the Content-Security-Policy allows no
// inline handler, and the buttons come and go with HTMX swaps.
(function () {
  function fill(field, value, focus) {
    if (!field) return;
    field.value = value;
    if (focus) field.focus();
    field.dispatchEvent(new Event("input"));  // the SMS cost and the draft check follow
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var fix = target.closest("button[data-fixed][data-target]");
    if (fix) { fill(document.getElementById(fix.dataset.target), fix.dataset.fixed, false); return; }
    var suggestion = target.closest(".use-suggestion");
    if (suggestion) { fill(document.getElementById("id_body"), suggestion.dataset.text, true); return; }
    if (target.matches("input[data-select-on-click]")) target.select();
  });
})();
