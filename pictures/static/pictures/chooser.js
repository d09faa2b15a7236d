// The picture library's chooser (pictures/admin.py, `choose_view`), in a dialog.
// Opened from every picture field (templates/admin/pictures/widgets/chooser.html) and from
// the "Insert a picture from the library" button this script puts above each rich-text
// editor. The dialog shows the library page a page at a time, with search, tags and an
// upload form; choosing or uploading a picture hands it to whoever opened the dialog.
(function () {
  "use strict";

  var script = document.currentScript;
  var chooserUrl = script && script.dataset.chooserUrl;
  var dialog = null;
  var onChoose = null;
  var opener = null;

  function buildDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "picture-dialog";
    dialog.setAttribute("aria-labelledby", "picture-dialog-title");
    dialog.innerHTML =
      '<div class="picture-dialog__head"><h2 id="picture-dialog-title">Choose a picture</h2>' +
      '<button type="button" class="button picture-dialog__close" data-picture-close>Close</button></div>' +
      '<div class="picture-dialog__body" data-picture-body><p>Loading the library…</p></div>';
    document.body.appendChild(dialog);
    dialog.addEventListener("click", function (event) {
      if (event.target.closest("[data-picture-close]")) dialog.close();
      var choice = event.target.closest("[data-picture-choice]");
      if (choice) {
        choose({
          id: choice.dataset.id,
          title: choice.dataset.title,
          alt: choice.dataset.alt,
          url: choice.dataset.url,
          thumbnail: choice.dataset.thumbnail,
          width: choice.dataset.width,
          height: choice.dataset.height,
          needsAlt: choice.dataset.needsAlt === "1",
        });
      }
      var pageLink = event.target.closest("[data-picture-page]");
      if (pageLink) {
        event.preventDefault();
        load(pageLink.href);
      }
    });
    dialog.addEventListener("submit", function (event) {
      var form = event.target;
      event.preventDefault();
      if (form.matches("[data-picture-search]")) {
        load(form.action + "?" + new URLSearchParams(new FormData(form)).toString());
      } else if (form.matches("[data-picture-upload]")) {
        upload(form);
      }
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
  }

  function body() {
    return dialog.querySelector("[data-picture-body]");
  }

  function load(url) {
    body().setAttribute("aria-busy", "true");
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var library = page.getElementById("picture-library");
        body().replaceChildren(document.importNode(library, true));
        body().removeAttribute("aria-busy");
        var search = body().querySelector("#picture-search-q");
        if (search) search.focus();
      })
      .catch(function () {
        body().removeAttribute("aria-busy");
        body().innerHTML =
          '<p role="alert">The library could not be opened. Check your connection and try again.</p>';
      });
  }

  function showErrors(form, errors) {
    form.querySelectorAll("[data-upload-errors]").forEach(function (box) {
      var messages = (errors[box.dataset.uploadErrors] || []).map(function (error) {
        return error.message;
      });
      box.textContent = messages.join(" ");
      var input = form.querySelector("[name='" + box.dataset.uploadErrors + "']");
      if (input) {
        if (messages.length) {
          input.setAttribute("aria-invalid", "true");
          var described = (input.getAttribute("aria-describedby") || "").split(" ");
          if (described.indexOf(box.id) === -1) described.push(box.id);
          input.setAttribute("aria-describedby", described.join(" ").trim());
        } else {
          input.removeAttribute("aria-invalid");
        }
      }
    });
    var first = form.querySelector("[aria-invalid=true]");
    if (first) first.focus();
  }

  function upload(form) {
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Uploading…";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (result.ok) {
          choose(result.data);
        } else {
          showErrors(form, result.data.errors || { __all__: [{ message: "The upload failed." }] });
        }
      })
      .catch(function () {
        showErrors(form, {
          __all__: [{ message: "The upload did not reach the server. Nothing was lost: try again." }],
        });
      })
      .finally(function () {
        button.disabled = false;
        button.textContent = "Upload and choose";
      });
  }

  function choose(picture) {
    var callback = onChoose;
    dialog.close();
    if (callback) callback(picture);
  }

  function open(url, button, callback) {
    if (!dialog) buildDialog();
    opener = button;
    onChoose = callback;
    body().innerHTML = "<p>Loading the library…</p>";
    dialog.showModal();
    load(url);
  }

  // A picture field --------------------------------------------------------------------

  function fieldChosen(chooser, picture) {
    var input = chooser.querySelector("[data-picture-input]");
    var thumbnail = chooser.querySelector("[data-picture-thumbnail]");
    var caption = chooser.querySelector("[data-picture-caption]");
    var clear = chooser.querySelector("[data-picture-clear]");
    var chooseButton = chooser.querySelector("[data-picture-choose]");
    var edit = chooser.querySelector("[data-picture-edit]");
    input.value = picture ? picture.id : "";
    if (picture) {
      thumbnail.src = picture.thumbnail;
      if (picture.width) thumbnail.width = picture.width;
      if (picture.height) thumbnail.height = picture.height;
      thumbnail.hidden = false;
      caption.textContent = picture.title + (picture.needsAlt ? " (no alt text yet)" : "");
      chooseButton.textContent = "Change picture";
    } else {
      thumbnail.hidden = true;
      thumbnail.removeAttribute("src");
      caption.textContent = "No picture chosen.";
      chooseButton.textContent = "Choose a picture";
    }
    if (clear) clear.hidden = !picture;
    if (edit) edit.hidden = true;
    chooser.classList.toggle("picture-chooser--chosen", !!picture);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var chooseButton = event.target.closest("[data-picture-choose]");
    if (chooseButton) {
      var chooser = chooseButton.closest("[data-picture-chooser]");
      open(chooser.dataset.chooserUrl, chooseButton, function (picture) {
        fieldChosen(chooser, picture);
      });
    }
    var clear = event.target.closest("[data-picture-clear]");
    if (clear) {
      var field = clear.closest("[data-picture-chooser]");
      fieldChosen(field, null);
      field.querySelector("[data-picture-choose]").focus();
    }
    var insert = event.target.closest("[data-picture-insert]");
    if (insert) {
      open(chooserUrl, insert, function (picture) {
        var editor = window.editors && window.editors[insert.dataset.editorId];
        if (!editor) return;
        editor.execute("insertImage", { source: [{ src: picture.url, alt: picture.alt }] });
        editor.editing.view.focus();
      });
    }
  });

  // The rich-text editor's button ------------------------------------------------------

  function addInsertButtons() {
    if (!chooserUrl) return;
    document.querySelectorAll("textarea.django_ckeditor_5").forEach(function (textarea) {
      if (!textarea.id || textarea.id.indexOf("__prefix__") !== -1) return;
      if (document.querySelector("[data-picture-insert][data-editor-id='" + textarea.id + "']")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button picture-insert";
      button.dataset.pictureInsert = "";
      button.dataset.editorId = textarea.id;
      button.textContent = "Insert a picture from the library";
      // Above the editor's toolbar, inside the editor's own box.
      var container = textarea.closest(".ck-editor-container") || textarea.parentNode;
      container.insertBefore(button, container.firstChild);
    });
  }

  document.addEventListener("DOMContentLoaded", addInsertButtons);
  document.addEventListener("formset:added", addInsertButtons);
})();
