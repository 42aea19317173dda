/*
 * Sessions and the conversation's life (SPEC N2 POST /sessions, GET/close a conversation): start or resume after a
 * reload, apply state changes (queued / active / ended), end it (two taps), leave the queue for the form, restart.
 * The stored visitor token is thrown away only when the server says it is wrong (api.js rejectsToken), once.
 */
import { T } from "./texts.js";
import { state, entry, page, storageGet, storageSet, conversationKey, isChatting, CONFIRM_MS } from "./state.js";
import { ui, show } from "./dom.js";
import { api, conversationPath, rememberToken, forgetToken } from "./api.js";
import { renderStatus } from "./status.js";
import { showSystemLine } from "./messages.js";
import { loadOutbox, flushOutbox } from "./outbox.js";
import { openStream, stopStream } from "./stream.js";
import { openRating } from "./evaluation.js";
import { showLeaveMessage } from "./leave-message.js";
import { showComposerError, releaseHeldUploads, refuseHeldUploads } from "./composer.js";
import { reportIdentity } from "./parent.js";

export function applyConversationState(answer) {
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
  if (state.status !== previous && isChatting()) {
    flushOutbox();
    releaseHeldUploads();
  } else if (state.status === "ended") {
    refuseHeldUploads();
  }
}

/**
 * The widget's word that the invitation he accepted went to ordinary routing (its agent could not take him), said once,
 * at the top of the conversation it opened or above the leave-message form.
 */
function takeInvitationNotice() {
  var notice = state.invitationNotice;
  state.invitationNotice = null;
  return notice;
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
  var notice = takeInvitationNotice();
  if (notice) {
    showSystemLine(notice);
  }
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
      reportIdentity(answer);
      if (answer.state === "leave-message" || !answer.conversationId) {
        storageSet(conversationKey(), null);
        showLeaveMessage([takeInvitationNotice(), answer.notice].filter(Boolean).join(" "), false);
        refuseHeldUploads();
        return;
      }
      enterConversation(answer.conversationId, answer);
    },
    function (error) {
      if (error.tokenRejected && !state.recoveredFromUnauthorized) {
        // The token is unknown (database reset): start as a new visitor, once.
        state.recoveredFromUnauthorized = true;
        forgetToken();
        return startSession();
      }
      ui.headerSubtitle.textContent = "";
      showSystemLine(error.status === 404 ? T.entryMissing : error.message);
      return undefined;
    });
}

/** After a reload: go back into a conversation that is still open instead of starting another. */
export function resumeOrStart() {
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
      // Whatever the reason, the session call decides about the token (a wrong one answers 401 there too).
      state.conversationId = null;
      return startSession();
    });
}

/** The stream answered 401; tokenRejected when it was sent a token (api.js rejectsToken). */
export function onUnauthorized(tokenRejected) {
  stopStream();
  storageSet(conversationKey(), null);
  state.conversationId = null;
  if (!state.recoveredFromUnauthorized) {
    state.recoveredFromUnauthorized = true;
    if (tokenRejected) {
      forgetToken();
    }
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

export function wireConversation() {
  ui.endButton.addEventListener("click", endConversation);
  ui.restart.addEventListener("click", function () {
    storageSet(conversationKey(), null);
    startSession();
  });
  ui.queueLeave.addEventListener("click", function () {
    // D3: leaving the queue for the leave-message form ends the queued conversation.
    api("POST", conversationPath("close")).then(null, function () { /* The form is what matters now. */ });
    stopStream();
    storageSet(conversationKey(), null);
    state.conversationId = null;
    showLeaveMessage(null, false);
  });
}

/** A page without ?entry= can do nothing but say so. */
export function reportMissingEntry() {
  showSystemLine(T.entryMissing);
}
