/*
 * Nothing typed in a content form is lost (editing/content_admin.py, ContentAdmin).
 *
 * - The form's contents, CKEditor 5 included, are copied to this browser's localStorage as
 *   they are typed, under one key per user and object. Reopening the form after a sign-in,
 *   a crash or a closed tab offers them back; after a save that did not go through (the
 *   session had ended) they are put back at once. A successful save clears the copy.
 * - While the form has unsaved edits, the session is kept alive by a ping every few
 *   minutes (the server caps how long); once the session has ended, the page says so.
 *
 * Loaded on content models' change forms and change lists only (never on admissions).
 */
(function () {
  "use strict";

  var PREFIX = "rehab-editing:";
  var PENDING = "rehab-editing:pending-save";
  var KEEP_DAYS = 30;

  function storage(kind) {
    try {
      return window[kind];
    } catch (error) {
      return null; // storage turned off: the form still works, without copies
    }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");

  function read(key) {
    try {
      return JSON.parse(local.getItem(key));
    } catch (error) {
      return null;
    }
  }

  // After a save: the page it leads to says "success" and shows no error, so the copy
  // of what was sent is no longer needed.
  function clearAfterSuccessfulSave() {
    var pending = session && session.getItem(PENDING);
    if (!pending || !local) return;
    var succeeded = document.querySelector(".messagelist .success");
    var failed = document.querySelector(".errornote, .errorlist");
    if (succeeded && !failed) {
      local.removeItem(pending);
      session.removeItem(PENDING);
    }
  }

  function pruneOldCopies() {
    var limit = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
    for (var index = local.length - 1; index >= 0; index--) {
      var key = local.key(index);
      if (key && key.indexOf(PREFIX) === 0 && key !== PENDING) {
        var copy = read(key);
        if (!copy || copy.savedAt < limit) local.removeItem(key);
      }
    }
  }

  function editorFor(element) {
    return window.editors && element.id ? window.editors[element.id] : null;
  }

  function isRecorded(element) {
    if (!element.name || element.disabled) return false;
    if (element.name === "csrfmiddlewaretoken") return false;
    if (element.name.indexOf("__prefix__") !== -1) return false;
    return ["file", "submit", "button", "reset", "image"].indexOf(element.type) === -1;
  }

  // The form as data: {name: value} (checkboxes and radios as name=value: true/false,
  // selects as their chosen options with their labels, so autocomplete lists can be refilled).
  function snapshot(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!isRecorded(element)) return;
      var editor = editorFor(element);
      if (element.type === "checkbox" || element.type === "radio") {
        fields[element.name + "=" + element.value] = element.checked;
      } else if (element.tagName === "SELECT") {
        fields[element.name] = Array.prototype.map.call(element.selectedOptions, function (option) {
          return [option.value, option.text];
        });
      } else {
        fields[element.name] = editor ? editor.getData() : element.value;
      }
    });
    return fields;
  }

  function restore(form, fields) {
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!isRecorded(element)) return;
      var editor = editorFor(element);
      if (element.type === "checkbox" || element.type === "radio") {
        var key = element.name + "=" + element.value;
        if (key in fields) element.checked = fields[key];
        return;
      }
      if (!(element.name in fields)) return;
      var value = fields[element.name];
      if (element.tagName === "SELECT") {
        var chosen = {};
        value.forEach(function (pair) {
          chosen[pair[0]] = true;
          var exists = Array.prototype.some.call(element.options, function (option) {
            return option.value === pair[0];
          });
          if (!exists) element.add(new Option(pair[1], pair[0]));
        });
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = !!chosen[option.value];
        });
        if (window.django && window.django.jQuery) window.django.jQuery(element).trigger("change");
      } else if (editor) {
        editor.setData(value);
      } else {
        element.value = value;
      }
    });
  }

  function whenEditorsReady(callback) {
    var waiting = document.querySelectorAll("textarea.django_ckeditor_5");
    var started = Date.now();
    (function check() {
      var ready = Array.prototype.every.call(waiting, function (element) {
        return element.id.indexOf("__prefix__") !== -1 || editorFor(element);
      });
      if (ready || Date.now() - started > 10000) callback();
      else window.setTimeout(check, 50);
    })();
  }

  function timeOf(savedAt) {
    return new Date(savedAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  }

  function start(form, settings) {
    var key = PREFIX + settings.key;
    var opened = JSON.stringify(snapshot(form));
    var dirty = false;
    var banner = document.getElementById("editing-restore");
    var bannerText = document.getElementById("editing-restore-text");

    function record() {
      var fields = snapshot(form);
      dirty = JSON.stringify(fields) !== opened;
      if (!local) return;
      if (dirty) {
        try {
          local.setItem(key, JSON.stringify({ savedAt: Date.now(), path: location.pathname, fields: fields }));
        } catch (error) {
          /* storage full: the form itself still holds the text */
        }
      } else {
        local.removeItem(key);
      }
    }

    var copy = local ? read(key) : null;
    // A form shown again with errors holds what was sent already (and, after a clash
    // with another editor, the token that lets a second Save go through): keep it.
    var wasSent = session && session.getItem(PENDING) === key && !document.querySelector(".errornote");
    if (copy && copy.fields && JSON.stringify(copy.fields) !== opened) {
      if (wasSent) {
        restore(form, copy.fields);
        bannerText.textContent =
          "Your changes from " + timeOf(copy.savedAt) + " were not saved, because your session had ended. " +
          "They are back in the form: check them and press Save.";
        banner.hidden = false;
        banner.querySelector("#editing-restore-apply").hidden = true;
        banner.querySelector("#editing-restore-discard").hidden = true;
        banner.classList.add("editing-restore--restored");
        record();
      } else {
        bannerText.textContent =
          "This browser kept changes to this form from " + timeOf(copy.savedAt) + " that were never saved.";
        banner.hidden = false;
        document.getElementById("editing-restore-apply").addEventListener("click", function () {
          restore(form, copy.fields);
          banner.hidden = true;
          record();
        });
        document.getElementById("editing-restore-discard").addEventListener("click", function () {
          local.removeItem(key);
          banner.hidden = true;
        });
      }
    }
    if (session && wasSent) session.removeItem(PENDING);

    form.addEventListener("input", record);
    form.addEventListener("change", record);
    Array.prototype.forEach.call(document.querySelectorAll("textarea.django_ckeditor_5"), function (element) {
      var editor = editorFor(element);
      if (editor) editor.model.document.on("change:data", record);
    });
    form.addEventListener("submit", function () {
      record();
      if (session && dirty) session.setItem(PENDING, key);
    });

    // Keep the session alive while there is something unsaved, and say when it has ended.
    var every = Math.max(10, Math.min(settings.idle_seconds / 3, 300)) * 1000;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    window.setInterval(function () {
      if (!dirty) return;
      fetch(settings.keep_alive_url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "", Accept: "application/json" },
      })
        .then(function (response) {
          var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
          if (response.status === 401 || response.redirected || !json) {
            document.getElementById("editing-session").hidden = false;
          }
        })
        .catch(function () {
          /* offline for a moment: the next ping tries again */
        });
    }, every);
  }

  // Names for the parts of stock widgets that have none of their own (autocomplete
  // boxes, the date and time halves of a date-time field), for screen readers.
  function labelOf(element) {
    var label = element.id && document.querySelector('label[for="' + element.id + '"]');
    if (!label) {
      var row = element.closest(".form-row, .fieldBox, fieldset.module > div");
      label = row && row.querySelector("label, legend");
    }
    return label ? label.textContent.replace(/[:*]\s*$/, "").trim() : "";
  }

  function nameStockWidgets(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select.admin-autocomplete"), function (select) {
      var name = labelOf(select);
      var container = select.nextElementSibling;
      if (!name || !container) return;
      Array.prototype.forEach.call(
        container.querySelectorAll('[role="combobox"], [role="textbox"], .select2-search__field'),
        function (part) {
          if (!part.getAttribute("aria-label")) part.setAttribute("aria-label", name);
          part.removeAttribute("aria-labelledby");
        }
      );
    });
    Array.prototype.forEach.call(root.querySelectorAll("p.datetime input"), function (input) {
      if (input.getAttribute("aria-label")) return;
      var name = labelOf(input) || labelOf(input.closest("p.datetime"));
      var part = /_0$/.test(input.id) ? "date" : "time";
      if (name) input.setAttribute("aria-label", name + " (" + part + ")");
    });
  }

  // "Publish" reads "Schedule" while the publish time typed is still to come. The time is
  // typed in the server's zone, whose offset from UTC the admin gives on <body>.
  function labelPublishButtons(form) {
    var buttons = form.querySelectorAll("input.publish-button");
    var date = form.querySelector("#id_publish_at_0");
    var time = form.querySelector("#id_publish_at_1");
    if (!buttons.length || !date || !time) return;
    var offset = Number(document.body.dataset.adminUtcOffset || 0);
    function relabel() {
      var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.value.trim());
      var clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.value.trim());
      var future = false;
      if (day && clock) {
        var utc = Date.UTC(+day[1], +day[2] - 1, +day[3], +clock[1], +clock[2], +(clock[3] || 0));
        future = utc - offset * 1000 > Date.now();
      }
      Array.prototype.forEach.call(buttons, function (button) {
        button.value = future ? button.dataset.scheduleLabel : button.dataset.publishLabel;
      });
    }
    ["input", "change", "click", "keyup"].forEach(function (type) {
      form.addEventListener(type, relabel);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var changeForm = document.querySelector("#content-main form");
    if (changeForm) {
      labelPublishButtons(changeForm);
      window.setTimeout(function () {
        nameStockWidgets(changeForm);
      }, 0);
      new MutationObserver(function (mutations) {
        var select2Changed = mutations.some(function (mutation) {
          return mutation.target.closest && mutation.target.closest(".select2-container, .related-widget-wrapper");
        });
        if (select2Changed) nameStockWidgets(changeForm);
      }).observe(changeForm, { childList: true, subtree: true });
    }
    if (!local || !session) return;
    clearAfterSuccessfulSave();
    pruneOldCopies();
    var settingsElement = document.getElementById("editing-settings");
    var form = settingsElement && settingsElement.closest("form");
    if (!form) return;
    var settings = JSON.parse(settingsElement.textContent);
    whenEditorsReady(function () {
      start(form, settings);
    });
  });
})();
