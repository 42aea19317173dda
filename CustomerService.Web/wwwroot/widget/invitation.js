/*
 * The page-view beacon and 主动邀请 (SPEC E3, D13). A hidden frame on our own origin (track.html) reports this page
 * view, so the visitor token never enters the merchant page, polls presence and hears of an agent's invitation, which
 * the box here shows (his name, avatar and text). The answer goes back through the frame (it holds the token):
 *   beacon -> widget: { type: "cs:invitation", invitation: { id, agentName, agentAvatar, text } | null },
 *                     { type: "cs:invitation-answered", id, accepted, ok, notice }
 *   widget -> beacon: { type: "cs:invitation-answer", id, accept }
 * After an accept the chat opens on the conversation the server started with that agent; or, if that failed (the
 * invitation ran out), on an ordinary request; or, when the agent could no longer take him, on what ordinary routing
 * gave — and then the answer's notice (our server's text) goes to the chat page, which says so in the chat.
 */
var beacon = null;
var invitationBox = null;
var invitationNotice = null;

/** Reports this page view from our own origin and starts the presence poll (track.js). */
function track() {
  beacon = document.createElement("iframe");
  beacon.src = serverOrigin + TRACK_PATH + "?" + pageParams({ entry: entry, origin: location.origin, lang: lang });
  beacon.setAttribute("aria-hidden", "true");
  beacon.setAttribute("tabindex", "-1");
  beacon.title = "";
  beacon.style.cssText = "display:none;width:0;height:0;border:0";
  document.body.appendChild(beacon);
}

/** The notice for the chat page's cs:init, said once: a later reload of the chat page is not a new answer. */
function takeInvitationNotice() {
  var notice = invitationNotice;
  invitationNotice = null;
  return notice;
}

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

function invitationAvatar(invitation) {
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
  return avatar;
}

function invitationButton(testId, label, styles, onClick) {
  var action = document.createElement("button");
  action.type = "button";
  action.setAttribute("data-testid", testId);
  action.textContent = label;
  css(action, styles);
  action.addEventListener("click", onClick);
  return action;
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
  head.appendChild(invitationAvatar(invitation));
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
  actions.appendChild(invitationButton("invitation-decline", text.decline,
    { padding: "6px 12px", border: "1px solid #ccc", "border-radius": "16px", background: "#fff", cursor: "pointer" },
    function () { answerInvitation(invitation.id, false); }));
  actions.appendChild(invitationButton("invitation-accept", text.accept,
    { padding: "6px 12px", border: "none", "border-radius": "16px", background: button.style.getPropertyValue("background") || DEFAULT_COLOR, color: "#fff", cursor: "pointer" },
    function () { answerInvitation(invitation.id, true); }));
  invitationBox.appendChild(head);
  invitationBox.appendChild(message);
  invitationBox.appendChild(actions);
  document.body.appendChild(invitationBox);
}

function listenToBeacon() {
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
      invitationNotice = typeof data.notice === "string" && data.notice ? data.notice : null;
      reloadChat();
      open();
    }
  });
}
