/*
 * The chat page's one mutable state object, what the page was opened with (query parameters), the timing constants,
 * and the browser storage it remembers things in (token, send key, open conversation, outbox, rated, invitations).
 *
 * Query parameters: entry (required), url, title, referrer (the merchant's page), origin (the merchant page's origin,
 * the only one whose postMessage is accepted), embedded=1 (inside widget.js's iframe), lang=zh-CN|en (texts.js).
 */

export const DEFAULT_LIMITS = { imageBytes: 1024 * 1024, fileBytes: 2 * 1024 * 1024, messageLength: 2000 };
export const STORAGE_TOKEN = "cs.visitorToken";
export const STORAGE_SEND_KEY = "cs.sendKey";
export const INIT_WAIT_MS = 1500;
export const TYPING_INTERVAL_MS = 800;
export const MAX_BACKOFF_MS = 30000;
export const RETRY_MS = 5000;
export const CONFIRM_MS = 4000;

const query = new URLSearchParams(location.search);
export const entry = query.get("entry") || "";
export const page = { url: query.get("url") || "", title: query.get("title") || "", referrer: query.get("referrer") || "" };
export const parentOrigin = query.get("origin") || "";
export const embedded = query.get("embedded") === "1" && window.parent !== window && /^https?:\/\//.test(parentOrigin);

export function storageGet(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (e) {
    return null; // Storage blocked (third-party iframe in some browsers): the page still works, without memory.
  }
}

export function storageSet(key, value) {
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

export const state = {
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
  invitationNotice: null, // the accepted invitation's agent could not take him: said once, in the chat (parent.js)
  sendKey: storageGet(STORAGE_SEND_KEY) === "ctrl-enter" ? "ctrl-enter" : "enter",
  typingTimer: null,
  typingSentAt: 0
};

/** Per-entry memory of the open conversation; with a suffix, per-conversation memory (rated, last invitation). */
export function conversationKey(suffix) {
  return suffix ? "cs." + suffix + "." + state.conversationId : "cs.conversation." + entry;
}

export function isChatting() {
  return state.status === "active" || state.status === "queued";
}

export function newClientId() {
  if (window.crypto && typeof window.crypto.randomUUID === "function") {
    return window.crypto.randomUUID();
  }
  var bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
}

export function sleep(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}
