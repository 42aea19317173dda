/*
 * Transcript download (SPEC E2, N2 GET .../transcript): the toolbar link and the one on the "ended" panel. A link
 * cannot send the X-Visitor-Token header, so the token goes in the query string (ADR 005).
 */
import { ui, show } from "./dom.js";
import { apiUrl, conversationPath, withToken } from "./api.js";

export function transcriptUrl() {
  return withToken(apiUrl(conversationPath("transcript")));
}

/** Shown while the page has a conversation (not for the leave-message form). */
export function showTranscriptLinks(hasConversation) {
  show(ui.transcript, hasConversation);
  show(ui.endedTranscript, hasConversation);
  if (hasConversation) {
    ui.transcript.href = ui.endedTranscript.href = transcriptUrl();
  }
}
