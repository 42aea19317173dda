/*
 * The message list (data-testid visitor-message + data-sender, data-seq once stored): confirmed messages in sequence
 * order, the visitor's own while they are being sent (data-pending), images and files as links, system lines.
 * Message text only ever becomes a text node; file URLs pass safeUrl.
 */
import { T } from "./texts.js";
import { state } from "./state.js";
import { ui, el, safeUrl, setAvatar, formatSize, formatTime } from "./dom.js";
import { removeFromOutbox, flushOutbox } from "./outbox.js";
import { countUnread } from "./parent.js";

function senderLabel(message) {
  if (message.sender === "visitor") {
    return T.you;
  }
  if (message.sender === "system") {
    return T.system;
  }
  return message.senderName ? String(message.senderName) : state.agent ? state.agent.name : T.agent;
}

function isImage(file) {
  return !!file && (/^image\//.test(String(file.contentType || "")) || /\.(png|jpe?g|gif|webp|bmp)$/i.test(String(file.name || "")));
}

function messageContent(message) {
  var file = message.file;
  var url = file ? safeUrl(file.url) : null;
  if (file && url && isImage(file)) {
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, [
      el("img", { src: url, alt: String(file.name || ""), loading: "lazy" })
    ]);
  }
  if (file) {
    var label = String(file.name || "file") + (file.size > 0 ? " (" + formatSize(file.size) + ")" : "");
    return url
      ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", download: String(file.name || ""), text: "📎 " + label })
      : document.createTextNode("📎 " + label);
  }
  return document.createTextNode(message.text == null ? "" : String(message.text));
}

export function buildMessage(message) {
  var sender = message.sender === "agent" || message.sender === "system" ? message.sender : "visitor";
  var body = el("div", { className: "cs-message-body" });
  if (sender !== "system") {
    body.appendChild(el("div", { className: "cs-message-meta", text: senderLabel(message) + "  " + formatTime(message.sentAt) }));
  }
  body.appendChild(el("div", { className: "cs-bubble" }, [messageContent(message)]));

  var item = el("li", {
    className: "cs-message",
    "data-testid": "visitor-message",
    "data-sender": sender,
    "data-id": message.id,
    "data-seq": message.seq,
    "data-client-id": message.clientId
  });
  if (sender === "agent") {
    var avatar = el("span", { className: "cs-avatar", "aria-hidden": "true" });
    setAvatar(avatar, message.avatar || (state.agent && state.agent.avatar), senderLabel(message));
    item.appendChild(avatar);
  }
  item.appendChild(body);
  return item;
}

export function scrollToEnd() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

/** Confirmed messages stay in sequence order, above the ones still being sent. */
function insertConfirmed(item, seq) {
  var children = ui.messages.children;
  for (var i = 0; i < children.length; i++) {
    var child = children[i];
    var childSeq = Number(child.getAttribute("data-seq"));
    if (child.hasAttribute("data-pending") || (seq > 0 && childSeq > seq)) {
      ui.messages.insertBefore(item, child);
      return;
    }
  }
  ui.messages.appendChild(item);
}

export function renderMessage(message) {
  if (!message || typeof message !== "object") {
    return;
  }
  var id = message.id != null ? String(message.id) : null;
  var clientId = message.clientId != null ? String(message.clientId) : null;
  var pending = clientId && state.pending[clientId];
  if (pending) {
    // Our own message came back: the server's copy replaces the one shown while sending.
    delete state.pending[clientId];
    removeFromOutbox(clientId);
    if (pending.parentNode) {
      pending.parentNode.removeChild(pending);
    }
  }
  if (id && state.seenIds[id]) {
    return; // Already shown (the stream and the POST answer both deliver our own messages).
  }
  if (id) {
    state.seenIds[id] = true;
  }
  insertConfirmed(buildMessage(message), Number(message.seq) || 0);
  scrollToEnd();
  if (!pending) {
    countUnread(message);
  }
}

/** A message of the outbox, shown as "sending" until the server's copy replaces it. */
export function renderPending(entryInOutbox) {
  var item = buildMessage({ sender: "visitor", text: entryInOutbox.text, clientId: entryInOutbox.clientId });
  item.setAttribute("data-pending", "");
  item.querySelector(".cs-message-body").appendChild(el("div", { className: "cs-message-state", text: T.sending }));
  state.pending[entryInOutbox.clientId] = item;
  ui.messages.appendChild(item);
  scrollToEnd();
}

/** Permanent: the server's reason, no retry. Otherwise a "tap to retry" button. */
export function markFailed(clientId, message, permanent) {
  var item = state.pending[clientId];
  if (!item) {
    return;
  }
  var old = item.querySelector(".cs-message-state");
  if (permanent) {
    old.parentNode.replaceChild(el("div", { className: "cs-message-state cs-error", text: message }), old);
    return;
  }
  var retry = el("button", { type: "button", className: "cs-message-state cs-failed", text: T.failed });
  retry.addEventListener("click", function () {
    retry.parentNode.replaceChild(el("div", { className: "cs-message-state", text: T.sending }), retry);
    flushOutbox();
  });
  old.parentNode.replaceChild(retry, old);
}

export function showSystemLine(text) {
  ui.messages.appendChild(buildMessage({ sender: "system", text: text }));
  scrollToEnd();
}
