// Repairs to the admin's stock widgets that assistive technology needs, on every admin page
// (templates/admin/base_site.html). Both widgets draw themselves after the page has loaded,
// and select2 redraws its box after every choice: the repairs run whenever the page's
// elements change.
(function () {
  "use strict";

  function labelFor(select) {
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  // The autocomplete boxes (select2) name neither their box nor their search field, so
  // screen readers announce an unlabelled control: give both the field's own label. A box
  // that may be emptied draws its "remove all" cross inside its list of choices, where
  // only list items belong (axe: list). The cross is for the mouse only (the keyboard
  // removes a choice with Backspace), so it is hidden from assistive technology, which
  // then reads a list of the choices alone.
  function repairAutocomplete(select) {
    const text = labelFor(select);
    const container = select.nextElementSibling;
    if (!text || !container || !container.classList.contains("select2")) {
      return;
    }
    container.querySelectorAll(".select2-selection, .select2-selection__rendered, .select2-search__field").forEach(function (element) {
      element.removeAttribute("aria-labelledby");
      element.setAttribute("aria-label", text);
    });
    container.querySelectorAll(".select2-selection__clear").forEach(function (cross) {
      cross.setAttribute("aria-hidden", "true");
    });
  }

  // The two-box selector (SelectFilter2: permissions, groups) labels its filter fields with
  // an icon whose name is an aria-label on a plain span, which ARIA does not allow
  // (axe: aria-prohibited-attr): the icon is an image, named by that label.
  function repairSelectFilter(icon) {
    icon.setAttribute("role", "img");
  }

  function repairAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(repairAutocomplete);
    document.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(repairSelectFilter);
  }

  document.addEventListener("DOMContentLoaded", function () {
    repairAll();
    new MutationObserver(repairAll).observe(document.body, { childList: true, subtree: true });
  });
})();
