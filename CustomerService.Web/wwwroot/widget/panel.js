/*
 * The button and the chat panel (SPEC E1): the floating button with its unread badge, the panel holding the chat page
 * (an iframe on the CustomerService origin), opening and closing it, and the messages with that page. The two talk
 * through postMessage, each side checking the other's origin and window:
 *   chat -> widget: { type: "cs:ready" }, { type: "cs:close" }, { type: "cs:unread", count }, { type: "cs:open" }
 *   widget -> chat: { type: "cs:init", user, product, open, notice }, { type: "cs:identify", user },
 *                   { type: "cs:product", product }, { type: "cs:visibility", open }
 * (notice: the server's word that an accepted invitation went to ordinary routing, see invitation.js).
 */
var button = null;
var badge = null;
var panel = null;
var frame = null;
var ready = false;
var isOpen = false;

function chatUrl() {
  return serverOrigin + CHAT_PATH + "?" + pageParams({ entry: entry, origin: location.origin, lang: lang, embedded: "1" });
}

function createButton() {
  button = document.createElement("button");
  button.type = "button";
  button.setAttribute("data-testid", "widget-button");
  button.setAttribute("aria-expanded", "false");
  button.title = text.button;
  css(button, {
    position: "fixed",
    bottom: "24px",
    right: onLeft ? "auto" : "24px",
    left: onLeft ? "24px" : "auto",
    "z-index": "2147483000",
    display: "flex",
    "align-items": "center",
    gap: "8px",
    padding: "12px 18px",
    border: "none",
    "border-radius": "24px",
    background: DEFAULT_COLOR,
    color: "#fff",
    font: "500 15px/1.2 -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', sans-serif",
    "box-shadow": "0 4px 14px rgba(0, 0, 0, 0.25)",
    cursor: "pointer"
  });

  var svgNs = "http://www.w3.org/2000/svg";
  var icon = document.createElementNS(svgNs, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("width", "20");
  icon.setAttribute("height", "20");
  icon.setAttribute("aria-hidden", "true");
  var path = document.createElementNS(svgNs, "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z");
  icon.appendChild(path);

  var label = document.createElement("span");
  label.textContent = text.button;

  badge = document.createElement("span");
  badge.setAttribute("data-testid", "widget-unread");
  css(badge, {
    display: "none",
    "min-width": "18px",
    height: "18px",
    padding: "0 5px",
    "border-radius": "9px",
    background: "#e53935",
    color: "#fff",
    font: "600 12px/18px sans-serif",
    "text-align": "center"
  });

  button.appendChild(icon);
  button.appendChild(label);
  button.appendChild(badge);
  button.addEventListener("click", toggle);
  document.body.appendChild(button);
}

function setColor(color) {
  if (button && isColor(color)) {
    button.style.setProperty("background", color);
  }
}

function loadColor() {
  var given = script.getAttribute("data-color");
  if (isColor(given)) {
    setColor(given);
    return;
  }

  if (!window.fetch) {
    return;
  }

  fetch(serverOrigin + "/api/visitor/entries/" + encodeURIComponent(entry), { credentials: "omit" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (info) {
      if (info) {
        setColor(info.skinColor);
        if (typeof info.name === "string" && info.name) {
          button.title = info.name;
        }
      }
    })
    .catch(function () { /* Keep the default colour: the button must work even if the look-up fails. */ });
}

function layoutPanel() {
  if (!panel) {
    return;
  }

  if (isNarrow()) {
    css(panel, { top: "0", bottom: "0", left: "0", right: "0", width: "100%", height: "100%", "border-radius": "0" });
  } else {
    css(panel, {
      top: "auto",
      bottom: "88px",
      left: onLeft ? "24px" : "auto",
      right: onLeft ? "auto" : "24px",
      width: "380px",
      height: "min(640px, calc(100vh - 120px))",
      "border-radius": "12px"
    });
  }
}

function createPanel() {
  panel = document.createElement("div");
  panel.setAttribute("data-testid", "widget-panel");
  css(panel, {
    position: "fixed",
    "z-index": "2147483001",
    overflow: "hidden",
    background: "#fff",
    "box-shadow": "0 8px 30px rgba(0, 0, 0, 0.3)",
    display: "none"
  });

  frame = document.createElement("iframe");
  frame.title = text.panel;
  frame.src = chatUrl();
  frame.setAttribute("data-testid", "widget-frame");
  css(frame, { width: "100%", height: "100%", border: "0", display: "block" });

  panel.appendChild(frame);
  document.body.appendChild(panel);
  layoutPanel();
  window.addEventListener("resize", layoutPanel);
}

/** A chat page loaded earlier (the leave-message form, an ended chat) starts over, on the visitor's new conversation. */
function reloadChat() {
  if (frame) {
    ready = false;
    frame.src = chatUrl();
  }
}

function post(message) {
  // Only to our own server's page: never "*", the user's signature must not leak to another origin.
  if (frame && ready && frame.contentWindow) {
    frame.contentWindow.postMessage(message, serverOrigin);
  }
}

function setUnread(count) {
  if (!badge) {
    return;
  }
  var n = Math.max(0, Math.floor(Number(count) || 0));
  badge.textContent = n > 99 ? "99+" : String(n);
  badge.style.setProperty("display", n > 0 && !isOpen ? "inline-block" : "none");
}

function open() {
  if (!button) {
    return;
  }
  if (!panel) {
    createPanel();
  }
  isOpen = true;
  hideInvitation();
  panel.style.setProperty("display", "block");
  button.setAttribute("aria-expanded", "true");
  if (isNarrow()) {
    button.style.setProperty("display", "none");
  }
  setUnread(0);
  post({ type: "cs:visibility", open: true });
}

function close() {
  if (!panel) {
    return;
  }
  // The iframe stays loaded: the conversation's stream keeps running and unread messages are counted.
  isOpen = false;
  panel.style.setProperty("display", "none");
  button.style.setProperty("display", "flex");
  button.setAttribute("aria-expanded", "false");
  post({ type: "cs:visibility", open: false });
}

function toggle() {
  if (isOpen) {
    close();
  } else {
    open();
  }
}

function listenToChat() {
  window.addEventListener("message", function (event) {
    if (event.origin !== serverOrigin || !frame || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data;
    if (!plainObject(data) || typeof data.type !== "string") {
      return;
    }
    switch (data.type) {
      case "cs:ready":
        ready = true;
        post({ type: "cs:init", user: user, product: product, open: isOpen, notice: takeInvitationNotice() });
        break;
      case "cs:close":
        close();
        break;
      case "cs:open":
        // The enterprise's 统一客服 setting: an agent's message opens the window (the chat page decides).
        open();
        break;
      case "cs:unread":
        setUnread(data.count);
        break;
      default:
        break;
    }
  });
}
