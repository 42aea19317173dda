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
        token = answer.visitorToken;
      }
    })
    .catch(function () {
      /* A lost beacon loses one page view, never the page. */
    })
    .then(startPresence);

  /*
   * Presence and invitations (SPEC D13 主动邀请). While the page is open this frame tells the server every few seconds
   * that the visitor is here (so agents see him among 在线访客) and hears back the invitation waiting for him, which it
   * hands to widget.js on the merchant's page; the visitor's answer comes back the same way. Messages go only to the
   * page origin widget.js named, and only that page's window is listened to.
   */
  var POLL_MS = 5000;
  var entry = params.get("entry");
  var pageOrigin = params.get("origin");
  var culture = params.get("lang") === "en" ? "en-US" : "zh-CN";
  var shownId = null;

  function authHeaders() {
    var h = { "Content-Type": "application/json" };
    if (token) {
      h["X-Visitor-Token"] = token;
    }
    return h;
  }

  function toPage(message) {
    if (window.parent && window.parent !== window && pageOrigin) {
      window.parent.postMessage(message, pageOrigin);
    }
  }

  function poll() {
    fetch("/api/visitor/presence", { method: "POST", headers: authHeaders(), body: JSON.stringify({ entry: entry, url: url }) })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        var invitation = answer && answer.invitation;
        if (invitation && invitation.id !== shownId) {
          shownId = invitation.id;
          toPage({ type: "cs:invitation", invitation: invitation });
        } else if (!invitation && shownId !== null) {
          // Ran out (or was answered in another tab): the page takes it down.
          shownId = null;
          toPage({ type: "cs:invitation", invitation: null });
        }
      })
      .catch(function () { /* The next poll tries again. */ })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  function answer(data) {
    var id = Number(data.id);
    if (!isFinite(id) || id !== shownId) {
      return;
    }
    // The accept's notice (the inviting agent could not take him) is read out in the widget's language.
    var path = "/api/visitor/invitations/" + id + (data.accept ? "/accept" : "/decline") + "?culture=" + culture;
    var body = data.accept ? JSON.stringify({ page: { url: url, title: params.get("title") || "", referrer: params.get("referrer") || "" } }) : "{}";
    shownId = null;
    fetch(path, { method: "POST", headers: authHeaders(), body: body })
      .then(function (response) { return response.ok ? response.json().catch(function () { return {}; }) : null; })
      .catch(function () { return null; })
      .then(function (result) {
        // The notice is our server's text (the agent who invited him could not take him): the chat page shows it.
        var notice = result && typeof result.notice === "string" && result.notice ? result.notice : null;
        toPage({ type: "cs:invitation-answered", id: id, accepted: !!data.accept, ok: !!result, notice: notice });
      });
  }

  function startPresence() {
    if (!entry || !pageOrigin || !token) {
      return;
    }
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || event.origin !== pageOrigin) {
        return;
      }
      var data = event.data;
      if (data && typeof data === "object" && data.type === "cs:invitation-answer") {
        answer(data);
      }
    });
    poll();
  }
})();
