/*
 * The conversation's event stream (SPEC N2 GET .../events, ADR 003/005): read with fetch so X-Visitor-Token and
 * Last-Event-ID travel as headers, EventSource with ?token= / ?lastEventId= where fetch cannot stream. Event ids are
 * the conversation's sequence numbers, so a reconnect replays exactly what was missed; reconnects back off to 30 s.
 */
import { T } from "./texts.js";
import { state, storageGet, storageSet, conversationKey, MAX_BACKOFF_MS } from "./state.js";
import { ui, show } from "./dom.js";
import { apiUrl, conversationPath, withToken, rejectsToken } from "./api.js";
import { renderMessage } from "./messages.js";
import { flushOutbox } from "./outbox.js";
import { openRating } from "./evaluation.js";
import { applyConversationState, onUnauthorized } from "./conversation.js";

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

function setConnected(connected) {
  ui.banner.textContent = T.reconnecting;
  show(ui.banner, !connected);
  if (connected) {
    state.backoff = 1000;
    flushOutbox();
  }
}

export function stopStream() {
  if (state.stream) {
    state.stream.stop();
    state.stream = null;
  }
  show(ui.banner, false);
}

export function openStream() {
  stopStream();
  var canStream = typeof ReadableStream === "function" && typeof TextDecoder === "function" &&
    typeof AbortController === "function" && "body" in Response.prototype;
  state.stream = canStream ? fetchStream() : eventSourceStream();
}

/** Splits the SSE text into events (WHATWG "event stream interpretation", the fields this API uses). */
function parse(reader, isStopped) {
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
      if (chunk.done || isStopped()) {
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

/** Reads the SSE stream with fetch, so the token and Last-Event-ID travel as headers; reconnects with backoff. */
function fetchStream() {
  var stopped = false;
  var controller = null;
  var conversationId = state.conversationId;

  function connect() {
    if (stopped || state.conversationId !== conversationId) {
      return;
    }
    controller = new AbortController();
    var sentToken = state.token;
    var headers = { Accept: "text/event-stream", "X-Visitor-Token": sentToken || "" };
    if (state.lastSeq > 0) {
      headers["Last-Event-ID"] = String(state.lastSeq);
    }
    var path = conversationPath("events");
    fetch(apiUrl(path), { headers: headers, signal: controller.signal, cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (response.status === 401) {
          stopped = true;
          onUnauthorized(rejectsToken(response.status, path, sentToken));
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
        return parse(response.body.getReader(), function () { return stopped; });
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
