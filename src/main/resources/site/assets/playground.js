// The recommendation playground (templates/playground.html): as a target's slider moves, its
// read-out follows and the target is switched on (moving a slider means wanting it), before htmx
// sends the form. Without script the form works as it is: tick the target, move it, press
// Recommend.
(function () {
  "use strict";

  function format(slider) {
    var v = Number(slider.value);
    switch (slider.dataset.format) {
      case "tempo":
        return v.toFixed(0) + " BPM";
      case "loudness":
        return v.toFixed(1) + " dB";
      case "popularity":
        return v.toFixed(0);
      default:
        return v.toFixed(2);
    }
  }

  document.addEventListener("input", function (event) {
    var slider = event.target;
    if (!(slider instanceof HTMLInputElement) || !slider.closest("#playground")) return;
    if (slider.classList.contains("target-slider")) {
      var text = format(slider);
      var out = document.getElementById("out-" + slider.id);
      if (out) out.textContent = text;
      slider.setAttribute("aria-valuetext", text);
      var toggle = document.getElementById("use-" + slider.id);
      if (toggle) toggle.checked = true;
    } else if (slider.id === "weight") {
      var w = document.getElementById("out-weight");
      if (w) w.textContent = slider.value;
    }
  }, true);
})();
