"""Every page type of the demo, measured in Chromium at 375, 768, 1024, 1280 and 1440 px,
by the rules of the layout system (README, "Design notes"): nothing is wider than its
column, no grid leaves a lone card beside an empty cell, no card is too narrow or its title
longer than three lines, no side column stands mostly empty, no button is left alone on a
row of its group, no number, date or phone number breaks across lines and no separator
starts or ends one, a drawn portrait's initial is the name's, the header offers no link
twice; every picture is WebP with its size and description and nothing shifts as pictures
load. axe-core finds nothing on any page type at 375 or 1280 px. Like axe, the layout
is measured on the page the browser shows, the same whichever database filled it, so these
run on one; the flows that write (tests/e2e/test_editing.py, ...) run on both."""

import pytest

from tests.e2e.conftest import AXE_ON_ONE_DATABASE
from tests.page_types import page_types

from .conftest import (
    LAYOUT_SHIFT,
    ONE_DATABASE_IN_THE_BROWSER,
    axe_results,
    axe_summary,
    with_axe,
)


@pytest.fixture
def media_served(settings):
    settings.ROOT_URLCONF = "tests.e2e.media_urls"


# Grids of cards whose rows should be whole.
GRIDS = (
    ".card-grid, .testimonials, .steps, .articles-section__list, .article-list--related,"
    " .footer-nav, .treatment-links__list, .gallery__grid"
)

# Cards, and how narrow one may be before its words squeeze (a card of three in a 620 px
# column measured 190 px, with five-line titles).
CARDS = ".article-card, .card, .team-member, .testimonial"
MIN_CARD_WIDTH = 220
# A side column beside the main one holds something for at least this share of their
# height (the team page's held 19%: one call box beside a long list).
MIN_SIDE_SHARE = 0.2
BUTTON_GROUPS = ".actions"
# Words before a name that a portrait's initial must skip.
TITLES = r"^(dr|mr|mrs|ms|mx|miss|prof|rev|fr|sr)\.?\s+"

MEASURE = """([grids, CARDS, MIN_CARD_WIDTH, MIN_SIDE_SHARE, BUTTON_GROUPS, TITLES]) => {
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
  // 5. Cards wide enough to read, with titles of at most three lines.
  for (const card of document.querySelectorAll(CARDS)) {
    if (!visible(card)) continue;
    const width = card.getBoundingClientRect().width;
    if (width < MIN_CARD_WIDTH) problems.push(`${name(card)} is ${Math.round(width)}px wide`);
    const title = card.querySelector("h2, h3");
    if (title && visible(title)) {
      const lines = Math.round(title.getBoundingClientRect().height /
        parseFloat(getComputedStyle(title).lineHeight));
      if (lines > 3) problems.push(`${name(card)}: its title takes ${lines} lines`);
    }
  }

  // 6. A side column holds something for at least a share of the columns' height.
  for (const aside of document.querySelectorAll(".page-aside, .blog-sidebar, .inquiry-page__aside")) {
    const layout = aside.parentElement.getBoundingClientRect();
    const main = aside.previousElementSibling;
    const top = aside.getBoundingClientRect().top;
    // In one column the side comes after the main one: nothing is beside it.
    if (!visible(aside) || !main || top >= main.getBoundingClientRect().bottom - 1) continue;
    const bottom = Math.max(top, ...[...aside.children].map((child) => child.getBoundingClientRect().bottom));
    if (bottom - top < MIN_SIDE_SHARE * layout.height) {
      problems.push(`${name(aside)} is empty for ${Math.round(100 - 100 * (bottom - top) / layout.height)}% of its column`);
    }
  }

  // 7. A group of buttons wraps as a whole: never one button alone on a row of a group
  //    whose other row holds more.
  for (const group of document.querySelectorAll(BUTTON_GROUPS)) {
    const rows = new Map();
    for (const item of [...group.children].filter(visible)) {
      const top = Math.round(item.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) || 0) + 1);
    }
    const sizes = [...rows.values()];
    if (sizes.length > 1 && sizes.includes(1) && Math.max(...sizes) > 1) {
      problems.push(`${name(group)}: a button alone on a row (${sizes.join(" + ")})`);
    }
  }

  // 8. Numbers and dates on one line; a separator never starts or ends a line.
  const lineTops = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].filter((rect) => rect.width > 0)
      .map((rect) => Math.round(rect.bottom / 4)));
  };
  for (const number of document.querySelectorAll(".number, time")) {
    if (visible(number) && lineTops(number).size > 1) {
      problems.push(`${name(number)} breaks across lines: ${number.textContent.trim()}`);
    }
  }
  const charTop = (text, index) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    const rect = range.getClientRects()[0];
    return rect ? Math.round(rect.bottom / 4) : null;
  };
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const value = text.textContent;
    for (const match of value.matchAll(/[·›|]/g)) {
      const parent = text.parentElement;
      if (!visible(parent) || parent.closest("script, style, [aria-hidden=true] svg")) continue;
      const at = charTop(text, match.index);
      const before = value.slice(0, match.index).search(/\\S\\s*$/);
      const after = value.slice(match.index + 1).search(/\\S/);
      const neighbours = [
        before >= 0 ? charTop(text, before) : null,
        after >= 0 ? charTop(text, match.index + 1 + after) : null,
      ].filter((top) => top !== null);
      if (at !== null && neighbours.some((top) => top !== at)) {
        problems.push(`separator "${match[0]}" starts or ends a line in ${name(parent)}`);
      }
    }
  }

  // 9. A drawn portrait's initial is the name's, not a title's ("Dr.").
  for (const member of document.querySelectorAll(".team-member")) {
    const initial = member.querySelector(".team-member__initials");
    const person = member.querySelector(".team-member__name");
    if (!initial || !person) continue;
    const name_ = person.firstChild.textContent.trim().replace(new RegExp(TITLES, "i"), "");
    if (initial.textContent.trim() !== name_.charAt(0).toUpperCase()) {
      problems.push(`${person.textContent.trim()} is drawn as "${initial.textContent.trim()}"`);
    }
  }

  // 10. The header does not offer the same link twice side by side.
  const seen = new Set();
  for (const link of document.querySelectorAll(".site-nav a")) {
    if (!visible(link) || link.closest(".submenu")) continue;
    const key = `${link.textContent.trim()} ${link.getAttribute("href")}`;
    if (seen.has(key)) problems.push(`the header links "${link.textContent.trim()}" twice`);
    seen.add(key);
  }
  return problems;
}"""

MEASURES = [GRIDS, CARDS, MIN_CARD_WIDTH, MIN_SIDE_SHARE, BUTTON_GROUPS, TITLES]


def load_everything(page, scroll: bool = True) -> None:
    """Scroll to the bottom and back, so lazily loaded pictures load as a visitor's would
    (and any shift they cause happens in view, where it counts), then wait for them.
    Without `scroll`, the lazy pictures are asked for at once: for measuring boxes only."""
    page.evaluate(
        """async (scroll) => {
          if (scroll) {
            // A window's height a step: Chromium fetches a lazy picture well before it
            // comes into view (1,250 px or more ahead), so none is skipped.
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
              window.scrollTo(0, y);
              await new Promise((done) => setTimeout(done, 20));
            }
            window.scrollTo(0, 0);
          } else {
            for (const image of document.images) image.loading = "eager";
          }
          await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
        }""",
        scroll,
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
        problems = page.evaluate(MEASURE, MEASURES)
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


# The widths between and beyond: a tablet and a laptop window split in two (768), a small
# laptop (1024), most desktop monitors (1440). Each page is loaded once and measured at
# each width in turn; axe and the layout shift are checked at the two widths above.
BETWEEN_WIDTHS = (768, 1024, 1440)


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_every_page_type_keeps_its_layout_at_tablet_laptop_and_wide_widths(
    demo, media_served, live_server, desktop_page
):
    found = {}
    for path in page_types():
        for width in BETWEEN_WIDTHS:
            desktop_page.set_viewport_size({"width": width, "height": 900})
            if width == BETWEEN_WIDTHS[0]:
                desktop_page.goto(live_server.url + path)
            load_everything(desktop_page, scroll=False)
            problems = desktop_page.evaluate(MEASURE, MEASURES)
            if problems:
                found[f"{path} at {width} px"] = problems
    assert found == {}


@ONE_DATABASE_IN_THE_BROWSER
def test_the_layout_shift_measure_sees_content_pushed_down_after_load(phone_page):
    phone_page.goto(
        'data:text/html,<p style="height: 300px">A paragraph a visitor starts to read.</p>'
    )
    assert phone_page.evaluate(LAYOUT_SHIFT) == 0

    phone_page.evaluate(
        """() => document.body.insertAdjacentHTML(
          "afterbegin", '<div style="height: 400px"></div>')"""
    )

    assert phone_page.evaluate(LAYOUT_SHIFT) > 0.02
