// The developer portal's usage charts (site.portal.UsagePage): reads the page's JSON data block
// #usage-data and draws requests per hour and per day with uPlot, one line per dialect and method
// (and the day's rate-limit refusals). The same figures are tables on the page, for readers without
// script. Each chart's uPlot instance is kept on its element as .uplot (the browser test reads it).
(function () {
  "use strict";
  // whole requests on the y axis, never 0.2 of one
  var COUNTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5,
    1e6, 2e6, 5e6, 1e7, 1e8, 1e9];
  var PALETTE = ["#3b3fd8", "#c2410c", "#0f766e", "#a21caf", "#4d7c0f", "#b45309", "#1d4ed8", "#be123c"];

  function draw(el, xs, seriesByName, extra) {
    if (!el || typeof uPlot === "undefined") {
      return;
    }
    var names = Object.keys(seriesByName);
    var data = [xs];
    var series = [{}];
    names.forEach(function (name, i) {
      data.push(seriesByName[name]);
      series.push({ label: name, stroke: PALETTE[i % PALETTE.length], width: 2, points: { size: 5 } });
    });
    if (extra) {
      data.push(extra.values);
      series.push({ label: extra.label, stroke: "#a4161a", width: 2, dash: [6, 4] });
    }
    if (names.length === 0 && !extra) {
      data.push(xs.map(function () { return 0; }));
      series.push({ label: "requests", stroke: PALETTE[0], width: 1 });
    }
    el.textContent = "";
    var width = Math.max(280, el.clientWidth - 16);
    var u = new uPlot({
      width: width,
      height: 240,
      series: series,
      scales: { x: { time: true }, y: { range: function (self, min, max) { return [0, Math.max(1, max)]; } } },
      // the page says "Times are UTC": the axis too, whatever the browser's time zone
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"); },
      axes: [{ stroke: getComputedStyle(el).color },
        { stroke: getComputedStyle(el).color, incrs: COUNTS }],
      legend: { live: false }
    }, data, el);
    el.uplot = u;
  }

  function render() {
    var block = document.getElementById("usage-data");
    if (!block) {
      return;
    }
    var d = JSON.parse(block.textContent);
    draw(document.getElementById("chart-hourly"), d.hours, d.perHour, null);
    draw(document.getElementById("chart-daily"), d.days, d.perDay,
      { label: "refused by a rate limit", values: d.refusedPerDay });
  }

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 200);
  });
  render();
})();
