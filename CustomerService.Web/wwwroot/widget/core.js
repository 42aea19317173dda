/*
 * CustomerService visitor widget (SPEC A, E1) — what every part shares: the script tag's settings, the texts and small
 * helpers. Dependency-free, no build step, ES2017. GET /widget.js serves the parts of this folder as one script, in the
 * order WidgetScript lists them, inside one function (ADR 023), so their declarations share one private scope and
 * nothing but window.CustomerService reaches the merchant's page. Each part is a plain script on its own: declarations
 * only, the start is main.js's boot().
 *
 * Embed on the merchant's page:
 *   <script src="https://cs.example.com/widget.js" data-entry="presale" async></script>
 * Optional attributes: data-color="#1E88E5" (button colour; without it the entry's colour is fetched),
 * data-lang="zh-CN" | "en" (default: the page's <html lang>, then the browser's language),
 * data-position="left" (default: right).
 */
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

// Read while this script runs (currentScript is null later); boot() refuses to start without an entry.
var script = document.currentScript || document.querySelector("script[data-entry][src*='widget.js']");
var entry = script && script.getAttribute("data-entry");
var serverOrigin = script ? new URL(script.src, location.href).origin : "";
var lang = pickLanguage((script && script.getAttribute("data-lang")) || document.documentElement.lang || navigator.language);
var text = TEXTS[lang];
var onLeft = !!script && script.getAttribute("data-position") === "left";

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

function plainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The merchant page as the server's frames need it (the chat page and the beacon): url, title, referrer. */
function pageParams(extra) {
  var params = new URLSearchParams({ url: limit(location.href), title: limit(document.title, MAX_TITLE), referrer: limit(document.referrer) });
  Object.keys(extra).forEach(function (name) {
    params.set(name, extra[name]);
  });
  return params.toString();
}
