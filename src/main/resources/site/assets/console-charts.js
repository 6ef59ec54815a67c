// The operator console's server charts: requests per second and mean latency by method, and error
// responses, over the last hour. The data comes from /console/server/metrics (the URL is in the
// charts' data-metrics attribute) in uPlot's column layout and is fetched again every sampling
// period. The page's table says the same in words, for readers without script or sight.
(function () {
  "use strict";
  var PALETTE = ["#3b3fd8", "#d8572a", "#1b8a5a", "#b5179e", "#8a6d00", "#0077b6", "#6c757d"];

  function whenUplot(then, tries) {
    if (window.uPlot) {
      then();
    } else if ((tries || 0) < 100) {
      setTimeout(function () { whenUplot(then, (tries || 0) + 1); }, 50);
    }
  }

  function size(el) {
    return { width: Math.max(280, el.clientWidth - 16), height: 220 };
  }

  function series(names, unit) {
    var out = [{}];
    names.forEach(function (name, i) {
      out.push({
        label: name,
        stroke: PALETTE[i % PALETTE.length],
        width: 2,
        spanGaps: false,
        value: function (u, v) { return v == null ? "–" : v.toFixed(2) + " " + unit; }
      });
    });
    return out;
  }

  function draw(el, title, names, columns, unit) {
    el.textContent = "";
    var s = size(el);
    return new window.uPlot({
      title: title,
      width: s.width,
      height: s.height,
      series: series(names, unit),
      axes: [{}, { label: unit }],
      scales: { x: { time: true } }
    }, columns, el);
  }

  function render(root, data) {
    var rate = root.querySelector("#chart-rate");
    var latency = root.querySelector("#chart-latency");
    var errors = root.querySelector("#chart-errors");
    var names = data.routes.concat(["all methods"]);
    draw(rate, "", names, [data.times].concat(data.rates, [data.total]), "req/s");
    draw(latency, "", data.routes, [data.times].concat(data.latencies), "ms");
    draw(errors, "", ["4xx", "5xx"], [data.times, data.clientErrors, data.serverErrors], "per s");
    root.setAttribute("data-drawn", String(data.times.length));
  }

  function load(root) {
    fetch(root.getAttribute("data-metrics"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        render(root, data);
        var period = Math.max(2, data.periodSeconds || 10) * 1000;
        setTimeout(function () {
          if (document.body.contains(root)) {
            load(root);
          }
        }, period);
      })
      .catch(function () { root.setAttribute("data-drawn", "error"); });
  }

  function init() {
    var root = document.querySelector(".console-charts");
    if (root && !root.hasAttribute("data-started")) {
      root.setAttribute("data-started", "true");
      whenUplot(function () { load(root); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  document.addEventListener("htmx:afterSettle", init);
})();
