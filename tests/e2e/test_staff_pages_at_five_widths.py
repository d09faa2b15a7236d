"""The staff pages marketing and admissions use most, at the five widths of the public
pages (a phone, a tablet or a laptop window split in two, a small laptop, a laptop, a
desktop monitor): the page never scrolls sideways (a wide table scrolls in its own box),
no table's cell is squeezed narrower than its words (the queue's names once stood a letter
a line at 375 px) and nothing in a cell runs out of it (its "under 1 min" pill once ran
into the urgency badge beside it at 1024 px), and nothing in a form runs out of its row
(beside the model list at 768 px a form's fields had 250 px)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from blog.models import Article
from tests.admissions.factories import InquiryFactory
from tests.factories import PASSWORD

from .conftest import ONE_DATABASE_IN_THE_BROWSER

WIDTHS = (375, 768, 1024, 1280, 1440)

MEASURE = """() => {
  const problems = [];
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const name = (element) => element.tagName.toLowerCase() +
    (typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\\s+/).join(".") : "");
  const clippedWithin = (element, stop) => {
    for (let node = element.parentElement; node && node !== stop; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible") return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  for (const cell of document.querySelectorAll("td, th")) {
    const words = cell.innerText.trim();
    const shown = cell.getClientRects().length > 0;  // laid out, however narrow
    if (shown && words.length > 3 && cell.getBoundingClientRect().width < 56) {
      problems.push(`${name(cell)} is squeezed to ${Math.round(cell.getBoundingClientRect().width)}px: ${words.slice(0, 20)}`);
    }
  }
  for (const box of document.querySelectorAll("td, th, .form-row, .submit-row")) {
    if (!visible(box)) continue;
    const outer = box.getBoundingClientRect();
    for (const element of box.querySelectorAll("*")) {
      if (!visible(element) || clippedWithin(element, box)) continue;
      if (element.closest(".visually-hidden, .sr-only, .ck-hidden, .select2-hidden-accessible")) continue;
      const inner = element.getBoundingClientRect();
      if (inner.left < outer.left - 1 || inner.right > outer.right + 1) {
        problems.push(`${name(element)} runs out of its ${name(box)} by ` +
          `${Math.round(Math.max(outer.left - inner.left, inner.right - outer.right))}px`);
      }
    }
  }
  return [...new Set(problems)];
}"""


@pytest.fixture
def staff(demo):
    users = {
        username: get_user_model().objects.get(username=username)
        for username in ("marketing", "admissions")
    }
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return users


def measured_at_every_width(browser, base_url: str, username: str, paths) -> str:
    """What does not fit, a line for each page and width where something does not."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/")
    found = {}
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        response = page.goto(base_url + path)
        assert response.status == 200, path
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            problems = page.evaluate(MEASURE)
            if problems:
                found[f"{path} at {width} px"] = problems
    context.close()
    return "\n".join(
        f"{where}: {'; '.join(problems)}" for where, problems in found.items()
    )


@ONE_DATABASE_IN_THE_BROWSER
def test_the_editors_pages_fit_every_width(staff, live_server, browser):
    article = Article.objects.live().first()
    paths = [
        "/admin/",
        "/admin/blog/article/",
        "/admin/blog/article/add/",
        f"/admin/blog/article/{article.pk}/change/",
    ]
    assert measured_at_every_width(browser, live_server.url, "marketing", paths) == ""


@ONE_DATABASE_IN_THE_BROWSER
def test_the_counselors_pages_fit_every_width(staff, live_server, browser):
    InquiryFactory(
        name="Maximiliana Featherstonehaugh-Worthington",
        is_urgent=True,
        received_at=timezone.now(),
    )
    inquiry = InquiryFactory(received_at=timezone.now())
    paths = [
        "/admin/",
        "/admin/admissions/inquiry/",
        f"/admin/admissions/inquiry/{inquiry.pk}/change/",
    ]
    assert measured_at_every_width(browser, live_server.url, "admissions", paths) == ""
