"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in the test thread; the database calls the
# tests make around it are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}; `make test` installs Debian's chromium package."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db, demo):
    """The demo center (tests/conftest.py), committed, so the live server's thread sees it."""
    return demo


def _new_page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def phone_page(browser):
    context, page = _new_page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


# The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe-core's tags; WCAG 2.2 adds
# AA rules only), the standard DESIGN.md holds every page to. axe-core's best practices
# are left out; so is target-size unless asked for, which only these tags turn on.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# axe reads what a page shows, which is the same whichever database filled it: the
# PostgreSQL run checks it, the SQLite run leaves it out (tests/conftest.py).
AXE_ON_ONE_DATABASE = "axe checks the rendered page, the same on either database"


def axe_results(page, tags=WCAG_TAGS, context=None):
    """axe-core's violations on the page (or the part `context` selects) of the rules
    with these tags."""
    options = {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations"],
    }
    return Axe().run(page, context=context, options=options)


def axe_summary(results) -> str:
    """One line a rule: its id, how many elements fail it, and the first of them."""
    return "; ".join(
        f"{violation['id']} ×{len(violation['nodes'])} "
        f"(first: {' '.join(violation['nodes'][0]['target'])})"
        for violation in results.response["violations"]
    )


def assert_no_axe_violations(page, tags=WCAG_TAGS) -> None:
    results = axe_results(page, tags)
    assert results.violations_count == 0, results.generate_report()
