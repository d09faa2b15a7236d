// The side panel of a page's or an article's form (templates/admin/editing/side_panel.html):
// the content checklist as advice and the page as typed, at phone or desktop width, both
// refreshed a moment after the editor stops typing. The form is posted to the advice view
// (JSON) and, into the panel's frame, to the preview view; both build the page in memory
// and save nothing. The form's own submit event is not fired, so nothing here counts as a
// save to the rest of the editing script.
(function () {
  "use strict";

  var OPEN_KEY = "rehab-side-panel-open";
  var QUIET_MS = 1200;

  function editors() {
    var found = [];
    if (!window.editors) return found;
    Object.keys(window.editors).forEach(function (id) {
      found.push(window.editors[id]);
    });
    return found;
  }

  function syncEditors() {
    editors().forEach(function (editor) {
      if (editor && typeof editor.updateSourceElement === "function") editor.updateSourceElement();
    });
  }

  function remembered() {
    try {
      return window.localStorage.getItem(OPEN_KEY) === "1";
    } catch (error) {
      return false;
    }
  }

  function remember(open) {
    try {
      window.localStorage.setItem(OPEN_KEY, open ? "1" : "0");
    } catch (error) {
      // Private browsing: the panel simply starts closed next time.
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("side-panel");
    var opener = document.getElementById("side-panel-open");
    if (!panel || !opener) return;
    var form = document.querySelector("#content-main form");
    var adviceBox = document.getElementById("side-panel-advice");
    var frame = document.getElementById("side-panel-frame");
    var iframe = document.createElement("iframe");
    iframe.name = "side-panel-preview";
    iframe.title = "Preview of the page as typed";
    iframe.tabIndex = -1;
    var closer = document.getElementById("side-panel-close");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var width = 375;
    var timer = null;

    function scaleFrame() {
      var scale = Math.min(1, frame.clientWidth / width);
      iframe.style.width = width + "px";
      iframe.style.height = Math.round(frame.clientHeight / scale) + "px";
      iframe.style.transform = "scale(" + scale + ")";
    }

    function goTo(field) {
      var row = form.querySelector(".form-row.field-" + field + ", .field-" + field);
      if (!row) return;
      var folded = row.closest("details");
      if (folded) folded.open = true;
      row.scrollIntoView({ block: "center" });
      var target = row.querySelector(".ck-editor__editable, input:not([type=hidden]), textarea, select");
      if (target) target.focus({ preventScroll: true });
    }

    function showAdvice(items) {
      adviceBox.textContent = "";
      if (!items.length) {
        var none = document.createElement("p");
        none.className = "side-panel__status";
        none.textContent = "Nothing to fix: the page is ready to publish.";
        adviceBox.appendChild(none);
        return;
      }
      var list = document.createElement("ul");
      list.className = "side-panel__advice";
      items.forEach(function (item) {
        var entry = document.createElement("li");
        entry.className = "side-panel__item side-panel__item--" + (item.blocks ? "fault" : "advice");
        var badge = document.createElement("span");
        badge.className = "side-panel__badge";
        badge.textContent = item.blocks ? "Must fix" : "Advice";
        entry.appendChild(badge);
        var words = document.createElement("p");
        words.textContent = item.message;
        entry.appendChild(words);
        if (item.field) {
          var link = document.createElement("a");
          link.href = "#";
          link.className = "side-panel__field-link";
          link.textContent = "Go to " + (item.label || item.field);
          link.addEventListener("click", function (event) {
            event.preventDefault();
            goTo(item.field);
          });
          entry.appendChild(link);
        }
        list.appendChild(entry);
      });
      adviceBox.appendChild(list);
    }

    function typedForm() {
      syncEditors();
      var data = new FormData(form);
      Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
        data.delete(input.name);
      });
      return data;
    }

    function checkAdvice() {
      fetch(panel.dataset.adviceUrl, {
        method: "POST",
        body: typedForm(),
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "", Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          showAdvice(answer.items);
        })
        .catch(function () {
          adviceBox.textContent = "";
          var failed = document.createElement("p");
          failed.className = "side-panel__status";
          failed.textContent = "The checklist could not be read just now. It is read again as you type.";
          adviceBox.appendChild(failed);
        });
    }

    function showPreview() {
      syncEditors();
      var action = form.getAttribute("action");
      var target = form.getAttribute("target");
      var files = form.querySelectorAll("input[type=file]:not([disabled])");
      // A preview stores no file: the files chosen are not sent with it.
      Array.prototype.forEach.call(files, function (input) {
        input.disabled = true;
      });
      form.setAttribute("action", panel.dataset.previewUrl);
      form.setAttribute("target", "side-panel-preview");
      HTMLFormElement.prototype.submit.call(form);
      if (action === null) form.removeAttribute("action");
      else form.setAttribute("action", action);
      if (target === null) form.removeAttribute("target");
      else form.setAttribute("target", target);
      Array.prototype.forEach.call(files, function (input) {
        input.disabled = false;
      });
    }

    function refresh() {
      if (panel.hidden) return;
      checkAdvice();
      showPreview();
    }

    function soon() {
      if (panel.hidden) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, QUIET_MS);
    }

    function open(focus) {
      if (!iframe.parentNode) frame.appendChild(iframe);
      panel.hidden = false;
      document.body.classList.add("has-side-panel");
      opener.setAttribute("aria-expanded", "true");
      remember(true);
      scaleFrame();
      refresh();
      if (focus) closer.focus();
    }

    function close() {
      panel.hidden = true;
      document.body.classList.remove("has-side-panel");
      opener.setAttribute("aria-expanded", "false");
      remember(false);
      opener.focus();
    }

    opener.addEventListener("click", function () {
      if (panel.hidden) open(true);
      else close();
    });
    closer.addEventListener("click", close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
    Array.prototype.forEach.call(panel.querySelectorAll(".side-panel__width"), function (button) {
      button.addEventListener("click", function () {
        width = Number(button.dataset.width);
        Array.prototype.forEach.call(panel.querySelectorAll(".side-panel__width"), function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
        scaleFrame();
      });
    });
    window.addEventListener("resize", function () {
      if (!panel.hidden) scaleFrame();
    });
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    (function watchEditors(tries) {
      var found = editors();
      if (!found.length && tries > 0) {
        window.setTimeout(function () {
          watchEditors(tries - 1);
        }, 100);
        return;
      }
      found.forEach(function (editor) {
        editor.model.document.on("change:data", soon);
      });
    })(100);
    if (remembered()) open(false);
  });
})();
