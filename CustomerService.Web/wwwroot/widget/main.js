/*
 * Starts the widget (SPEC E1): the public API, the button, the beacon, and the calls the page queued before this
 * script loaded (it loads async). The API:
 *   CustomerService.identify(user); CustomerService.product(product); CustomerService.open(); CustomerService.close();
 * calls made earlier are queued with this stub:
 *   window.CustomerService = window.CustomerService || { q: [],
 *     identify: function (u) { this.q.push(["identify", u]); }, product: function (p) { this.q.push(["product", p]); } };
 * Server contract used on start (cross-origin, CORS; failures are tolerated):
 *   GET /api/visitor/entries/{code} -> { skinColor, name }; without it the default colour is kept.
 */
function boot() {
  var existing = window.CustomerService;
  if (existing && existing.loaded) {
    return; // The snippet was pasted twice.
  }
  if (!entry) {
    if (window.console) {
      console.warn("CustomerService widget: the script tag needs a data-entry attribute.");
    }
    return;
  }

  var api = {
    loaded: true,
    identify: identify,
    product: setProduct,
    open: open,
    close: close
  };
  var queued = existing && Array.isArray(existing.q) ? existing.q : [];
  window.CustomerService = api;
  listenToChat();
  listenToBeacon();

  function start() {
    createButton();
    loadColor();
    track();
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }

  queued.forEach(function (call) {
    if (Array.isArray(call) && typeof api[call[0]] === "function" && call[0] !== "loaded") {
      api[call[0]].apply(null, call.slice(1));
    }
  });
}
