/*
 * The page's elements (ui) and the small DOM helpers every part renders with. User and server text is only ever put
 * into the page as text nodes / textContent / attributes, never innerHTML; URLs only as http(s) (safeUrl).
 */

export const $ = function (id) { return document.getElementById(id); };

// Module scripts run after the document is parsed, so every element below exists.
export const ui = {
  app: $("app"),
  headerAvatar: $("header-avatar"),
  headerLogo: $("header-logo"),
  headerSignature: $("header-signature"),
  headerTitle: $("header-title"),
  headerSubtitle: $("header-subtitle"),
  minimize: $("minimize"),
  banner: $("connection-banner"),
  workingHours: $("working-hours"),
  queue: $("queue"),
  queueText: $("queue-text"),
  queueWait: $("queue-wait"),
  queueLeave: $("queue-leave"),
  productCard: $("product-card"),
  productImage: $("product-image"),
  productName: $("product-name"),
  productPrice: $("product-price"),
  messages: $("messages"),
  leaveForm: $("leave-message-form"),
  leaveNotice: $("leave-notice"),
  leaveError: $("leave-error"),
  leaveDone: $("leave-done"),
  leaveBack: $("leave-back"),
  ended: $("ended"),
  endedRate: $("ended-rate"),
  endedTranscript: $("ended-transcript"),
  restart: $("restart"),
  composer: $("composer"),
  composerError: $("composer-error"),
  emojiButton: $("emoji-button"),
  emojiPanel: $("emoji-panel"),
  imageButton: $("image-button"),
  imageInput: $("image-input"),
  fileButton: $("file-button"),
  fileInput: $("file-input"),
  rateButton: $("rate-button"),
  transcript: $("transcript-link"),
  leaveButton: $("leave-button"),
  endButton: $("end-button"),
  input: $("input"),
  sendKey: $("send-key"),
  send: $("send"),
  ratingDialog: $("rating-dialog"),
  ratingForm: $("rating-form"),
  ratingLevels: $("rating-levels"),
  ratingError: $("rating-error"),
  ratingCancel: $("rating-cancel"),
  customTab: $("custom-tab")
};

/** Creates an element; strings among the children become text nodes, never HTML. */
export function el(tag, attributes, children) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) {
    var value = attributes[name];
    if (value == null || value === false) {
      return;
    }
    if (name === "className") {
      node.className = value;
    } else if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  });
  (children || []).forEach(function (child) {
    if (child != null) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  });
  return node;
}

/** Only http(s) URLs and paths on this server may become a src or href. */
export function safeUrl(value) {
  if (typeof value !== "string" || !value) {
    return null;
  }
  try {
    var url = new URL(value, location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function isColor(value) {
  return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value);
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** A picture when there is a usable URL, else the name's first letter. */
export function setAvatar(node, url, name) {
  node.textContent = "";
  var src = safeUrl(url);
  if (src) {
    node.appendChild(el("img", { src: src, alt: "" }));
  } else {
    node.textContent = name ? String(name).trim().charAt(0) : "";
  }
}

export function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? Math.round((bytes / 1024 / 1024) * 10) / 10 + " MB" : Math.ceil(bytes / 1024) + " KB";
}

export function formatTime(value) {
  var date = value ? new Date(value) : new Date();
  if (isNaN(date.getTime())) {
    date = new Date();
  }
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var time = pad(date.getHours()) + ":" + pad(date.getMinutes());
  return date.toDateString() === new Date().toDateString()
    ? time
    : pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + " " + time;
}
