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
