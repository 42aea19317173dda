/*
 * Client of the SPEC N2 visitor HTTP API: URLs, fetch with the visitor token, RFC 7807 problem details as ApiError,
 * and the visitor token's life (kept in localStorage; thrown away only when the server says it is wrong).
 *
 * WHAT THIS PAGE ASSUMES OF THE SERVER, beyond the letter of SPEC N2:
 *  1. Tokens in the query string. EventSource and <a href> cannot send headers, so GET .../events and
 *     GET .../transcript also accept ?token=<visitorToken> instead of the X-Visitor-Token header. This page reads the
 *     stream with fetch() and sends X-Visitor-Token and Last-Event-ID as headers; only where fetch cannot stream does
 *     it fall back to EventSource with ?token=...&lastEventId=<seq> (the query form of Last-Event-ID).
 *  2. POST /sessions: an earlier token is sent both as the X-Visitor-Token header and as body field visitorToken.
 *     The answer may carry identity / identityReason; "rejected" means the widget's signed user was refused.
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
import { T } from "./texts.js";
import { state, storageSet, STORAGE_TOKEN } from "./state.js";

export function apiUrl(path) {
  // Relative to this page (/visitor/chat.html), so the app may live under a path base.
  return new URL("../api/visitor/" + path, location.href).href;
}

export function ApiError(status, message, problem, tokenRejected) {
  this.status = status;
  this.message = message;
  this.problem = problem;
  this.tokenRejected = tokenRejected === true;
}

function problemMessage(status, problem) {
  if (problem && (problem.detail || problem.title)) {
    return String(problem.detail || problem.title);
  }
  return status === 429 ? T.tooManyRequests : T.networkError;
}

/**
 * Whether an answer says the visitor token is wrong: a 401 from the sessions or conversations endpoints to a request
 * that carried a token. Nothing else does — a 400, 404, 405, 415, 429 or 5xx is about the request or the server, and
 * a 401 elsewhere or without a token is not about this token — so the visitor keeps his identity and history then.
 */
export function rejectsToken(status, path, sentToken) {
  return status === 401 && !!sentToken && /^(sessions|conversations\/)/.test(path);
}

/** fetch with the visitor token; resolves to the JSON answer (or null), rejects with ApiError. */
export function api(method, path, body) {
  var headers = { Accept: "application/json" };
  var sentToken = state.token;
  if (sentToken) {
    headers["X-Visitor-Token"] = sentToken;
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
          throw new ApiError(response.status, problemMessage(response.status, data), data,
            rejectsToken(response.status, path, sentToken));
        }
        return data;
      });
    },
    function () {
      throw new ApiError(0, T.networkError, null);
    });
}

export function conversationPath(suffix) {
  return "conversations/" + encodeURIComponent(state.conversationId) + (suffix ? "/" + suffix : "");
}

/** For the two GET endpoints that cannot send headers (EventSource, a download link): ADR 005. */
export function withToken(url) {
  return url + (url.indexOf("?") >= 0 ? "&" : "?") + "token=" + encodeURIComponent(state.token || "");
}

export function rememberToken(token) {
  if (typeof token === "string" && token) {
    state.token = token;
    storageSet(STORAGE_TOKEN, token);
  }
}

/** Only after rejectsToken said so: the next session starts as a new visitor. */
export function forgetToken() {
  state.token = null;
  storageSet(STORAGE_TOKEN, null);
}
