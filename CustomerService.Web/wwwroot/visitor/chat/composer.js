/*
 * The composer (SPEC E2): text input (data-testid visitor-input / visitor-send), the Enter or Ctrl+Enter send
 * preference, emoji, image and file uploads within the entry's limits, and the typing preview agents see (SPEC D7).
 */
import { T, format } from "./texts.js";
import { state, storageSet, newClientId, isChatting, STORAGE_SEND_KEY, TYPING_INTERVAL_MS } from "./state.js";
import { ui, el, show, safeUrl, formatSize } from "./dom.js";
import { api, conversationPath } from "./api.js";
import { addToOutbox, flushOutbox } from "./outbox.js";
import { buildMessage, renderMessage, scrollToEnd, showSystemLine } from "./messages.js";

// The built-in set (SPEC D6 “system emoji”, the same characters as Features/Branding/SystemEmoji.cs); custom groups of
// image emoji (表情管理) come from GET /api/visitor/emoji and are sent as image messages.
const EMOJI = ("😀 😁 😂 🤣 😊 😍 😘 😎 🤔 😅 😢 😭 😡 😱 😴 🙄 😉 🙂 🙃 😇 🥰 😋 😜 🤗 " +
  "👍 👎 👌 🙏 👏 💪 🤝 ✌️ 👋 ❤️ 💔 🎉 🎁 🌹 ☕ 🍉 🔥 ⭐ ✅ ❌ ❓ ❗ 💯 📦").split(" ");

function sendText() {
  var text = ui.input.value.trim();
  if (!text) {
    return;
  }
  if (text.length > state.limits.messageLength) {
    showComposerError(format(T.messageTooLong, { max: state.limits.messageLength }));
    return;
  }
  if (!isChatting()) {
    return;
  }
  showComposerError(null);
  addToOutbox({ clientId: newClientId(), text: text });
  ui.input.value = "";
  sendTyping(true);
  flushOutbox();
}

export function showComposerError(message) {
  ui.composerError.textContent = message || "";
  show(ui.composerError, !!message);
}

function sendTyping(now) {
  if (!state.conversationId || !isChatting()) {
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

/*
 * Files picked before the conversation is there (the session is still being answered): held here, sent as soon as it
 * is queued or active, refused aloud if it never opens (issue 15: they used to be dropped without a word).
 */
var held = [];

/** Says why a file was not sent where the visitor can read it: the composer, else the chat, else the form. */
function refuseAloud(text) {
  if (!ui.composer.hidden) {
    showComposerError(text);
  } else if (!ui.leaveForm.hidden) {
    ui.leaveError.textContent = text;
    show(ui.leaveError, true);
  } else {
    showSystemLine(text);
  }
}

/** The conversation is open (queued or active): what was held goes now, in the order it was picked. */
export function releaseHeldUploads() {
  var waiting = held;
  held = [];
  waiting.forEach(function (item) { upload(item.file, item.asImage); });
}

/** The conversation will not open (leave-message form, ended): every held file is refused, by name. */
export function refuseHeldUploads() {
  var waiting = held;
  held = [];
  waiting.forEach(function (item) { refuseAloud(format(T.uploadNotSent, { name: item.file.name })); });
}

function upload(file, asImage) {
  if (!file) {
    return;
  }
  var limit = asImage || /^image\//.test(file.type) ? state.limits.imageBytes : state.limits.fileBytes;
  if (file.size > limit) {
    refuseAloud(format(T.fileTooLarge, { size: formatSize(limit) }));
    return;
  }
  if (!state.conversationId || !isChatting()) {
    if (state.status === "leave-message" || state.status === "ended") {
      refuseAloud(format(T.uploadNotSent, { name: file.name }));
    } else {
      held.push({ file: file, asImage: asImage });
      showComposerError(format(T.uploadHeld, { name: file.name }));
    }
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
      // The composer may be gone by now (the conversation ended meanwhile): say it where it can be read.
      refuseAloud(error.message);
    });
}

var emojiGroups = [];
var emojiTab = "system";

function loadEmojiGroups() {
  api("GET", "emoji").then(function (answer) {
    emojiGroups = answer && Array.isArray(answer.groups) ? answer.groups.filter(function (g) { return g && Array.isArray(g.emoji); }) : [];
    buildEmojiPanel();
  }, function () { /* The system set works without the custom groups. */ });
}

function closeEmojiPanel() {
  show(ui.emojiPanel, false);
  ui.emojiButton.setAttribute("aria-expanded", "false");
}

function buildEmojiPanel() {
  var panel = ui.emojiPanel;
  panel.textContent = "";
  if (emojiGroups.length > 0) {
    var tabs = el("div", { className: "cs-emoji-tabs", role: "tablist" });
    [{ id: "system", name: T.emojiSystem }].concat(emojiGroups).forEach(function (group) {
      var id = String(group.id);
      var tab = el("button", { type: "button", role: "tab", className: "cs-emoji-tab", text: String(group.name || ""),
        "data-testid": "emoji-tab", "data-group": id, "aria-selected": id === emojiTab ? "true" : "false" });
      tab.addEventListener("click", function () {
        emojiTab = id;
        buildEmojiPanel();
      });
      tabs.appendChild(tab);
    });
    panel.appendChild(tabs);
  }

  var group = emojiGroups.filter(function (g) { return String(g.id) === emojiTab; })[0];
  if (!group) {
    EMOJI.forEach(function (emoji) {
      var button = el("button", { type: "button", role: "option", text: emoji });
      button.addEventListener("click", function () {
        insertAtCursor(emoji);
        closeEmojiPanel();
      });
      panel.appendChild(button);
    });
    return;
  }
  group.emoji.forEach(function (emoji) {
    var src = safeUrl(emoji.url);
    if (!src) {
      return;
    }
    var button = el("button", { type: "button", role: "option", className: "cs-custom-emoji", title: String(emoji.name || ""),
      "data-testid": "custom-emoji", "data-emoji-id": emoji.id }, [el("img", { src: src, alt: String(emoji.name || ""), loading: "lazy" })]);
    button.addEventListener("click", function () {
      closeEmojiPanel();
      sendEmoji(emoji);
    });
    panel.appendChild(button);
  });
}

/** A custom emoji goes out at once as an image message (the server copies the picture into the conversation). */
function sendEmoji(emoji) {
  if (!state.conversationId || !isChatting()) {
    return;
  }
  showComposerError(null);
  var clientId = newClientId();
  var placeholder = buildMessage({ sender: "visitor", text: String(emoji.name || "") });
  placeholder.setAttribute("data-pending", "");
  state.pending[clientId] = placeholder;
  ui.messages.appendChild(placeholder);
  scrollToEnd();
  api("POST", conversationPath("emoji"), { emojiId: emoji.id, clientId: clientId }).then(
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

export function wireComposer() {
  buildEmojiPanel();
  loadEmojiGroups();

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
}
