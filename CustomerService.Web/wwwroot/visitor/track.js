/*
 * Page-view beacon (SPEC E3). widget.js loads track.html in a hidden iframe with the merchant page's url, title and
 * referrer in the query string; this script reports them to POST /api/visitor/track with the visitor token kept in
 * this origin's storage (the same one the chat page uses), and keeps the token the server answers with, so the first
 * page view already identifies the visitor and his later chat continues the same trajectory.
 */
(function () {
  "use strict";

  var STORAGE_TOKEN = "cs.visitorToken";
  var params = new URLSearchParams(location.search);
  var url = params.get("url");
  if (!url || !window.fetch) {
    return;
  }

  function stored() {
    try {
      return window.localStorage.getItem(STORAGE_TOKEN);
    } catch (e) {
      return null;
    }
  }

  function keep(token) {
    try {
      window.localStorage.setItem(STORAGE_TOKEN, token);
    } catch (e) {
      /* Storage blocked: each page view then counts as a new visitor; nothing else breaks. */
    }
  }

  var headers = { "Content-Type": "application/json" };
  var token = stored();
  if (token) {
    headers["X-Visitor-Token"] = token;
  }

  fetch("/api/visitor/track", {
    method: "POST",
    headers: headers,
    body: JSON.stringify({ url: url, title: params.get("title") || "", referrer: params.get("referrer") || "" })
  })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (answer) {
      if (answer && answer.visitorToken && answer.visitorToken !== token) {
        keep(answer.visitorToken);
      }
    })
    .catch(function () {
      /* A lost beacon loses one page view, never the page. */
    });
})();
