// Live counters for the SEO title and meta description, and a preview of the search
// result they make (editing/editor_aids.py marks the fields with data-seo-counter).
(function () {
  "use strict";

  function value(id) {
    const field = document.getElementById(id);
    return field ? field.value.trim() : "";
  }

  function addCounter(field) {
    const limit = Number(field.dataset.seoCounter);
    const counter = document.createElement("div");
    counter.className = "seo-counter";
    counter.id = field.id + "_counter";
    counter.setAttribute("aria-live", "polite");
    field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), counter.id].filter(Boolean).join(" "));
    field.insertAdjacentElement("afterend", counter);
    function update() {
      const length = field.value.length;
      counter.textContent = length + " of " + limit + " characters";
      counter.classList.toggle("seo-counter--over", length > limit);
      counter.classList.toggle("seo-counter--short", length > 0 && length < limit * 0.5);
    }
    field.addEventListener("input", update);
    update();
  }

  function addSearchPreview(description) {
    const box = document.createElement("div");
    box.className = "search-preview";
    box.innerHTML =
      '<p class="search-preview__label">How a search result may look</p>' +
      '<p class="search-preview__address"></p>' +
      '<p class="search-preview__title"></p>' +
      '<p class="search-preview__description"></p>';
    const row = description.closest(".form-row") || description.parentElement;
    row.insertAdjacentElement("afterend", box);
    const address = description.dataset.searchPreviewAddress;
    function cut(text, limit) {
      return text.length > limit ? text.slice(0, limit - 1).trimEnd() + "…" : text;
    }
    function update() {
      const slug = value("id_slug") || "your-page-address";
      box.querySelector(".search-preview__address").textContent = address.replace("your-page-address", slug);
      box.querySelector(".search-preview__title").textContent =
        cut(value("id_seo_title") || value("id_title") || value("id_name") || "Page title", 60);
      box.querySelector(".search-preview__description").textContent =
        cut(value("id_meta_description") || value("id_summary") || "Write a meta description, or the summary is used.", 160);
    }
    document.querySelector("form").addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-seo-counter]").forEach(addCounter);
    const description = document.getElementById("id_meta_description");
    if (description && description.dataset.searchPreviewAddress) {
      addSearchPreview(description);
    }
  });
})();
