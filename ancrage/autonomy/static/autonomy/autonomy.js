// The autonomy charts of the coachee page, from the JSON the server embeds (#autonomy-data);
// the table under each chart carries the same numbers. Also the closing view's print button
// (a delegated listener: the Content-Security-Policy allows no inline handler).
(function () {
  function draw() {
    var data = document.getElementById("autonomy-data");
    if (!data || typeof Chart === "undefined") return;
    var lang = document.documentElement.lang || "fr";
    var weekFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short" });
    JSON.parse(data.textContent).forEach(function (series) {
      var figure = document.querySelector('figure.chart[data-autonomy="' + series.key + '"]');
      if (!figure) return;
      var canvas = figure.querySelector("canvas");
      if (canvas._chart) canvas._chart.destroy();
      var scale = series.kind === "scale";
      canvas._chart = new Chart(canvas, {
        type: "line",
        data: {
          labels: series.weeks.map(function (w) { return weekFormat.format(new Date(w + "T12:00:00")); }),
          datasets: [{ label: series.label, data: series.values, borderColor: "#2e7d6b",
                       backgroundColor: "rgba(46,125,107,.15)", fill: true, tension: 0.25,
                       spanGaps: true }]
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { min: 0, max: scale ? 10 : 100,
                         ticks: { callback: function (v) { return scale ? v : v + " %"; } } } }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (target) window.print();
  });
})();
