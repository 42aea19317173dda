/*
 * Visitor chat page (SPEC E2) — entry point, loaded by chat.html as <script type="module">: wires every part and
 * starts (or resumes) the visitor's session. Each module owns one concern; its header says which:
 *   texts (i18n) · state (query, storage, constants) · dom (elements, safe rendering helpers) · api (HTTP, token)
 *   parent (widget postMessage) · tabs (entry look, FAQ / about / custom) · status (header, queue, product)
 *   messages (rendering) · outbox (clientId resends) · composer (send keys, emoji, uploads, typing) · stream (SSE)
 *   conversation (sessions, state, end) · evaluation (rating) · leave-message · transcript.
 * No framework, no build step; modules import each other by relative path with the .js extension.
 *
 * Caching: chat.html and these modules are requested by their plain names (no ?v= and no fingerprint — widget.js
 * opens /visitor/chat.html unversioned). MapStaticAssets serves plain names with "Cache-Control: no-cache" and an
 * ETag, so the browser revalidates every file on each load (a 304 when unchanged) and a deployment is picked up at
 * once, with no stale mix of old and new modules. Fingerprinted names would need a build step to rewrite imports.
 */
import { T, lang, applyTexts } from "./texts.js";
import { entry, embedded } from "./state.js";
import { ui, show } from "./dom.js";
import { listenToParent, waitForParent, postToParent } from "./parent.js";
import { loadEntryInfo, wireTabs } from "./tabs.js";
import { wireComposer } from "./composer.js";
import { wireEvaluation } from "./evaluation.js";
import { wireLeaveMessage } from "./leave-message.js";
import { resumeOrStart, wireConversation, reportMissingEntry } from "./conversation.js";

function wire() {
  applyTexts(document);
  document.documentElement.lang = lang;
  document.title = T.title;

  show(ui.minimize, embedded);
  ui.minimize.addEventListener("click", function () { postToParent({ type: "cs:close" }); });

  wireTabs();
  wireComposer();
  wireEvaluation();
  wireLeaveMessage();
  wireConversation();
}

function main() {
  listenToParent();
  wire();
  if (!entry) {
    reportMissingEntry();
    return;
  }
  var info = loadEntryInfo();
  waitForParent()
    .then(function () { return info; })
    .then(resumeOrStart);
}

main();
