/*
 * The merchant's JS API for the logged-in user and the product being viewed (SPEC E1, M). The user must be signed on
 * the merchant's server with the entry's secret (see WidgetSignature):
 *   CustomerService.identify({ id, name, vip, ts, sig });
 *   CustomerService.product({ id, name, price, url, image });
 * Both are handed to the chat page (cs:identify, cs:product, or cs:init when it loads).
 *
 * POST /api/visitor/entries/{code}/identity { id, name, vip, ts, sig } -> { identity, identityReason }: when the page's
 * identify() call is rejected (forged or expired signature, missing fields) the visitor still chats, as an anonymous
 * visitor, and this script says why with console.warn, so the merchant's developer can fix the signing.
 */
var user = null;
var product = null;

function identify(value) {
  if (!plainObject(value)) {
    return;
  }
  user = {
    id: value.id == null ? null : String(value.id),
    name: value.name == null ? null : String(value.name),
    vip: value.vip === true || value.vip === 1 || value.vip === "1",
    ts: value.ts == null ? null : Number(value.ts),
    sig: value.sig == null ? null : String(value.sig)
  };
  post({ type: "cs:identify", user: user });
  checkIdentity(user);
}

/** Asks the server what it makes of the user (the same check a session start runs) and warns when it is rejected. */
function checkIdentity(checked) {
  if (!window.fetch) {
    return;
  }

  fetch(serverOrigin + "/api/visitor/entries/" + encodeURIComponent(entry) + "/identity", {
    method: "POST",
    credentials: "omit",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(checked)
  })
    .then(function (response) {
      // 400: the id or name itself is refused (too long, control characters); the problem's detail says which.
      return response.ok || response.status === 400 ? response.json() : null;
    })
    .then(function (answer) {
      if (!answer || checked !== user || !window.console) {
        return;
      }
      if (answer.identity === "rejected") {
        console.warn("CustomerService widget: the user passed to CustomerService.identify was rejected (" +
          answer.identityReason + "); the visitor chats as an anonymous, non-VIP visitor. Sign id, name, vip and ts " +
          "on your server with the entry's secret (HMAC-SHA256, see WidgetSignature).");
      } else if (answer.detail) {
        console.warn("CustomerService widget: the user passed to CustomerService.identify was refused: " + answer.detail);
      }
    })
    .catch(function () { /* The check only helps the developer; chatting never depends on it. */ });
}

function setProduct(value) {
  if (!plainObject(value)) {
    return;
  }
  product = {};
  ["id", "name", "price", "url", "image"].forEach(function (key) {
    if (value[key] != null) {
      product[key] = String(value[key]);
    }
  });
  post({ type: "cs:product", product: product });
}
