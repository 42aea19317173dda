/*
 * CustomerService visitor widget (SPEC A, E1). Dependency-free, no build step, ES2017.
 *
 * Embed on the merchant's page:
 *   <script src="https://cs.example.com/widget.js" data-entry="presale" async></script>
 * Optional attributes: data-color="#1E88E5" (button colour; without it the entry's colour is fetched),
 * data-lang="zh-CN" | "en" (default: the page's <html lang>, then the browser's language),
 * data-position="left" (default: right).
 *
 * JS API, for the logged-in user and the product being viewed (the user must be signed on the merchant's server
 * with the entry's secret, see WidgetSignature):
 *   CustomerService.identify({ id, name, vip, ts, sig });
 *   CustomerService.product({ id, name, price, url, image });
 *   CustomerService.open(); CustomerService.close();
 * The script loads async, so calls made before it has loaded are queued with this stub:
 *   window.CustomerService = window.CustomerService || { q: [],
 *     identify: function (u) { this.q.push(["identify", u]); }, product: function (p) { this.q.push(["product", p]); } };
 *
 * The chat page runs in an iframe on the CustomerService origin. The two talk through postMessage, each side checking
 * the other's origin and window:
 *   chat -> widget: { type: "cs:ready" }, { type: "cs:close" }, { type: "cs:unread", count }, { type: "cs:open" }
 *   widget -> chat: { type: "cs:init", user, product, open }, { type: "cs:identify", user },
 *                   { type: "cs:product", product }, { type: "cs:visibility", open }
 * and with the hidden beacon frame (track.html, SPEC D13 invitations):
 *   beacon -> widget: { type: "cs:invitation", invitation: { id, agentName, agentAvatar, text } | null },
 *                     { type: "cs:invitation-answered", id, accepted, ok }
 *   widget -> beacon: { type: "cs:invitation-answer", id, accept }
 *
 * Server contract used here (cross-origin, so both need CORS; failures are tolerated):
 *   GET /api/visitor/entries/{code} -> { skinColor, name }; without it the default colour is kept.
 *   POST /api/visitor/entries/{code}/identity { id, name, vip, ts, sig } -> { identity, identityReason } (SPEC M): when
 *   the page's identify() call is rejected (forged or expired signature, missing fields) the visitor still chats, as an
 *   anonymous visitor, and this script says why with console.warn, so the merchant's developer can fix the signing.
 */
(function () {
  "use strict";

  var existing = window.CustomerService;
  if (existing && existing.loaded) {
    return; // The snippet was pasted twice.
  }

  var CHAT_PATH = "/visitor/chat.html";
  var TRACK_PATH = "/visitor/track.html";
  var DEFAULT_COLOR = "#1E88E5";
  var MAX_PARAM = 1000;
  // The server refuses longer page titles (InputLimits.PageTitle); a long <title> must not stop the visitor chatting.
  var MAX_TITLE = 200;
  var TEXTS = {
    "zh-CN": { button: "在线咨询", panel: "在线咨询窗口", accept: "开始咨询", decline: "稍后再说", invitation: "客服邀请" },
    en: { button: "Chat with us", panel: "Chat window", accept: "Chat now", decline: "No thanks", invitation: "Invitation to chat" }
  };

  var script = document.currentScript || document.querySelector("script[data-entry][src*='widget.js']");
  var entry = script && script.getAttribute("data-entry");
  if (!entry) {
    if (window.console) {
      console.warn("CustomerService widget: the script tag needs a data-entry attribute.");
    }
    return;
  }

  var serverOrigin = new URL(script.src, location.href).origin;
  var lang = pickLanguage(script.getAttribute("data-lang") || document.documentElement.lang || navigator.language);
  var text = TEXTS[lang];
  var onLeft = script.getAttribute("data-position") === "left";

  var user = null;
  var product = null;
  var button = null;
  var badge = null;
  var panel = null;
  var frame = null;
  var ready = false;
  var isOpen = false;

  function pickLanguage(value) {
    return /^en\b/i.test(value || "") ? "en" : "zh-CN";
  }

  function isColor(value) {
    return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value);
  }

  function css(element, styles) {
    Object.keys(styles).forEach(function (name) {
      element.style.setProperty(name, styles[name]);
    });
  }

  function isNarrow() {
    return window.matchMedia("(max-width: 600px)").matches;
  }

  function limit(value, max) {
    value = value || "";
    max = max || MAX_PARAM;
    return value.length > max ? value.slice(0, max) : value;
  }

  function chatUrl() {
    var params = new URLSearchParams({
      entry: entry,
      url: limit(location.href),
      title: limit(document.title, MAX_TITLE),
      referrer: limit(document.referrer),
      origin: location.origin,
      lang: lang,
      embedded: "1"
    });
    return serverOrigin + CHAT_PATH + "?" + params.toString();
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

  function plainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

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
        post({ type: "cs:init", user: user, product: product, open: isOpen });
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

  var api = {
    loaded: true,
    identify: identify,
    product: setProduct,
    open: open,
    close: close
  };

  var queued = existing && Array.isArray(existing.q) ? existing.q : [];
  window.CustomerService = api;

  var beacon = null;
  var invitationBox = null;

  /** Reports this page view (SPEC E3) from our own origin, so the visitor token never enters the merchant page. */
  function track() {
    beacon = document.createElement("iframe");
    var params = new URLSearchParams({
      url: limit(location.href), title: limit(document.title, MAX_TITLE), referrer: limit(document.referrer),
      entry: entry, origin: location.origin
    });
    beacon.src = serverOrigin + TRACK_PATH + "?" + params.toString();
    beacon.setAttribute("aria-hidden", "true");
    beacon.setAttribute("tabindex", "-1");
    beacon.title = "";
    beacon.style.cssText = "display:none;width:0;height:0;border:0";
    document.body.appendChild(beacon);
  }

  /*
   * 主动邀请 (SPEC D13): the beacon frame hears of an agent's invitation and hands it here; the box shows his name,
   * avatar and text. The answer goes back through the frame (it holds the visitor token); after an accept the chat
   * opens on the conversation the server already started with that agent — or, if that failed (the invitation ran
   * out, the agent left), on an ordinary request.
   */
  function hideInvitation() {
    if (invitationBox) {
      invitationBox.remove();
      invitationBox = null;
    }
  }

  function answerInvitation(id, accept) {
    if (beacon && beacon.contentWindow) {
      beacon.contentWindow.postMessage({ type: "cs:invitation-answer", id: id, accept: accept }, serverOrigin);
    }
    hideInvitation();
  }

  function showInvitation(invitation) {
    hideInvitation();
    if (!plainObject(invitation) || typeof invitation.id !== "number" || isOpen) {
      return;
    }
    invitationBox = document.createElement("div");
    invitationBox.setAttribute("data-testid", "invitation");
    invitationBox.setAttribute("role", "dialog");
    invitationBox.setAttribute("aria-label", text.invitation);
    css(invitationBox, {
      position: "fixed", bottom: "88px", right: onLeft ? "auto" : "24px", left: onLeft ? "24px" : "auto",
      "z-index": "2147483002", width: "300px", "max-width": "calc(100vw - 48px)", padding: "14px", background: "#fff",
      "border-radius": "12px", "box-shadow": "0 8px 30px rgba(0, 0, 0, 0.3)",
      font: "14px/1.5 -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', sans-serif", color: "#222"
    });
    var head = document.createElement("div");
    css(head, { display: "flex", "align-items": "center", gap: "10px", "margin-bottom": "8px" });
    var avatar;
    if (typeof invitation.agentAvatar === "string" && invitation.agentAvatar) {
      avatar = document.createElement("img");
      avatar.src = new URL(invitation.agentAvatar, serverOrigin).href;
      avatar.alt = "";
      css(avatar, { "object-fit": "cover" });
    } else {
      // No photo: the first character of his name, like the chat window's header.
      avatar = document.createElement("span");
      avatar.textContent = String(invitation.agentName || "?").charAt(0);
      css(avatar, { display: "inline-flex", "align-items": "center", "justify-content": "center", background: DEFAULT_COLOR, color: "#fff", "font-weight": "600" });
    }
    avatar.setAttribute("data-testid", "invitation-avatar");
    css(avatar, { width: "36px", height: "36px", "border-radius": "50%", "flex-shrink": "0" });
    head.appendChild(avatar);
    var name = document.createElement("strong");
    name.setAttribute("data-testid", "invitation-agent");
    name.textContent = String(invitation.agentName || "");
    head.appendChild(name);
    var message = document.createElement("div");
    message.setAttribute("data-testid", "invitation-text");
    message.textContent = String(invitation.text || "");
    css(message, { "white-space": "pre-wrap", "margin-bottom": "12px" });
    var actions = document.createElement("div");
    css(actions, { display: "flex", "justify-content": "flex-end", gap: "8px" });
    var decline = document.createElement("button");
    decline.type = "button";
    decline.setAttribute("data-testid", "invitation-decline");
    decline.textContent = text.decline;
    css(decline, { padding: "6px 12px", border: "1px solid #ccc", "border-radius": "16px", background: "#fff", cursor: "pointer" });
    decline.addEventListener("click", function () { answerInvitation(invitation.id, false); });
    var accept = document.createElement("button");
    accept.type = "button";
    accept.setAttribute("data-testid", "invitation-accept");
    accept.textContent = text.accept;
    css(accept, { padding: "6px 12px", border: "none", "border-radius": "16px", background: button.style.getPropertyValue("background") || DEFAULT_COLOR, color: "#fff", cursor: "pointer" });
    accept.addEventListener("click", function () { answerInvitation(invitation.id, true); });
    actions.appendChild(decline);
    actions.appendChild(accept);
    invitationBox.appendChild(head);
    invitationBox.appendChild(message);
    invitationBox.appendChild(actions);
    document.body.appendChild(invitationBox);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== serverOrigin || !beacon || event.source !== beacon.contentWindow) {
      return;
    }
    var data = event.data;
    if (!plainObject(data)) {
      return;
    }
    if (data.type === "cs:invitation") {
      if (data.invitation) {
        showInvitation(data.invitation);
      } else {
        hideInvitation();
      }
    } else if (data.type === "cs:invitation-answered" && data.accepted) {
      // A chat page loaded earlier (the leave-message form, an ended chat) starts over on the new conversation.
      if (frame) {
        ready = false;
        frame.src = chatUrl();
      }
      open();
    }
  });

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
})();
