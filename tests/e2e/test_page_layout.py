"""Every page type of the demo, measured in Chromium at 375 and 1280 px: nothing is wider
than its column, no grid leaves a lone card beside an empty cell, no phone number breaks
across lines, every picture is WebP with its size and description and nothing shifts as
pictures load; axe-core finds nothing on any page type at either width. Like axe, the layout
is measured on the page the browser shows, the same whichever database filled it, so these
run on one; the flows that write (tests/e2e/test_editing.py, ...) run on both."""

import pytest

from tests.e2e.conftest import AXE_ON_ONE_DATABASE
from tests.page_types import page_types

from .conftest import axe_results, axe_summary, with_axe


@pytest.fixture
def media_served(settings):
    settings.ROOT_URLCONF = "tests.e2e.media_urls"


# Grids of cards whose rows should be whole.
GRIDS = (
    ".card-grid, .testimonials, .steps, .articles-section__list, .article-list--related,"
    " .footer-nav, .treatment-links__list, .gallery__grid"
)

MEASURE = """(grids) => {
  const problems = [];
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
  };
  const name = (element) =>
    element.tagName.toLowerCase() + (element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "");
  const contentBox = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      left: box.left + parseFloat(style.paddingLeft),
      right: box.right - parseFloat(style.paddingRight),
    };
  };
  const clipped = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow !== "visible") return true;
      if (node.classList.contains("container")) return false;
    }
    return false;
  };

  // 1. Nothing wider than its column.
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  for (const container of document.querySelectorAll(".container")) {
    if (!visible(container)) continue;
    const column = contentBox(container);
    for (const element of container.querySelectorAll("*")) {
      if (!visible(element) || clipped(element)) continue;
      // Hidden on purpose: screen-reader text, the skip link, closed menus, the honeypot.
      if (element.closest(".visually-hidden, .skip-link, .submenu, .inquiry-trap, svg")) continue;
      const box = element.getBoundingClientRect();
      if (box.left < column.left - 1 || box.right > column.right + 1) {
        problems.push(`${name(element)} runs outside its column by ` +
          `${Math.round(Math.max(column.left - box.left, box.right - column.right))}px`);
      }
    }
  }
  const article = document.querySelector(".article");
  if (article) {
    const right = article.getBoundingClientRect().right;
    for (const after of document.querySelectorAll(".article ~ *")) {
      if (visible(after) && after.getBoundingClientRect().right > right + 1) {
        problems.push(`${name(after)} is wider than the article column`);
      }
    }
  }

  // 2. No lone card beside an empty cell: every row of a grid spans the grid.
  for (const grid of document.querySelectorAll(grids)) {
    const items = [...grid.children].filter(visible);
    if (items.length < 2) continue;
    const column = contentBox(grid);
    const rows = new Map();
    for (const item of items) {
      const top = Math.round(item.getBoundingClientRect().top);
      rows.set(top, [...(rows.get(top) || []), item]);
    }
    for (const row of rows.values()) {
      const left = Math.min(...row.map((item) => item.getBoundingClientRect().left));
      const right = Math.max(...row.map((item) => item.getBoundingClientRect().right));
      if (left > column.left + 2 || right < column.right - 2) {
        problems.push(`${name(grid)}: a row of ${row.length} leaves ` +
          `${Math.round(column.right - right + left - column.left)}px empty`);
      }
    }
  }

  // 3. No phone number broken across lines.
  for (const link of document.querySelectorAll('a[href^="tel:"]')) {
    if (!visible(link)) continue;
    const tops = new Set();
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const rect of range.getClientRects()) tops.add(Math.round(rect.bottom / 4));
    }
    if (tops.size > 1) problems.push(`phone number wraps: ${link.textContent.trim()}`);
  }

  // 4. Pictures: WebP, with their size and a description.
  for (const image of document.querySelectorAll("main img, footer img")) {
    const source = image.currentSrc || image.src;
    if (!/\\.webp($|\\?)/.test(source)) problems.push(`not WebP: ${source}`);
    if (!image.getAttribute("width") || !image.getAttribute("height")) {
      problems.push(`no width and height: ${source}`);
    }
    if (image.getAttribute("alt") === null) problems.push(`no alt attribute: ${source}`);
    if (!image.complete || image.naturalWidth === 0) problems.push(`not loaded: ${source}`);
  }
  return problems;
}"""

LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 300);
})"""


def load_everything(page) -> None:
    """Scroll to the bottom and back, so lazily loaded pictures load, then wait for them."""
    page.evaluate(
        """async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 400) {
            window.scrollTo(0, y);
            await new Promise((done) => setTimeout(done, 20));
          }
          window.scrollTo(0, 0);
          await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
        }"""
    )


def measure_every_page_type(
    page, base_url: str, axe_on=lambda path: False
) -> dict[str, list[str]]:
    """The layout problems of each page type, and axe's violations on those `axe_on`
    picks: each page is loaded once for both."""
    found = {}
    for path in page_types():
        page.goto(base_url + path)
        load_everything(page)
        problems = page.evaluate(MEASURE, GRIDS)
        if axe_on(path):
            results = axe_results(page)
            if results.violations_count:
                problems.append(f"axe: {axe_summary(results)}")
        shift = page.evaluate(LAYOUT_SHIFT)
        if shift > 0.02:
            # A page that shifts shifts on every load; one whose pictures decoded late
            # while both cores were busy does not. Count what a second load confirms.
            page.goto(base_url + path)
            load_everything(page)
            shift = min(shift, page.evaluate(LAYOUT_SHIFT))
        if shift > 0.02:
            problems.append(f"layout shift {shift:.3f}")
        if problems:
            found[path] = problems
    return found


# axe runs on every page type at both widths: the only place the public pages are checked
# (the flows elsewhere check the states they reach, a form with errors, say).
@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_every_page_type_keeps_its_layout_and_passes_axe_at_phone_width(
    demo, media_served, live_server, phone_page
):
    with_axe(phone_page.context)
    found = measure_every_page_type(
        phone_page, live_server.url, axe_on=lambda path: True
    )
    assert found == {}


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_every_page_type_keeps_its_layout_and_passes_axe_at_desktop_width(
    demo, media_served, live_server, desktop_page
):
    with_axe(desktop_page.context)
    found = measure_every_page_type(
        desktop_page, live_server.url, axe_on=lambda path: True
    )
    assert found == {}
