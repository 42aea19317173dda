/*
 * The conversation's look from its state: header line (connecting / queued / agent serving / ended), the queue
 * position and estimated wait (data-testid queue-position), which of composer / ended panel / buttons show, and the
 * product card the visitor came from.
 */
import { T, format } from "./texts.js";
import { state } from "./state.js";
import { ui, show, safeUrl, setAvatar } from "./dom.js";
import { showTranscriptLinks } from "./transcript.js";

/** Applies what an answer or a stream event says (agent, queue position, wait) and redraws from state.status. */
export function renderStatus(answer) {
  answer = answer || {};
  if (answer.agent && answer.agent.name) {
    state.agent = { name: String(answer.agent.name), avatar: answer.agent.avatar, signature: answer.agent.signature };
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
  var signature = state.agent && status === "active" && state.agent.signature ? String(state.agent.signature) : "";
  ui.headerSignature.textContent = signature;
  show(ui.headerSignature, !!signature);

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
  showTranscriptLinks(hasConversation);
}

export function setProduct(product) {
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
