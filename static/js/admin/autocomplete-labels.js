// The admin's autocomplete boxes (select2) name neither their box nor their search field,
// so screen readers announce an unlabelled control. Give both the field's own label.
(function () {
  "use strict";

  function labelFor(select) {
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function name(select) {
    const text = labelFor(select);
    const container = select.nextElementSibling;
    if (!text || !container || !container.classList.contains("select2")) {
      return;
    }
    container.querySelectorAll(".select2-selection, .select2-selection__rendered, .select2-search__field").forEach(function (element) {
      element.removeAttribute("aria-labelledby");
      element.setAttribute("aria-label", text);
    });
  }

  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(name);
  }

  // select2 draws its boxes after the page has loaded, and redraws the search field after
  // every choice: name them whenever the page's elements change.
  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  });
})();
