// Behaviour shared by every page of the web face; feature scripts (player, charts) are separate
// files. No inline script anywhere (the content security policy allows only these files).
(function () {
  "use strict";
  // htmx requests that change state (POST forms swapped in place) carry the CSRF token that the
  // layout puts in <meta name="_csrf">, as the server's forms do in a hidden field.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && event.detail.verb !== "get") {
      event.detail.headers[header.content] = token.content;
    }
  });
  // After a boosted navigation the new page's main region gets the focus, so keyboard and screen
  // reader users land on the content they asked for, as on a full page load.
  document.addEventListener("htmx:afterSettle", function (event) {
    var main = document.getElementById("main");
    var config = event.detail.requestConfig;
    if (main && config && config.boosted) {
      main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }
  });
})();
