/*
 * The embedding widget (widget.js on the merchant's page, ADR 005): postMessage both ways, only with the window that
 * embedded us and only to / from the origin the iframe URL names. Also the unread count shown on the widget's button.
 *   chat -> widget: { type: "cs:ready" }, { type: "cs:close" }, { type: "cs:unread", count }, { type: "cs:open" },
 *                   { type: "cs-identity", identity, reason } (the server refused the signed user)
 *   widget -> chat: { type: "cs:init", user, product, open, notice }, { type: "cs:identify", user },
 *                   { type: "cs:product", product }, { type: "cs:visibility", open }
 */
import { state, embedded, parentOrigin, sleep, INIT_WAIT_MS } from "./state.js";
import { setProduct } from "./status.js";
import { scrollToEnd } from "./messages.js";

export function postToParent(message) {
  if (embedded) {
    window.parent.postMessage(message, parentOrigin);
  }
}

/** The session answer's identity verdict; only a refusal is worth the merchant developer's attention. */
export function reportIdentity(answer) {
  if (answer.identity === "rejected") {
    postToParent({ type: "cs-identity", identity: answer.identity, reason: answer.identityReason });
  }
}

function cleanUser(value) {
  if (!value || typeof value !== "object") {
    return null;
  }
  return {
    id: value.id == null ? null : String(value.id),
    name: value.name == null ? null : String(value.name),
    vip: value.vip === true,
    ts: typeof value.ts === "number" && isFinite(value.ts) ? value.ts : null,
    sig: value.sig == null ? null : String(value.sig)
  };
}

function cleanProduct(value) {
  if (!value || typeof value !== "object") {
    return null;
  }
  var product = {};
  ["id", "name", "price", "url", "image"].forEach(function (key) {
    if (value[key] != null) {
      product[key] = String(value[key]).slice(0, 500);
    }
  });
  return product.name ? product : null;
}

/** The accept answer's notice (our server's text, relayed by the widget): shown as text, never as HTML. */
function cleanNotice(value) {
  return typeof value === "string" && value ? value.slice(0, 500) : null;
}

var initReceived;
var initDone = new Promise(function (resolve) { initReceived = resolve; });

function onMessage(event) {
  // Strict: only the merchant page that embedded us, from the origin it told us, and only known message types.
  if (!embedded || event.source !== window.parent || event.origin !== parentOrigin) {
    return;
  }
  var data = event.data;
  if (!data || typeof data !== "object" || typeof data.type !== "string") {
    return;
  }
  switch (data.type) {
    case "cs:init":
      state.user = cleanUser(data.user);
      setProduct(cleanProduct(data.product));
      setPanelOpen(data.open !== false);
      state.invitationNotice = cleanNotice(data.notice);
      initReceived();
      break;
    case "cs:identify":
      // Used by the next session start (a new conversation); N2 has no call to change a running one.
      state.user = cleanUser(data.user);
      break;
    case "cs:product":
      setProduct(cleanProduct(data.product));
      break;
    case "cs:visibility":
      setPanelOpen(data.open === true);
      break;
    default:
      break;
  }
}

/** Listens to the widget and to this page's visibility; called once, before anything is sent to the widget. */
export function listenToParent() {
  window.addEventListener("message", onMessage);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && state.panelOpen) {
      setPanelOpen(true);
    }
  });
}

export function waitForParent() {
  if (!embedded) {
    return Promise.resolve();
  }
  postToParent({ type: "cs:ready" });
  // Opened without a widget that answers (or an old one): start anyway, anonymously.
  return Promise.race([initDone, sleep(INIT_WAIT_MS)]);
}

function setPanelOpen(open) {
  state.panelOpen = open;
  if (open) {
    state.unread = 0;
    postToParent({ type: "cs:unread", count: 0 });
    // While the widget kept the panel hidden the list could not scroll; on reopening it goes to the newest message
    // (issue 15), once the panel has a height again.
    requestAnimationFrame(scrollToEnd);
  }
}

export function countUnread(message) {
  if (message.sender === "visitor" || (state.panelOpen && !document.hidden)) {
    return;
  }
  state.unread += 1;
  postToParent({ type: "cs:unread", count: state.unread });
  // 统一客服 “强制弹窗”: the enterprise wants an agent's message to open the window the visitor closed — a message
  // written just now, not one replayed from the history when a page loads.
  var fresh = Date.now() - Date.parse(message.sentAt) < 60 * 1000;
  if (message.sender === "agent" && fresh && !state.panelOpen && state.info && state.info.agentImage && state.info.agentImage.popUpOnAgentMessage) {
    postToParent({ type: "cs:open" });
  }
}
