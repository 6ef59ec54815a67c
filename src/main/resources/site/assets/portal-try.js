// "Try it" (site.portal): puts the developer's client id where Swagger UI keeps its authorizations
// (localStorage "authorized", read on load because springdoc.swagger-ui.persist-authorization is
// on), then opens the API documentation, where every request then carries that client_id.
(function () {
  "use strict";
  var el = document.getElementById("try-it");
  if (!el) {
    return;
  }
  var id = el.getAttribute("data-client-id");
  var authorized = {};
  try {
    authorized = JSON.parse(localStorage.getItem("authorized") || "{}") || {};
  } catch (e) {
    authorized = {};
  }
  authorized.client_id = {
    name: "client_id",
    schema: { type: "apiKey", "in": "query", name: "client_id",
      description: "Every method needs the client id of a registered application." },
    value: id
  };
  localStorage.setItem("authorized", JSON.stringify(authorized));
  window.location.replace("/docs");
})();
