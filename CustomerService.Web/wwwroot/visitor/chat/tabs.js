/*
 * The entry's look and the tabs (SPEC E2): skin colour, enterprise name and logo, working-hours notice, limits, and
 * the FAQ (常见问题), about (关于企业) and custom tab panels, each shown only when the entry has content for it.
 */
import { T } from "./texts.js";
import { state, entry, DEFAULT_LIMITS } from "./state.js";
import { $, ui, el, show, safeUrl, isColor } from "./dom.js";
import { api } from "./api.js";
import { configureLeaveForm } from "./leave-message.js";

export function loadEntryInfo() {
  return api("GET", "entries/" + encodeURIComponent(entry)).then(applyEntryInfo, function () {
    /* The page works with defaults; the session call reports a missing entry. */
  });
}

function applyEntryInfo(info) {
  info = info && typeof info === "object" ? info : {};
  state.info = info;
  if (isColor(info.skinColor)) {
    document.documentElement.style.setProperty("--cs-color", info.skinColor);
  }

  var enterprise = info.enterprise || {};
  if (enterprise.name) {
    ui.headerTitle.textContent = String(enterprise.name);
    document.title = String(enterprise.name);
  }
  // 企业信息: the enterprise's public image sits at the top of the window whoever serves the visitor.
  var logo = safeUrl(enterprise.logoUrl);
  if (logo) {
    ui.headerLogo.src = logo;
    ui.headerLogo.alt = enterprise.name ? String(enterprise.name) : "";
  }
  show(ui.headerLogo, !!logo);

  var limits = info.limits || {};
  state.limits = {
    imageBytes: limits.imageBytes > 0 ? limits.imageBytes : DEFAULT_LIMITS.imageBytes,
    fileBytes: limits.fileBytes > 0 ? limits.fileBytes : DEFAULT_LIMITS.fileBytes,
    messageLength: limits.messageLength > 0 ? limits.messageLength : DEFAULT_LIMITS.messageLength
  };
  ui.input.maxLength = state.limits.messageLength;

  var hours = info.workingHours;
  if (hours && hours.open === false && hours.text) {
    ui.workingHours.textContent = String(hours.text);
    show(ui.workingHours, true);
  }

  renderFaq(Array.isArray(info.faq) ? info.faq : []);
  renderAbout(enterprise);
  renderCustomTab(info.customTab);
  configureLeaveForm(info.leaveMessage || {});
}

function renderFaq(items) {
  var panel = $("panel-faq");
  panel.textContent = "";
  items.forEach(function (item) {
    if (item && item.question) {
      panel.appendChild(el("details", {}, [
        el("summary", { text: String(item.question) }),
        el("p", { text: String(item.answer || "") })
      ]));
    }
  });
  show(document.querySelector("[data-tab='faq']"), panel.childNodes.length > 0);
}

function renderAbout(enterprise) {
  var panel = $("panel-about");
  panel.textContent = "";
  var logo = safeUrl(enterprise.logoUrl);
  if (logo) {
    panel.appendChild(el("img", { src: logo, alt: "" }));
  }
  if (enterprise.name) {
    panel.appendChild(el("h2", { text: String(enterprise.name) }));
  }
  if (enterprise.about) {
    panel.appendChild(el("p", { text: String(enterprise.about) }));
  }
  [enterprise.phone, enterprise.address].forEach(function (line) {
    if (line) {
      panel.appendChild(el("p", { text: String(line) }));
    }
  });
  var website = safeUrl(enterprise.website);
  if (website) {
    panel.appendChild(el("p", {}, [el("a", { href: website, target: "_blank", rel: "noopener noreferrer", text: website })]));
  }
  show(document.querySelector("[data-tab='about']"), !!enterprise.about);
}

function renderCustomTab(tab) {
  var panel = $("panel-custom");
  panel.textContent = "";
  if (!tab || typeof tab !== "object") {
    return;
  }
  var title = tab.title ? String(tab.title) : T.tabCustom;
  ui.customTab.textContent = title;
  var url = safeUrl(tab.url);
  if (url) {
    // Sandboxed without allow-same-origin: the merchant's page cannot reach this one or its token.
    panel.appendChild(el("iframe", { src: url, title: title, sandbox: "allow-scripts allow-popups allow-forms" }));
  } else if (tab.text) {
    panel.appendChild(el("p", { text: String(tab.text) }));
  }
  show(ui.customTab, panel.childNodes.length > 0);
}

export function selectTab(name) {
  Array.prototype.forEach.call(document.querySelectorAll(".cs-tab"), function (tab) {
    var selected = tab.getAttribute("data-tab") === name;
    tab.setAttribute("aria-selected", selected ? "true" : "false");
    show($("panel-" + tab.getAttribute("data-tab")), selected);
  });
}

export function wireTabs() {
  Array.prototype.forEach.call(document.querySelectorAll(".cs-tab"), function (tab) {
    tab.addEventListener("click", function () { selectTab(tab.getAttribute("data-tab")); });
  });
}
