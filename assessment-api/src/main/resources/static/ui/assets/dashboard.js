/*
 * Builds the dashboards' charts with Chart.js from the JSON that the server embeds in each page
 * (<script type="application/json">). The server renders every number as a table as well, so the page is
 * complete without this script; the charts are a second view of the same numbers.
 */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var lang = document.documentElement.lang || 'fi';
  var locale = lang === 'en' ? 'en-GB' : lang + '-FI';
  // Colours chosen for contrast on white and for telling series apart without colour: each series also has its
  // own line style and point shape.
  var palette = ['#1f4e8c', '#8a4b00', '#2d6a3e'];
  var dashes = [[], [6, 4], [2, 3]];
  var points = ['circle', 'rectRot', 'triangle'];
  var fmt = new Intl.NumberFormat(locale, {minimumFractionDigits: 3, maximumFractionDigits: 3});

  Chart.defaults.font.size = 14;
  Chart.defaults.color = '#1a1a1a';
  Chart.defaults.locale = locale;
  // Charts are not focusable and their values are in the tables: no animation keeps them calm and the tests exact.
  Chart.defaults.animation = false;

  function data(canvas) {
    return JSON.parse(document.getElementById(canvas.dataset.source).textContent);
  }

  function tooltipNumber(ctx) {
    var v = ctx.parsed.r !== undefined ? ctx.parsed.r : ctx.parsed.y;
    return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + (v === null ? '–' : fmt.format(v));
  }

  function radar(canvas) {
    var d = data(canvas);
    var datasets = d.series.filter(function (s) { return s.label; }).map(function (s, i) {
      return {
        label: s.label, data: s.values, borderColor: palette[i], backgroundColor: i === 0 ? 'rgba(31,78,140,0.12)' : 'transparent',
        borderDash: dashes[i], pointStyle: points[i], pointRadius: 4, borderWidth: 2, spanGaps: false
      };
    });
    return new Chart(canvas, {
      type: 'radar',
      data: {labels: d.labels, datasets: datasets},
      options: {
        maintainAspectRatio: false,
        scales: {r: {min: 1, max: 3, ticks: {stepSize: 0.5, backdropColor: 'transparent'}}},
        plugins: {tooltip: {callbacks: {label: tooltipNumber}}, legend: {labels: {usePointStyle: true}}}
      }
    });
  }

  function trend(canvas) {
    var d = data(canvas);
    var dim = d.dimensions[Number(canvas.dataset.index)];
    var pick = function (key) { return dim.points.map(function (p) { return p[key]; }); };
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.waves,
        datasets: [
          {label: 'ci-high', data: pick('ciHigh'), borderWidth: 0, pointRadius: 0, fill: '+1',
            backgroundColor: 'rgba(31,78,140,0.15)'},
          {label: 'ci-low', data: pick('ciLow'), borderWidth: 0, pointRadius: 0, fill: false},
          {label: dim.label, data: pick('score'), borderColor: palette[0], backgroundColor: palette[0],
            pointRadius: 4, borderWidth: 2, spanGaps: false}
        ]
      },
      options: {
        maintainAspectRatio: false,
        scales: {y: {min: 1, max: 3, ticks: {stepSize: 0.5}}},
        plugins: {
          legend: {display: false},
          tooltip: {filter: function (item) { return item.datasetIndex === 2; }, callbacks: {label: tooltipNumber}}
        }
      }
    });
  }

  function bars(canvas, options) {
    var d = data(canvas);
    return new Chart(canvas, {
      type: 'bar',
      data: {labels: d.labels, datasets: [{label: d.label || '', data: d.values, backgroundColor: palette[0]}]},
      options: Object.assign({maintainAspectRatio: false, plugins: {legend: {display: false}}}, options || {})
    });
  }

  var builders = {
    radar: radar,
    trend: trend,
    bar: function (c) { return bars(c, {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}); },
    alpha: function (c) {
      return bars(c, {scales: {y: {min: -1, max: 1}},
        plugins: {legend: {display: false}, tooltip: {callbacks: {label: tooltipNumber}}}});
    }
  };

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var build = builders[canvas.dataset.chart];
    if (build) {
      canvas.chart = build(canvas);
    }
  });
})();
