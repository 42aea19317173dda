/*
 * Evaluation (SPEC D9, data-testid rating-dialog / rating-level-N / rating-solved-yes|no / rating-submit): the rating dialog, opened by the
 * visitor, by the agent's invitation on the stream, or on close when the entry asks for it; rated once per
 * conversation (remembered in localStorage).
 */
import { T } from "./texts.js";
import { state, storageSet, conversationKey } from "./state.js";
import { ui, el, show } from "./dom.js";
import { api, conversationPath } from "./api.js";
import { showSystemLine } from "./messages.js";
import { renderStatus } from "./status.js";

function buildRatingLevels() {
  [5, 4, 3, 2, 1].forEach(function (level) {
    ui.ratingLevels.appendChild(el("label", {}, [
      el("input", { type: "radio", name: "level", value: level, "data-testid": "rating-level-" + level }),
      el("span", { text: T["rating" + level] })
    ]));
  });
}

export function openRating() {
  if (!state.conversationId || state.rated) {
    return;
  }
  ui.ratingForm.reset();
  show(ui.ratingError, false);
  show(ui.ratingDialog, true);
}

function closeRating() {
  show(ui.ratingDialog, false);
}

function submitRating(event) {
  event.preventDefault();
  var checked = ui.ratingForm.querySelector("input[name=level]:checked");
  if (!checked) {
    ui.ratingError.textContent = T.ratingChoose;
    show(ui.ratingError, true);
    return;
  }
  var body = { level: Number(checked.value) };
  var solved = ui.ratingForm.querySelector("input[name=solved]:checked");
  if (solved) {
    body.solved = solved.value === "true";
  }
  var comment = ui.ratingForm.elements.comment.value.trim();
  if (comment) {
    body.comment = comment;
  }
  api("POST", conversationPath("evaluation"), body).then(
    function () {
      state.rated = true;
      storageSet(conversationKey("rated"), "1");
      closeRating();
      showSystemLine(T.ratingThanks);
      renderStatus({});
    },
    function (error) {
      ui.ratingError.textContent = error.message;
      show(ui.ratingError, true);
    });
}

export function wireEvaluation() {
  buildRatingLevels();
  ui.rateButton.addEventListener("click", openRating);
  ui.endedRate.addEventListener("click", openRating);
  ui.ratingCancel.addEventListener("click", closeRating);
  ui.ratingForm.addEventListener("submit", submitRating);
}
