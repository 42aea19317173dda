// Small browser helpers the Blazor pages call through JS interop.
window.customerService = {
  copyText: async function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
    // Plain-HTTP deployments have no clipboard API: fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok;
  },

  // The agent console (/console): keys of the message box, Ctrl+Tab, tab visibility and the new-message sound.
  console: {
    // Blazor handles the keys; this only stops the browser's own default where the key means something else here:
    // the send key (Enter or Ctrl+Enter per 聊天设置) must not add a line, arrows/Tab/Esc drive the phrase suggestions.
    attachComposer: function (textarea) {
      if (!textarea || textarea.dataset.composerAttached) {
        return;
      }
      textarea.dataset.composerAttached = "true";
      textarea.addEventListener("keydown", function (e) {
        if (e.isComposing || e.keyCode === 229) {
          return; // an IME is composing Chinese: its Enter confirms the candidate
        }
        const suggesting = textarea.dataset.suggesting === "true";
        if (suggesting && (e.key === "ArrowUp" || e.key === "ArrowDown" || e.key === "Tab" || e.key === "Escape")) {
          e.preventDefault();
          return;
        }
        if (e.key !== "Enter") {
          return;
        }
        const ctrl = e.ctrlKey || e.metaKey;
        const ctrlSends = textarea.dataset.sendKey === "CtrlEnter";
        if (ctrlSends ? ctrl : (!ctrl && !e.shiftKey)) {
          e.preventDefault();
        } else if (ctrl && !ctrlSends) {
          // Ctrl+Enter adds a line when Enter sends (a textarea does nothing with Ctrl+Enter by itself).
          e.preventDefault();
          const start = textarea.selectionStart, end = textarea.selectionEnd;
          textarea.value = textarea.value.slice(0, start) + "\n" + textarea.value.slice(end);
          textarea.selectionStart = textarea.selectionEnd = start + 1;
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
    },

    focus: function (element) {
      if (element) {
        element.focus();
        const length = element.value ? element.value.length : 0;
        element.setSelectionRange && element.setSelectionRange(length, length);
      }
    },

    // Ctrl+Tab jumps to the most urgent conversation where the browser lets a page have it (Chrome keeps Ctrl+Tab for
    // itself); Ctrl+` does the same everywhere. Visibility tells the console whether the open conversation is being read.
    register: function (dotnet) {
      const onKey = function (e) {
        if (e.ctrlKey && (e.key === "Tab" || e.key === "`")) {
          e.preventDefault();
          dotnet.invokeMethodAsync("JumpToMostUrgent");
        }
      };
      const onVisibility = function () {
        dotnet.invokeMethodAsync("VisibilityChanged", document.visibilityState === "visible");
      };
      document.addEventListener("keydown", onKey);
      document.addEventListener("visibilitychange", onVisibility);
      window.customerService.console._unregister = function () {
        document.removeEventListener("keydown", onKey);
        document.removeEventListener("visibilitychange", onVisibility);
      };
      return document.visibilityState === "visible";
    },

    unregister: function () {
      const unregister = window.customerService.console._unregister;
      window.customerService.console._unregister = null;
      if (unregister) {
        unregister();
      }
    },

    // 新消息提示音 (SPEC F11): a short two-tone chime made on the spot, so there is no sound file to serve.
    chime: function () {
      try {
        const AudioContext = window.AudioContext || window.webkitAudioContext;
        if (!AudioContext) {
          return;
        }
        const context = window.customerService.console._audio || (window.customerService.console._audio = new AudioContext());
        const now = context.currentTime;
        [880, 1320].forEach(function (frequency, i) {
          const oscillator = context.createOscillator();
          const gain = context.createGain();
          oscillator.frequency.value = frequency;
          gain.gain.setValueAtTime(0.0001, now + i * 0.12);
          gain.gain.exponentialRampToValueAtTime(0.15, now + i * 0.12 + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.12 + 0.25);
          oscillator.connect(gain).connect(context.destination);
          oscillator.start(now + i * 0.12);
          oscillator.stop(now + i * 0.12 + 0.3);
        });
      } catch (e) {
        // Autoplay rules may refuse sound before the agent has clicked anything: a missed chime is not an error.
      }
    },

    // 新消息强制弹窗: ask the browser to bring the console forward (browsers may ignore it).
    popup: function () {
      window.focus();
    }
  }
};
