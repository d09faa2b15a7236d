"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import threading

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from django.core.signals import request_finished, request_started
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


class RequestsInFlight:
    """Counts the requests the live server's threads are answering, from Django's own
    request signals, so a test can wait until the last one has finished. The test
    client's requests run in the test's own thread and are not counted."""

    def __init__(self):
        self.test_thread = threading.current_thread()
        self.count = 0
        self.changed = threading.Condition()
        request_started.connect(self.started, dispatch_uid="e2e-requests-in-flight")
        request_finished.connect(self.finished, dispatch_uid="e2e-requests-in-flight")

    def started(self, **kwargs):
        if threading.current_thread() is self.test_thread:
            return
        with self.changed:
            self.count += 1

    def finished(self, **kwargs):
        if threading.current_thread() is self.test_thread:
            return
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_none(self, timeout):
        with self.changed:
            return self.changed.wait_for(lambda: self.count <= 0, timeout=timeout)


REQUESTS_IN_FLIGHT = RequestsInFlight()


@pytest.fixture(autouse=True)
def live_server_finishes_its_requests(request):
    """A test ends when its last check passes, which can be while the page it drove is
    still loading. The server's threads would then still be answering when the test's
    database is flushed; on SQLite's in-memory database, which they share with the test,
    that flush fails. This fixture is set up after pytest-django's live-server helper and
    before the page fixtures, so on the way out it waits between the two."""
    yield
    if "live_server" in request.fixturenames:
        assert REQUESTS_IN_FLIGHT.wait_until_none(timeout=30), (
            "the live server was still answering a request 30 s after the test ended"
        )


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
# Likewise what the browser shows or does by itself (a layout at a width, a menu opened by
# keyboard, a player swapped in, a script's timer): the pages' server side runs on both
# databases in the ordinary tests, and browser flows that save through the site run on both.
BROWSER_ON_ONE_DATABASE = (
    "checks what the browser shows or does by itself, the same on either database"
)
ONE_DATABASE_IN_THE_BROWSER = pytest.mark.one_database(reason=BROWSER_ON_ONE_DATABASE)


def with_axe(browser_context):
    """Every page of `browser_context` loads axe-core (the copy axe-playwright-python
    ships) as it loads: for sweeps that check page after page, where sending the 570 kB
    script after each load cost 80 ms a page more (measured over 27 admin pages)."""
    browser_context.add_init_script(script=AXE_SCRIPT)
    return browser_context


def axe_results(page, tags=WCAG_TAGS, context=None) -> AxeResults:
    """axe-core's violations on the page (or the part the selector `context` picks) of
    the rules with these tags. Only the violations come back from the browser."""
    options = {
        "runOnly": {"type": "tag", "values": list(tags)},
        # WCAG 2.5.3, a control's name holds its visible words: axe marks this rule
        # experimental and runs it only when asked.
        "rules": {"label-content-name-mismatch": {"enabled": True}},
        "resultTypes": ["violations"],
    }
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    # Colours are judged as they settle. A check that waited only for an element to be
    # visible after a click that navigated may run before the stylesheet has come, and a
    # style read then starts transitions from the browser's own link colours: both the
    # unstyled page and a transition half-way show axe colours the page never rests at.
    page.wait_for_load_state("load")
    # Before each run axe preloads every stylesheet's rules and the page's media, unless
    # told not to: 40% of its time on an admin page (measured over 57 pages). The
    # stylesheets serve only css-orientation-lock, an experimental rule these tags leave
    # out; the media serve no-autoplay-audio, so they are preloaded when media autoplays.
    violations = page.evaluate(
        """async ([context, options]) => {
            const finite = document.getAnimations().filter(
                (animation) =>
                    animation.playState === "running" &&
                    animation.effect?.getComputedTiming().endTime !== Infinity
            );
            await Promise.all(finite.map((animation) => animation.finished.catch(() => {})));
            const autoplays = document.querySelector("audio[autoplay], video[autoplay]");
            const preload = autoplays ? { assets: ["media"] } : false;
            return axe.run(context ?? document, { ...options, preload })
                .then((results) => results.violations);
        }""",
        [context, options],
    )
    return AxeResults({"violations": violations})


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


# The page's layout shifts so far: once two frames have been drawn (so a shift from the
# last picture decoded is in), the entries buffered since the page started, read at once
# (takeRecords) rather than waiting for the observer's callback (300 ms a page before).
LAYOUT_SHIFT = """async () => {
  await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  const observer = new PerformanceObserver(() => {});
  observer.observe({ type: "layout-shift", buffered: true });
  const entries = observer.takeRecords();
  observer.disconnect();
  return entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
}"""
