/*
 * The outbox (ADR 005): text messages wait in localStorage, per conversation, until the server has stored them, and
 * are resent with the same clientId after a failure, a reconnect or a reload. The server answers a repeated clientId
 * with the message it already stored (SPEC N2), so nothing is doubled.
 */
import { state, storageGet, storageSet, isChatting, RETRY_MS } from "./state.js";
import { api, conversationPath } from "./api.js";
import { renderMessage, renderPending, markFailed } from "./messages.js";

function outboxKey() {
  return "cs.outbox." + state.conversationId;
}

function saveOutbox() {
  storageSet(outboxKey(), state.outbox.length ? JSON.stringify(state.outbox) : null);
}

/** Shows what an earlier visit of this conversation had not got stored yet. */
export function loadOutbox() {
  try {
    var saved = JSON.parse(storageGet(outboxKey()) || "[]");
    state.outbox = Array.isArray(saved) ? saved.filter(function (m) { return m && m.clientId && m.text; }) : [];
  } catch (e) {
    state.outbox = [];
  }
  state.outbox.forEach(renderPending);
}

export function addToOutbox(item) {
  state.outbox.push(item);
  saveOutbox();
  renderPending(item);
}

export function removeFromOutbox(clientId) {
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
export function flushOutbox() {
  if (state.flushing || !state.conversationId) {
    return Promise.resolve();
  }
  state.flushing = true;

  function next() {
    var item = state.outbox[0];
    if (!item || !isChatting()) {
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
