// Draws one line chart per metric on the coachee page from the JSON the server embeds
// (#progress-data); the table beside each chart carries the same numbers for screen readers.
(function () {
  function draw() {
    var data = document.getElementById("progress-data");
    if (!data || typeof Chart === "undefined") return;
    var lang = document.documentElement.lang || "fr";
    var weekFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short" });
    JSON.parse(data.textContent).forEach(function (series) {
      var figure = document.querySelector('figure.chart[data-key="' + series.key + '"]');
      if (!figure) return;
      var canvas = figure.querySelector("canvas");
      if (canvas._chart) canvas._chart.destroy();
      canvas._chart = new Chart(canvas, {
        type: "line",
        data: {
          labels: series.weeks.map(function (w) { return weekFormat.format(new Date(w + "T12:00:00")); }),
          datasets: [{ label: series.label, data: series.values, borderColor: "#2e7d6b",
                       backgroundColor: "rgba(46,125,107,.15)", fill: true, tension: 0.25 }]
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: series.kind !== "scale",
                         suggestedMax: series.kind === "scale" ? 10 : (series.kind === "rate" ? 100 : undefined),
                         ticks: { callback: function (v) { return v.toLocaleString(lang); } } } }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
  window.ancrageDrawCharts = draw;
})();
