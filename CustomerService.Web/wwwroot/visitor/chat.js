/*
 * Visitor chat page (SPEC E2) — the client of the SPEC N2 visitor HTTP API. Plain ES2017, no framework, no build.
 * User and server text is only ever put into the page with textContent / attributes, never innerHTML.
 *
 * Query parameters: entry (required), url, title, referrer (the merchant's page), origin (the merchant page's origin,
 * the only one whose postMessage is accepted), embedded=1 (inside widget.js's iframe), lang=zh-CN|en.
 *
 * WHAT THIS PAGE ASSUMES OF THE SERVER, beyond the letter of SPEC N2 (the API is written separately):
 *  1. Tokens in the query string. EventSource and <a href> cannot send headers, so GET .../events and
 *     GET .../transcript also accept ?token=<visitorToken> instead of the X-Visitor-Token header. This page reads the
 *     stream with fetch() and sends X-Visitor-Token and Last-Event-ID as headers; only where fetch cannot stream does
 *     it fall back to EventSource with ?token=...&lastEventId=<seq> (the query form of Last-Event-ID).
 *  2. POST /sessions: an earlier token is sent both as the X-Visitor-Token header and as body field visitorToken.
 *  3. A stream opened without Last-Event-ID replays the conversation from its first event (full history after a reload).
 *  4. Stream events: the SSE "event:" name is "message" (data = a message), "state" (data = { state, queuePosition?,
 *     estimatedWaitSeconds?, agent? }) or "evaluation-invite" (the agent invites a rating); an unnamed event is
 *     recognised by its data (sender -> message, state -> state). "id:" is the conversation's sequence number.
 *  5. A message is { id, seq, clientId?, sender: "visitor"|"agent"|"system", senderName?, avatar?, text?, sentAt,
 *     file?: { name, url, contentType?, size? } }. The visitor's own messages come back with their clientId, so the
 *     page matches them to what it showed while sending. file.url works as-is in <img src> / <a href> from this page.
 *  6. GET /api/visitor/entries/{code} -> { skinColor, name } and, all optional: enterprise { name, logoUrl, about,
 *     phone, address, website }, faq [{ question, answer }], customTab { title, text?, url? }, workingHours { open,
 *     text }, leaveMessage { notice, fields: { name|phone|email: "hidden"|"optional"|"required" } },
 *     limits { imageBytes, fileBytes, messageLength }, evaluation { forceOnClose }.
 *  7. Optional in session / conversation / state answers: estimatedWaitSeconds, notice (working-hours text shown with
 *     the leave-message form).
 *  8. POST .../files takes multipart field "file" (plus "clientId", which the server may use to make retries
 *     idempotent) and answers with the message.
 *  9. Errors are RFC 7807 problem details; "detail" (else "title") is shown to the visitor as it is.
 */
(function () {
  "use strict";

  var TEXTS = {
    "zh-CN": {
      title: "在线咨询",
      tabChat: "咨询",
      tabFaq: "常见问题",
      tabAbout: "关于我们",
      tabCustom: "更多",
      minimize: "收起",
      connecting: "正在连接客服…",
      reconnecting: "网络连接已断开，正在重新连接…",
      inputPlaceholder: "请输入您要咨询的问题",
      send: "发送",
      sendKey: "发送方式",
      sendKeyEnter: "按 Enter 发送",
      sendKeyCtrlEnter: "按 Ctrl+Enter 发送",
      emoji: "表情",
      image: "发送图片",
      file: "发送文件",
      rate: "评价",
      transcript: "下载聊天记录",
      leaveMessage: "留言",
      endChat: "结束对话",
      confirmEnd: "再点一次结束对话",
      queued: "正在排队，您是第 {position} 位",
      queuedNoPosition: "正在为您排队，请稍候",
      queueWait: "预计等待约 {minutes} 分钟",
      queueWaitShort: "预计很快就轮到您",
      queueLeave: "不想等待？给我们留言",
      waitingAgent: "正在为您接通客服…",
      serving: "{name} 为您服务",
      ended: "本次对话已结束",
      newChat: "重新咨询",
      leaveMessageTitle: "请留言，我们会尽快联系您",
      fieldName: "姓名",
      fieldPhone: "手机号",
      fieldEmail: "邮箱",
      fieldContent: "留言内容",
      submit: "提交",
      backToChat: "返回",
      leaveMessageDone: "留言已提交，我们会尽快联系您。",
      required: "请填写{field}",
      invalidEmail: "邮箱格式不正确",
      invalidPhone: "手机号格式不正确",
      ratingTitle: "请对本次服务进行评价",
      rating5: "非常满意",
      rating4: "满意",
      rating3: "一般",
      rating2: "不满意",
      rating1: "很不满意",
      ratingComment: "其他意见（选填）",
      ratingSubmit: "提交评价",
      ratingChoose: "请选择一个评价",
      ratingThanks: "感谢您的评价！",
      cancel: "取消",
      sending: "发送中…",
      failed: "发送失败，点击重试",
      uploading: "正在上传 {name}…",
      fileTooLarge: "文件过大，最多 {size}",
      messageTooLong: "消息不能超过 {max} 个字",
      networkError: "网络异常，请稍后重试",
      tooManyRequests: "操作太频繁，请稍后再试",
      entryMissing: "咨询入口不存在，请联系网站管理员",
      productTitle: "您正在咨询的商品",
      you: "我",
      agent: "客服",
      system: "系统消息"
    },
    en: {
      title: "Customer service",
      tabChat: "Chat",
      tabFaq: "FAQ",
      tabAbout: "About us",
      tabCustom: "More",
      minimize: "Minimize",
      connecting: "Connecting you to an agent…",
      reconnecting: "Connection lost, reconnecting…",
      inputPlaceholder: "Type your question",
      send: "Send",
      sendKey: "Send with",
      sendKeyEnter: "Enter sends",
      sendKeyCtrlEnter: "Ctrl+Enter sends",
      emoji: "Emoji",
      image: "Send an image",
      file: "Send a file",
      rate: "Rate",
      transcript: "Download transcript",
      leaveMessage: "Leave a message",
      endChat: "End chat",
      confirmEnd: "Tap again to end",
      queued: "You are number {position} in the queue",
      queuedNoPosition: "You are in the queue, please wait",
      queueWait: "Estimated wait: about {minutes} min",
      queueWaitShort: "It will be your turn shortly",
      queueLeave: "Don't want to wait? Leave us a message",
      waitingAgent: "Connecting you to an agent…",
      serving: "{name} is helping you",
      ended: "This conversation has ended",
      newChat: "Start a new chat",
      leaveMessageTitle: "Leave a message and we will get back to you",
      fieldName: "Name",
      fieldPhone: "Phone",
      fieldEmail: "E-mail",
      fieldContent: "Message",
      submit: "Submit",
      backToChat: "Back",
      leaveMessageDone: "Thank you, we will get back to you soon.",
      required: "Please enter {field}",
      invalidEmail: "The e-mail address is not valid",
      invalidPhone: "The phone number is not valid",
      ratingTitle: "How was our service?",
      rating5: "Very satisfied",
      rating4: "Satisfied",
      rating3: "Neutral",
      rating2: "Dissatisfied",
      rating1: "Very dissatisfied",
      ratingComment: "Anything else? (optional)",
      ratingSubmit: "Submit rating",
      ratingChoose: "Please choose a rating",
      ratingThanks: "Thank you for your rating!",
      cancel: "Cancel",
      sending: "Sending…",
      failed: "Not sent, tap to retry",
      uploading: "Uploading {name}…",
      fileTooLarge: "The file is too large; the limit is {size}",
      messageTooLong: "Messages are limited to {max} characters",
      networkError: "Network problem, please try again later",
      tooManyRequests: "Too many requests, please try again later",
      entryMissing: "This chat entry does not exist; please tell the site's administrator",
      productTitle: "The product you are asking about",
      you: "Me",
      agent: "Agent",
      system: "System"
    }
  };

  // A small built-in emoji set (SPEC D6 “system emoji”); custom sets come with the engine.
  var EMOJI = ("😀 😁 😂 🤣 😊 😍 😘 😎 🤔 😅 😢 😭 😡 😱 😴 🙄 😉 🙂 🙃 😇 🥰 😋 😜 🤗 " +
    "👍 👎 👌 🙏 👏 💪 🤝 ✌️ 👋 ❤️ 💔 🎉 🎁 🌹 ☕ 🍉 🔥 ⭐ ✅ ❌ ❓ ❗ 💯 📦").split(" ");

  var DEFAULT_LIMITS = { imageBytes: 1024 * 1024, fileBytes: 2 * 1024 * 1024, messageLength: 2000 };
  var STORAGE_TOKEN = "cs.visitorToken";
  var STORAGE_SEND_KEY = "cs.sendKey";
  var INIT_WAIT_MS = 1500;
  var TYPING_INTERVAL_MS = 800;
  var MAX_BACKOFF_MS = 30000;
  var RETRY_MS = 5000;
  var CONFIRM_MS = 4000;

  // ---------------------------------------------------------------- setup

  var query = new URLSearchParams(location.search);
  var entry = query.get("entry") || "";
  var lang = /^en\b/i.test(query.get("lang") || navigator.language || "") ? "en" : "zh-CN";
  var T = TEXTS[lang];
  var page = { url: query.get("url") || "", title: query.get("title") || "", referrer: query.get("referrer") || "" };
  var parentOrigin = query.get("origin") || "";
  var embedded = query.get("embedded") === "1" && window.parent !== window && /^https?:\/\//.test(parentOrigin);

  var state = {
    token: storageGet(STORAGE_TOKEN),
    conversationId: null,
    status: null, // "queued" | "active" | "ended" | "leave-message"
    lastSeq: 0,
    agent: null,
    queuePosition: null,
    estimatedWaitSeconds: null,
    endArmed: false,
    user: null,
    product: null,
    info: {},
    limits: DEFAULT_LIMITS,
    seenIds: {},
    pending: {}, // clientId -> list item of a message not yet confirmed
    outbox: [],
    flushing: false,
    stream: null,
    backoff: 1000,
    panelOpen: !embedded,
    unread: 0,
    rated: false,
    recoveredFromUnauthorized: false,
    sendKey: storageGet(STORAGE_SEND_KEY) === "ctrl-enter" ? "ctrl-enter" : "enter",
    typingTimer: null,
    typingSentAt: 0
  };

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    app: $("app"),
    headerAvatar: $("header-avatar"),
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

  // ---------------------------------------------------------------- small helpers

  function storageGet(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // Storage blocked (third-party iframe in some browsers): the page still works, without memory.
    }
  }

  function storageSet(key, value) {
    try {
      if (value == null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (e) {
      /* See storageGet. */
    }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] != null ? String(values[name]) : all;
    });
  }

  /** Creates an element; strings among the children become text nodes, never HTML. */
  function el(tag, attributes, children) {
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
  function safeUrl(value) {
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

  function isColor(value) {
    return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value);
  }

  function formatSize(bytes) {
    return bytes >= 1024 * 1024 ? Math.round((bytes / 1024 / 1024) * 10) / 10 + " MB" : Math.ceil(bytes / 1024) + " KB";
  }

  function formatTime(value) {
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

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function applyTexts(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-text]"), function (node) {
      node.textContent = T[node.getAttribute("data-text")] || "";
    });
    ["title", "placeholder", "aria-label"].forEach(function (attribute) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-text-" + attribute + "]"), function (node) {
        node.setAttribute(attribute, T[node.getAttribute("data-text-" + attribute)] || "");
      });
    });
  }

  // ---------------------------------------------------------------- HTTP

  function apiUrl(path) {
    // Relative to this page (/visitor/chat.html), so the app may live under a path base.
    return new URL("../api/visitor/" + path, location.href).href;
  }

  function ApiError(status, message, problem) {
    this.status = status;
    this.message = message;
    this.problem = problem;
  }

  function problemMessage(status, problem) {
    if (problem && (problem.detail || problem.title)) {
      return String(problem.detail || problem.title);
    }
    return status === 429 ? T.tooManyRequests : T.networkError;
  }

  /** fetch with the visitor token; resolves to the JSON answer (or null), rejects with ApiError. */
  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    if (state.token) {
      headers["X-Visitor-Token"] = state.token;
    }
    // The visitor is identified by his token only; an agent signed in on the same browser must not lend his cookie.
    var options = { method: method, headers: headers, credentials: "omit" };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }

    return fetch(apiUrl(path), options).then(
      function (response) {
        var isJson = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
        var read = isJson ? response.json().catch(function () { return null; }) : Promise.resolve(null);
        return read.then(function (data) {
          if (!response.ok) {
            throw new ApiError(response.status, problemMessage(response.status, data), data);
          }
          return data;
        });
      },
      function () {
        throw new ApiError(0, T.networkError, null);
      });
  }

  function conversationPath(suffix) {
    return "conversations/" + encodeURIComponent(state.conversationId) + (suffix ? "/" + suffix : "");
  }

  function withToken(url) {
    return url + (url.indexOf("?") >= 0 ? "&" : "?") + "token=" + encodeURIComponent(state.token || "");
  }

  // ---------------------------------------------------------------- parent window (widget.js)

  function postToParent(message) {
    if (embedded) {
      window.parent.postMessage(message, parentOrigin);
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

  var initReceived;
  var initDone = new Promise(function (resolve) { initReceived = resolve; });

  window.addEventListener("message", function (event) {
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
  });

  function waitForParent() {
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
    }
  }

  function countUnread(message) {
    if (message.sender === "visitor" || (state.panelOpen && !document.hidden)) {
      return;
    }
    state.unread += 1;
    postToParent({ type: "cs:unread", count: state.unread });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && state.panelOpen) {
      setPanelOpen(true);
    }
  });

  // ---------------------------------------------------------------- entry look (colour, tabs, notices)

  function loadEntryInfo() {
    return api("GET", "entries/" + encodeURIComponent(entry)).then(applyEntryInfo, function () {
      /* The page works with defaults; the session call reports a missing entry. */
    });
  }

  function applyEntryInfo(info) {
    info = info && typeof info === "object" ? info : {};
    state.info = info;
    if (isColor(info.skinColor)) {
      document.documentElement.style.setProperty("--cs-color", info.skinColor);
    }

    var enterprise = info.enterprise || {};
    if (enterprise.name) {
      ui.headerTitle.textContent = String(enterprise.name);
      document.title = String(enterprise.name);
    }
    if (!state.agent) {
      setAvatar(ui.headerAvatar, enterprise.logoUrl, enterprise.name);
    }

    var limits = info.limits || {};
    state.limits = {
      imageBytes: limits.imageBytes > 0 ? limits.imageBytes : DEFAULT_LIMITS.imageBytes,
      fileBytes: limits.fileBytes > 0 ? limits.fileBytes : DEFAULT_LIMITS.fileBytes,
      messageLength: limits.messageLength > 0 ? limits.messageLength : DEFAULT_LIMITS.messageLength
    };
    ui.input.maxLength = state.limits.messageLength;

    var hours = info.workingHours;
    if (hours && hours.open === false && hours.text) {
      ui.workingHours.textContent = String(hours.text);
      show(ui.workingHours, true);
    }

    renderFaq(Array.isArray(info.faq) ? info.faq : []);
    renderAbout(enterprise);
    renderCustomTab(info.customTab);
    configureLeaveForm(info.leaveMessage || {});
  }

  function renderFaq(items) {
    var panel = $("panel-faq");
    panel.textContent = "";
    items.forEach(function (item) {
      if (item && item.question) {
        panel.appendChild(el("details", {}, [
          el("summary", { text: String(item.question) }),
          el("p", { text: String(item.answer || "") })
        ]));
      }
    });
    show(document.querySelector("[data-tab='faq']"), panel.childNodes.length > 0);
  }

  function renderAbout(enterprise) {
    var panel = $("panel-about");
    panel.textContent = "";
    var logo = safeUrl(enterprise.logoUrl);
    if (logo) {
      panel.appendChild(el("img", { src: logo, alt: "" }));
    }
    if (enterprise.name) {
      panel.appendChild(el("h2", { text: String(enterprise.name) }));
    }
    if (enterprise.about) {
      panel.appendChild(el("p", { text: String(enterprise.about) }));
    }
    [enterprise.phone, enterprise.address].forEach(function (line) {
      if (line) {
        panel.appendChild(el("p", { text: String(line) }));
      }
    });
    var website = safeUrl(enterprise.website);
    if (website) {
      panel.appendChild(el("p", {}, [el("a", { href: website, target: "_blank", rel: "noopener noreferrer", text: website })]));
    }
    show(document.querySelector("[data-tab='about']"), !!enterprise.about);
  }

  function renderCustomTab(tab) {
    var panel = $("panel-custom");
    panel.textContent = "";
    if (!tab || typeof tab !== "object") {
      return;
    }
    var title = tab.title ? String(tab.title) : T.tabCustom;
    ui.customTab.textContent = title;
    var url = safeUrl(tab.url);
    if (url) {
      // Sandboxed without allow-same-origin: the merchant's page cannot reach this one or its token.
      panel.appendChild(el("iframe", { src: url, title: title, sandbox: "allow-scripts allow-popups allow-forms" }));
    } else if (tab.text) {
      panel.appendChild(el("p", { text: String(tab.text) }));
    }
    show(ui.customTab, panel.childNodes.length > 0);
  }

  function selectTab(name) {
    Array.prototype.forEach.call(document.querySelectorAll(".cs-tab"), function (tab) {
      var selected = tab.getAttribute("data-tab") === name;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      show($("panel-" + tab.getAttribute("data-tab")), selected);
    });
  }

  // ---------------------------------------------------------------- header, queue, product

  function setAvatar(node, url, name) {
    node.textContent = "";
    var src = safeUrl(url);
    if (src) {
      node.appendChild(el("img", { src: src, alt: "" }));
    } else {
      node.textContent = name ? String(name).trim().charAt(0) : "";
    }
  }

  function renderStatus(answer) {
    answer = answer || {};
    if (answer.agent && answer.agent.name) {
      state.agent = { name: String(answer.agent.name), avatar: answer.agent.avatar };
    }
    if ("queuePosition" in answer) {
      state.queuePosition = Number(answer.queuePosition);
    }
    if ("estimatedWaitSeconds" in answer) {
      state.estimatedWaitSeconds = answer.estimatedWaitSeconds == null ? null : Number(answer.estimatedWaitSeconds);
    }

    var status = state.status;
    ui.headerSubtitle.textContent =
      status === "active" && state.agent ? format(T.serving, { name: state.agent.name })
      : status === "active" ? T.waitingAgent
      : status === "queued" ? T.queuedNoPosition
      : status === "ended" ? T.ended
      : status === "leave-message" ? T.leaveMessageTitle
      : T.connecting;
    if (state.agent && status === "active") {
      setAvatar(ui.headerAvatar, state.agent.avatar, state.agent.name);
    }

    // While the leave-message form is open it has the panel to itself.
    var formOpen = !ui.leaveForm.hidden;
    show(ui.queue, status === "queued" && !formOpen);
    if (status === "queued") {
      var position = state.queuePosition;
      ui.queueText.textContent = position > 0 ? format(T.queued, { position: position }) : T.queuedNoPosition;
      var seconds = state.estimatedWaitSeconds;
      ui.queueWait.textContent = seconds == null || !(seconds >= 0) ? ""
        : seconds < 60 ? T.queueWaitShort
        : format(T.queueWait, { minutes: Math.ceil(seconds / 60) });
    }

    var chatting = status === "queued" || status === "active";
    show(ui.composer, chatting && !formOpen);
    show(ui.ended, status === "ended");
    show(ui.endButton, chatting);
    var hasConversation = !!state.conversationId && status !== "leave-message";
    show(ui.rateButton, hasConversation && !state.rated);
    show(ui.endedRate, hasConversation && !state.rated);
    show(ui.transcript, hasConversation);
    show(ui.endedTranscript, hasConversation);
    if (hasConversation) {
      ui.transcript.href = ui.endedTranscript.href = withToken(apiUrl(conversationPath("transcript")));
    }
  }

  function setProduct(product) {
    if (!product) {
      return;
    }
    state.product = product;
    ui.productName.textContent = product.name;
    var link = safeUrl(product.url);
    if (link) {
      ui.productName.href = link;
    } else {
      ui.productName.removeAttribute("href");
    }
    ui.productPrice.textContent = product.price || "";
    var image = safeUrl(product.image);
    if (image) {
      ui.productImage.src = image;
    }
    show(ui.productImage, !!image);
    show(ui.productCard, true);
  }

  // ---------------------------------------------------------------- messages

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

  function buildMessage(message) {
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

  function scrollToEnd() {
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

  function renderMessage(message) {
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

  function renderPending(entryInOutbox) {
    var item = buildMessage({ sender: "visitor", text: entryInOutbox.text, clientId: entryInOutbox.clientId });
    item.setAttribute("data-pending", "");
    item.querySelector(".cs-message-body").appendChild(el("div", { className: "cs-message-state", text: T.sending }));
    state.pending[entryInOutbox.clientId] = item;
    ui.messages.appendChild(item);
    scrollToEnd();
  }

  function markFailed(clientId, message, permanent) {
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

  function showSystemLine(text) {
    ui.messages.appendChild(buildMessage({ sender: "system", text: text }));
    scrollToEnd();
  }

  // ---------------------------------------------------------------- outbox (idempotent resends)

  function outboxKey() {
    return "cs.outbox." + state.conversationId;
  }

  function saveOutbox() {
    storageSet(outboxKey(), state.outbox.length ? JSON.stringify(state.outbox) : null);
  }

  function loadOutbox() {
    try {
      var saved = JSON.parse(storageGet(outboxKey()) || "[]");
      state.outbox = Array.isArray(saved) ? saved.filter(function (m) { return m && m.clientId && m.text; }) : [];
    } catch (e) {
      state.outbox = [];
    }
    state.outbox.forEach(renderPending);
  }

  function removeFromOutbox(clientId) {
    var before = state.outbox.length;
    state.outbox = state.outbox.filter(function (m) { return m.clientId !== clientId; });
    if (state.outbox.length !== before) {
      saveOutbox();
    }
  }

  /**
   * Sends what is waiting, oldest first, one at a time (so the order holds). The same clientId is reused on every
   * attempt: the server answers a repeat with the message it already stored (N2), so nothing is doubled.
   */
  function flushOutbox() {
    if (state.flushing || !state.conversationId) {
      return Promise.resolve();
    }
    state.flushing = true;

    function next() {
      var item = state.outbox[0];
      if (!item || (state.status !== "active" && state.status !== "queued")) {
        return Promise.resolve();
      }
      return api("POST", conversationPath("messages"), { clientId: item.clientId, text: item.text }).then(
        function (message) {
          removeFromOutbox(item.clientId);
          renderMessage(message && typeof message === "object" ? Object.assign({ clientId: item.clientId }, message) : null);
          return next();
        },
        function (error) {
          if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
            // Refused for good (too long, conversation closed…): say why and stop retrying this one.
            removeFromOutbox(item.clientId);
            markFailed(item.clientId, error.message, true);
            delete state.pending[item.clientId];
            return next();
          }
          // Network trouble or rate limit: retried shortly, on reconnect, or on tap.
          markFailed(item.clientId);
          setTimeout(flushOutbox, RETRY_MS);
          return undefined;
        });
    }

    return next().then(function () { state.flushing = false; }, function () { state.flushing = false; });
  }

  function sendText() {
    var text = ui.input.value.trim();
    if (!text) {
      return;
    }
    if (text.length > state.limits.messageLength) {
      showComposerError(format(T.messageTooLong, { max: state.limits.messageLength }));
      return;
    }
    if (state.status !== "active" && state.status !== "queued") {
      return;
    }
    showComposerError(null);
    var item = { clientId: newClientId(), text: text };
    state.outbox.push(item);
    saveOutbox();
    renderPending(item);
    ui.input.value = "";
    sendTyping(true);
    flushOutbox();
  }

  function showComposerError(message) {
    ui.composerError.textContent = message || "";
    show(ui.composerError, !!message);
  }

  // ---------------------------------------------------------------- typing preview (SPEC D7)

  function sendTyping(now) {
    if (!state.conversationId || (state.status !== "active" && state.status !== "queued")) {
      return;
    }
    clearTimeout(state.typingTimer);
    var wait = now ? 0 : Math.max(0, state.typingSentAt + TYPING_INTERVAL_MS - Date.now());
    state.typingTimer = setTimeout(function () {
      state.typingSentAt = Date.now();
      api("POST", conversationPath("typing"), { text: ui.input.value.slice(0, 500) }).catch(function () {
        /* A lost preview does not matter. */
      });
    }, wait);
  }

  // ---------------------------------------------------------------- uploads

  function upload(file, asImage) {
    if (!file || !state.conversationId) {
      return;
    }
    var limit = asImage || /^image\//.test(file.type) ? state.limits.imageBytes : state.limits.fileBytes;
    if (file.size > limit) {
      showComposerError(format(T.fileTooLarge, { size: formatSize(limit) }));
      return;
    }
    showComposerError(null);
    var clientId = newClientId();
    var form = new FormData();
    form.append("file", file, file.name);
    form.append("clientId", clientId);

    var placeholder = buildMessage({ sender: "visitor", text: format(T.uploading, { name: file.name }) });
    placeholder.setAttribute("data-pending", "");
    state.pending[clientId] = placeholder;
    ui.messages.appendChild(placeholder);
    scrollToEnd();

    api("POST", conversationPath("files"), form).then(
      function (message) {
        renderMessage(message && typeof message === "object" ? Object.assign({ clientId: clientId }, message) : null);
        if (state.pending[clientId]) {
          placeholder.parentNode.removeChild(placeholder);
          delete state.pending[clientId];
        }
      },
      function (error) {
        if (placeholder.parentNode) {
          placeholder.parentNode.removeChild(placeholder);
        }
        delete state.pending[clientId];
        showComposerError(error.message);
      });
  }

  // ---------------------------------------------------------------- stream (SSE)

  function handleEvent(name, data, id) {
    var seq = Number(id);
    if (seq > state.lastSeq) {
      state.lastSeq = seq;
    }
    var payload;
    try {
      payload = data ? JSON.parse(data) : {};
    } catch (e) {
      return;
    }
    if (!payload || typeof payload !== "object") {
      return;
    }
    var type = name && name !== "message" ? name
      : payload.sender ? "message"
      : payload.state ? "state"
      : name || payload.type;

    switch (type) {
      case "message":
        renderMessage(payload.message || payload);
        break;
      case "state":
        applyConversationState(payload);
        break;
      case "evaluation-invite":
        // The stream replays history after a reload: answer each invitation once.
        if (seq > Number(storageGet(conversationKey("invite")) || 0)) {
          storageSet(conversationKey("invite"), String(seq));
          openRating();
        }
        break;
      default:
        break; // Heartbeats and events this page does not know.
    }
  }

  function applyConversationState(answer) {
    var previous = state.status;
    if (answer.state === "queued" || answer.state === "active" || answer.state === "ended") {
      state.status = answer.state;
    }
    renderStatus(answer);
    if (state.status === "ended" && previous !== "ended") {
      stopStream();
      if (state.info.evaluation && state.info.evaluation.forceOnClose && !state.rated) {
        openRating();
      }
    }
    if (state.status !== previous && (state.status === "active" || state.status === "queued")) {
      flushOutbox();
    }
  }

  function setConnected(connected) {
    ui.banner.textContent = T.reconnecting;
    show(ui.banner, !connected);
    if (connected) {
      state.backoff = 1000;
      flushOutbox();
    }
  }

  function stopStream() {
    if (state.stream) {
      state.stream.stop();
      state.stream = null;
    }
    show(ui.banner, false);
  }

  function openStream() {
    stopStream();
    var canStream = typeof ReadableStream === "function" && typeof TextDecoder === "function" &&
      typeof AbortController === "function" && "body" in Response.prototype;
    state.stream = canStream ? fetchStream() : eventSourceStream();
  }

  /** Reads the SSE stream with fetch, so the token and Last-Event-ID travel as headers; reconnects with backoff. */
  function fetchStream() {
    var stopped = false;
    var controller = null;
    var conversationId = state.conversationId;

    function parse(reader) {
      var decoder = new TextDecoder();
      var buffer = "";
      var name = "";
      var data = [];
      var id = null;

      function line(text) {
        if (text === "") {
          if (data.length) {
            handleEvent(name, data.join("\n"), id);
          }
          name = "";
          data = [];
          return;
        }
        if (text.charAt(0) === ":") {
          return; // comment / heartbeat
        }
        var colon = text.indexOf(":");
        var field = colon < 0 ? text : text.slice(0, colon);
        var value = colon < 0 ? "" : text.slice(colon + 1).replace(/^ /, "");
        if (field === "event") {
          name = value;
        } else if (field === "data") {
          data.push(value);
        } else if (field === "id") {
          id = value;
        }
      }

      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done || stopped) {
            return;
          }
          buffer += decoder.decode(chunk.value, { stream: true });
          var lines = buffer.split(/\r\n|\r|\n/);
          buffer = lines.pop();
          lines.forEach(line);
          return pump();
        });
      }

      return pump();
    }

    function connect() {
      if (stopped || state.conversationId !== conversationId) {
        return;
      }
      controller = new AbortController();
      var headers = { Accept: "text/event-stream", "X-Visitor-Token": state.token || "" };
      if (state.lastSeq > 0) {
        headers["Last-Event-ID"] = String(state.lastSeq);
      }
      fetch(apiUrl(conversationPath("events")), { headers: headers, signal: controller.signal, cache: "no-store", credentials: "omit" })
        .then(function (response) {
          if (response.status === 401) {
            stopped = true;
            onUnauthorized();
            return undefined;
          }
          if (response.status === 404) {
            stopped = true;
            applyConversationState({ state: "ended" });
            return undefined;
          }
          if (!response.ok || !response.body) {
            throw new Error("stream " + response.status);
          }
          setConnected(true);
          return parse(response.body.getReader());
        })
        .catch(function () { /* Reconnect below. */ })
        .then(function () {
          if (stopped || state.status === "ended") {
            return;
          }
          setConnected(false);
          var delay = state.backoff;
          state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
          setTimeout(connect, delay);
        });
    }

    function reconnectNow() {
      if (!stopped && controller) {
        state.backoff = 1000;
        controller.abort();
      }
    }

    window.addEventListener("online", reconnectNow);
    connect();
    return {
      stop: function () {
        stopped = true;
        window.removeEventListener("online", reconnectNow);
        if (controller) {
          controller.abort();
        }
      }
    };
  }

  /** Fallback for browsers without fetch streaming: the token and last id go in the query string. */
  function eventSourceStream() {
    var url = withToken(apiUrl(conversationPath("events"))) + (state.lastSeq > 0 ? "&lastEventId=" + state.lastSeq : "");
    var source = new EventSource(url);
    var listen = function (name) {
      source.addEventListener(name, function (event) {
        handleEvent(name, event.data, event.lastEventId);
      });
    };
    ["message", "state", "evaluation-invite"].forEach(listen);
    source.onopen = function () { setConnected(true); };
    source.onerror = function () {
      // The browser reconnects by itself and sends Last-Event-ID; a closed source means the server refused us.
      setConnected(false);
      if (source.readyState === EventSource.CLOSED && state.status !== "ended") {
        setTimeout(openStream, state.backoff);
        state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
      }
    };
    return { stop: function () { source.close(); } };
  }

  // ---------------------------------------------------------------- sessions

  function rememberToken(token) {
    if (typeof token === "string" && token) {
      state.token = token;
      storageSet(STORAGE_TOKEN, token);
    }
  }

  /** Per-entry memory of the open conversation; with a suffix, per-conversation memory (rated, last invitation). */
  function conversationKey(suffix) {
    return suffix ? "cs." + suffix + "." + state.conversationId : "cs.conversation." + entry;
  }

  function enterConversation(id, answer) {
    state.conversationId = String(id);
    storageSet(conversationKey(), state.conversationId);
    state.status = null;
    state.lastSeq = 0;
    state.seenIds = {};
    state.pending = {};
    state.outbox = [];
    state.rated = storageGet(conversationKey("rated")) === "1";
    state.agent = null;
    state.queuePosition = state.estimatedWaitSeconds = null;
    ui.messages.textContent = "";
    show(ui.leaveForm, false);
    show(ui.messages, true);
    loadOutbox();
    applyConversationState(answer);
    openStream();
  }

  function startSession() {
    var body = { entry: entry, page: page };
    if (state.user && state.user.id && state.user.sig) {
      body.user = state.user;
    }
    if (state.product) {
      body.product = state.product;
    }
    if (state.token) {
      body.visitorToken = state.token;
    }
    ui.headerSubtitle.textContent = T.connecting;
    return api("POST", "sessions", body).then(
      function (answer) {
        answer = answer || {};
        rememberToken(answer.visitorToken);
        if (answer.state === "leave-message" || !answer.conversationId) {
          storageSet(conversationKey(), null);
          showLeaveMessage(answer.notice, false);
          return;
        }
        enterConversation(answer.conversationId, answer);
      },
      function (error) {
        if (error.status === 401 && state.token && !state.recoveredFromUnauthorized) {
          // The token is unknown (database reset): start as a new visitor, once.
          state.recoveredFromUnauthorized = true;
          state.token = null;
          storageSet(STORAGE_TOKEN, null);
          return startSession();
        }
        ui.headerSubtitle.textContent = "";
        showSystemLine(error.status === 404 ? T.entryMissing : error.message);
        return undefined;
      });
  }

  /** After a reload: go back into a conversation that is still open instead of starting another. */
  function resumeOrStart() {
    var id = storageGet(conversationKey());
    if (!id || !state.token) {
      return startSession();
    }
    state.conversationId = id;
    return api("GET", conversationPath("")).then(
      function (answer) {
        if (answer && (answer.state === "queued" || answer.state === "active")) {
          enterConversation(id, answer);
          return undefined;
        }
        return startSession();
      },
      function () {
        state.conversationId = null;
        return startSession();
      });
  }

  function onUnauthorized() {
    stopStream();
    storageSet(conversationKey(), null);
    state.conversationId = null;
    if (!state.recoveredFromUnauthorized) {
      state.recoveredFromUnauthorized = true;
      state.token = null;
      storageSet(STORAGE_TOKEN, null);
      startSession();
    }
  }

  /** First tap asks (“tap again to end”), a second tap within a few seconds ends: no native confirm() in a web view. */
  function endConversation() {
    if (!state.conversationId) {
      return;
    }
    if (!state.endArmed) {
      state.endArmed = true;
      ui.endButton.textContent = T.confirmEnd;
      setTimeout(function () {
        state.endArmed = false;
        ui.endButton.textContent = T.endChat;
      }, CONFIRM_MS);
      return;
    }
    state.endArmed = false;
    ui.endButton.textContent = T.endChat;
    api("POST", conversationPath("close")).then(
      function () { applyConversationState({ state: "ended" }); },
      function (error) { showComposerError(error.message); });
  }

  // ---------------------------------------------------------------- leave a message (SPEC D12)

  var leaveFields = { name: "optional", phone: "optional", email: "optional" };

  function configureLeaveForm(config) {
    var fields = config.fields || {};
    ["name", "phone", "email"].forEach(function (name) {
      var mode = fields[name];
      leaveFields[name] = mode === "hidden" || mode === "required" ? mode : "optional";
      var label = ui.leaveForm.querySelector("[data-field='" + name + "']");
      show(label, leaveFields[name] !== "hidden");
      label.classList.toggle("cs-required", leaveFields[name] === "required");
    });
    ui.leaveForm.querySelector("[data-field='content']").classList.add("cs-required");
    if (config.notice) {
      ui.leaveNotice.textContent = String(config.notice);
      show(ui.leaveNotice, true);
    }
  }

  function showLeaveMessage(notice, canGoBack) {
    if (!canGoBack) {
      state.status = "leave-message";
      renderStatus({});
    }
    var hours = state.info.workingHours;
    var text = notice || (hours && hours.open === false && hours.text) || "";
    if (text) {
      ui.leaveNotice.textContent = String(text);
      show(ui.leaveNotice, true);
    }
    show(ui.leaveDone, false);
    show(ui.leaveError, false);
    show(ui.leaveBack, !!canGoBack);
    show(ui.leaveForm, true);
    show(ui.messages, false);
    show(ui.composer, false);
    show(ui.queue, false);
    selectTab("chat");
  }

  function hideLeaveMessage() {
    show(ui.leaveForm, false);
    show(ui.messages, true);
    renderStatus({});
  }

  function validateLeaveForm(values) {
    var labels = { name: T.fieldName, phone: T.fieldPhone, email: T.fieldEmail, content: T.fieldContent };
    var required = ["name", "phone", "email"].filter(function (f) { return leaveFields[f] === "required"; }).concat(["content"]);
    for (var i = 0; i < required.length; i++) {
      if (!values[required[i]]) {
        return format(T.required, { field: labels[required[i]] });
      }
    }
    if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
      return T.invalidEmail;
    }
    if (values.phone && !/^[0-9+\-\s()]{5,20}$/.test(values.phone)) {
      return T.invalidPhone;
    }
    return null;
  }

  function submitLeaveMessage(event) {
    event.preventDefault();
    var form = ui.leaveForm;
    var values = {};
    ["name", "phone", "email", "content"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      values[name] = leaveFields[name] === "hidden" ? "" : value;
    });
    var problem = validateLeaveForm(values);
    ui.leaveError.textContent = problem || "";
    show(ui.leaveError, !!problem);
    if (problem) {
      return;
    }

    var body = { entry: entry, content: values.content };
    ["name", "phone", "email"].forEach(function (name) {
      if (values[name]) {
        body[name] = values[name];
      }
    });
    var submit = form.querySelector("[type=submit]");
    submit.disabled = true;
    api("POST", "leave-messages", body).then(
      function () {
        form.reset();
        ui.leaveDone.textContent = T.leaveMessageDone;
        show(ui.leaveDone, true);
        submit.disabled = false;
      },
      function (error) {
        ui.leaveError.textContent = error.message;
        show(ui.leaveError, true);
        submit.disabled = false;
      });
  }

  // ---------------------------------------------------------------- rating (SPEC D9)

  function buildRatingLevels() {
    [5, 4, 3, 2, 1].forEach(function (level) {
      ui.ratingLevels.appendChild(el("label", {}, [
        el("input", { type: "radio", name: "level", value: level, "data-testid": "rating-level-" + level }),
        el("span", { text: T["rating" + level] })
      ]));
    });
  }

  function openRating() {
    if (!state.conversationId || state.rated) {
      return;
    }
    ui.ratingForm.reset();
    show(ui.ratingError, false);
    show(ui.ratingDialog, true);
  }

  function closeRating() {
    show(ui.ratingDialog, false);
  }

  function submitRating(event) {
    event.preventDefault();
    var checked = ui.ratingForm.querySelector("input[name=level]:checked");
    if (!checked) {
      ui.ratingError.textContent = T.ratingChoose;
      show(ui.ratingError, true);
      return;
    }
    var body = { level: Number(checked.value) };
    var comment = ui.ratingForm.elements.comment.value.trim();
    if (comment) {
      body.comment = comment;
    }
    api("POST", conversationPath("evaluation"), body).then(
      function () {
        state.rated = true;
        storageSet(conversationKey("rated"), "1");
        closeRating();
        showSystemLine(T.ratingThanks);
        renderStatus({});
      },
      function (error) {
        ui.ratingError.textContent = error.message;
        show(ui.ratingError, true);
      });
  }

  // ---------------------------------------------------------------- composer wiring

  function buildEmojiPanel() {
    EMOJI.forEach(function (emoji) {
      var button = el("button", { type: "button", role: "option", text: emoji });
      button.addEventListener("click", function () {
        insertAtCursor(emoji);
        show(ui.emojiPanel, false);
        ui.emojiButton.setAttribute("aria-expanded", "false");
      });
      ui.emojiPanel.appendChild(button);
    });
  }

  function insertAtCursor(text) {
    var input = ui.input;
    var start = input.selectionStart == null ? input.value.length : input.selectionStart;
    var end = input.selectionEnd == null ? start : input.selectionEnd;
    input.value = input.value.slice(0, start) + text + input.value.slice(end);
    input.selectionStart = input.selectionEnd = start + text.length;
    input.focus();
  }

  function onKeyDown(event) {
    // Never send while an input method is composing (Chinese pinyin uses Enter to commit letters).
    if (event.key !== "Enter" || event.isComposing || event.keyCode === 229) {
      return;
    }
    var withModifier = event.ctrlKey || event.metaKey;
    if (state.sendKey === "enter" ? !withModifier && !event.shiftKey : withModifier) {
      event.preventDefault();
      sendText();
    } else if (state.sendKey === "enter" && withModifier) {
      event.preventDefault();
      insertAtCursor("\n");
    }
  }

  function wire() {
    applyTexts(document);
    document.documentElement.lang = lang;
    document.title = T.title;
    buildEmojiPanel();
    buildRatingLevels();
    configureLeaveForm({});

    show(ui.minimize, embedded);
    ui.minimize.addEventListener("click", function () { postToParent({ type: "cs:close" }); });

    Array.prototype.forEach.call(document.querySelectorAll(".cs-tab"), function (tab) {
      tab.addEventListener("click", function () { selectTab(tab.getAttribute("data-tab")); });
    });

    ui.sendKey.value = state.sendKey;
    ui.sendKey.addEventListener("change", function () {
      state.sendKey = ui.sendKey.value === "ctrl-enter" ? "ctrl-enter" : "enter";
      storageSet(STORAGE_SEND_KEY, state.sendKey);
    });
    ui.input.addEventListener("keydown", onKeyDown);
    ui.input.addEventListener("input", function () { sendTyping(false); });
    ui.send.addEventListener("click", sendText);

    ui.emojiButton.addEventListener("click", function () {
      var open = ui.emojiPanel.hidden;
      show(ui.emojiPanel, open);
      ui.emojiButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
    ui.imageButton.addEventListener("click", function () { ui.imageInput.click(); });
    ui.fileButton.addEventListener("click", function () { ui.fileInput.click(); });
    ui.imageInput.addEventListener("change", function () {
      upload(ui.imageInput.files[0], true);
      ui.imageInput.value = "";
    });
    ui.fileInput.addEventListener("change", function () {
      upload(ui.fileInput.files[0], false);
      ui.fileInput.value = "";
    });

    ui.rateButton.addEventListener("click", openRating);
    ui.endedRate.addEventListener("click", openRating);
    ui.ratingCancel.addEventListener("click", closeRating);
    ui.ratingForm.addEventListener("submit", submitRating);

    ui.endButton.addEventListener("click", endConversation);
    ui.restart.addEventListener("click", function () {
      storageSet(conversationKey(), null);
      startSession();
    });
    ui.leaveButton.addEventListener("click", function () { showLeaveMessage(null, true); });
    ui.queueLeave.addEventListener("click", function () {
      // D3: leaving the queue for the leave-message form ends the queued conversation.
      api("POST", conversationPath("close")).then(null, function () { /* The form is what matters now. */ });
      stopStream();
      storageSet(conversationKey(), null);
      state.conversationId = null;
      showLeaveMessage(null, false);
    });
    ui.leaveBack.addEventListener("click", hideLeaveMessage);
    ui.leaveForm.addEventListener("submit", submitLeaveMessage);
  }

  function main() {
    wire();
    if (!entry) {
      showSystemLine(T.entryMissing);
      return;
    }
    var info = loadEntryInfo();
    waitForParent()
      .then(function () { return info; })
      .then(resumeOrStart);
  }

  main();
})();
