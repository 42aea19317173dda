/*
 * Leave a message (SPEC D12, data-testid leave-message-form / leave-message-submit): the form when nobody can serve,
 * when the visitor leaves the queue, or on request; which fields show and are required comes from the entry.
 */
import { T, format } from "./texts.js";
import { state, entry } from "./state.js";
import { ui, show } from "./dom.js";
import { api } from "./api.js";
import { renderStatus } from "./status.js";
import { selectTab } from "./tabs.js";

var leaveFields = { name: "optional", phone: "optional", email: "optional" };

export function configureLeaveForm(config) {
  var fields = config.fields || {};
  ["name", "phone", "email"].forEach(function (name) {
    var mode = fields[name];
    leaveFields[name] = mode === "hidden" || mode === "required" ? mode : "optional";
    var label = ui.leaveForm.querySelector("[data-field='" + name + "']");
    show(label, leaveFields[name] !== "hidden");
    label.classList.toggle("cs-required", leaveFields[name] === "required");
  });
  ui.leaveForm.querySelector("[data-field='content']").classList.add("cs-required");
  if (config.notice) {
    ui.leaveNotice.textContent = String(config.notice);
    show(ui.leaveNotice, true);
  }
}

/** canGoBack: opened from a running chat, which the Back button returns to; otherwise the page's only state. */
export function showLeaveMessage(notice, canGoBack) {
  if (!canGoBack) {
    state.status = "leave-message";
    renderStatus({});
  }
  var hours = state.info.workingHours;
  var text = notice || (hours && hours.open === false && hours.text) || "";
  if (text) {
    ui.leaveNotice.textContent = String(text);
    show(ui.leaveNotice, true);
  }
  show(ui.leaveDone, false);
  show(ui.leaveError, false);
  show(ui.leaveBack, !!canGoBack);
  show(ui.leaveForm, true);
  show(ui.messages, false);
  show(ui.composer, false);
  show(ui.queue, false);
  selectTab("chat");
}

function hideLeaveMessage() {
  show(ui.leaveForm, false);
  show(ui.messages, true);
  renderStatus({});
}

function validateLeaveForm(values) {
  var labels = { name: T.fieldName, phone: T.fieldPhone, email: T.fieldEmail, content: T.fieldContent };
  var required = ["name", "phone", "email"].filter(function (f) { return leaveFields[f] === "required"; }).concat(["content"]);
  for (var i = 0; i < required.length; i++) {
    if (!values[required[i]]) {
      return format(T.required, { field: labels[required[i]] });
    }
  }
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    return T.invalidEmail;
  }
  if (values.phone && !/^[0-9+\-\s()]{5,20}$/.test(values.phone)) {
    return T.invalidPhone;
  }
  return null;
}

function submitLeaveMessage(event) {
  event.preventDefault();
  var form = ui.leaveForm;
  var values = {};
  ["name", "phone", "email", "content"].forEach(function (name) {
    var value = form.elements[name].value.trim();
    values[name] = leaveFields[name] === "hidden" ? "" : value;
  });
  var problem = validateLeaveForm(values);
  ui.leaveError.textContent = problem || "";
  show(ui.leaveError, !!problem);
  if (problem) {
    return;
  }

  var body = { entry: entry, content: values.content };
  ["name", "phone", "email"].forEach(function (name) {
    if (values[name]) {
      body[name] = values[name];
    }
  });
  var submit = form.querySelector("[type=submit]");
  submit.disabled = true;
  api("POST", "leave-messages", body).then(
    function () {
      form.reset();
      ui.leaveDone.textContent = T.leaveMessageDone;
      show(ui.leaveDone, true);
      submit.disabled = false;
    },
    function (error) {
      ui.leaveError.textContent = error.message;
      show(ui.leaveError, true);
      submit.disabled = false;
    });
}

export function wireLeaveMessage() {
  configureLeaveForm({});
  ui.leaveButton.addEventListener("click", function () { showLeaveMessage(null, true); });
  ui.leaveBack.addEventListener("click", hideLeaveMessage);
  ui.leaveForm.addEventListener("submit", submitLeaveMessage);
}
