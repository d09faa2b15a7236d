"""axe-core on every admin page (issue 22): the rules of WCAG 2.0 to 2.2, levels A and AA.

Each page of the walk (tests/admin_pages.py) is opened once in Chromium at 1280 px, as the
least privileged role that may open it: content as marketing, inquiries as admissions, what
only an administrator may see as the superuser. The editor's and the counselor's main
pages are opened at 1024 px too, as the editor and the counselor. A page that sends the
browser on is left to the page it leads to; JSON, scripts and images are not pages.
"""

import pytest

from tests.admin_pages import ADMISSIONS, MARKETING, ROLES, a_day_at_the_center
from tests.admin_pages import admin_pages as walked_pages
from tests.factories import PASSWORD

from .conftest import AXE_ON_ONE_DATABASE, axe_results, axe_summary, with_axe

pytestmark = pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)

MAIN_PAGES = {
    MARKETING: [
        "admin:index",
        "admin:blog_article_changelist",
        "admin:blog_article_change",
        "admin:programs_program_changelist",
        "admin:programs_program_change",
        "admin:website_menu_changelist",
    ],
    ADMISSIONS: [
        "admin:index",
        "admin:admissions_inquiry_changelist",
        "admin:admissions_inquiry_change",
        "admin:insurance_verification_insuranceverification_changelist",
    ],
}


@pytest.fixture
def center(demo):
    """On the demo, committed (tests/e2e/conftest.py), so the live server's thread sees it."""
    return a_day_at_the_center()


@pytest.fixture
def admin_pages(center):
    pages, problems = walked_pages(center)
    assert not problems, "\n".join(problems)
    return {page.name: page for page in pages}


@pytest.fixture
def signed_in_tab(browser, live_server):
    """A tab of its own browser context, signed in as `user`, `width` px wide."""
    contexts = []

    def sign_in(user, width: int):
        context = with_axe(
            browser.new_context(viewport={"width": width, "height": 900})
        )
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.goto(f"{live_server.url}/admin/login/")
        tab.get_by_label("Username").fill(user.username)
        tab.get_by_label("Password").fill(PASSWORD)
        tab.get_by_role("button", name="Log in").click()
        tab.wait_for_url(f"{live_server.url}/admin/")
        return tab

    yield sign_in
    for context in contexts:
        context.close()


# The admin's side navigation is the same list of links on every page a role opens, but
# for which one is marked current. It is checked on the first page of each tab that shows
# it (a list, whose model is marked current) and left out of the rest: a quarter of axe's
# time on a list page.
SIDE_NAVIGATION = "#nav-sidebar"


def violations_on(tab, base_url: str, page, navigation_checked=None) -> str | None:
    """axe's summary of the page's violations; None when there is nothing to check (it
    sent the browser on, or it is not HTML). `navigation_checked`: the set of tabs whose
    side navigation axe has checked already (None: check it on every page)."""
    response = tab.goto(f"{base_url}{page.url}")
    kind = response.headers.get("content-type", "")
    if tab.url != f"{base_url}{page.url}" or not kind.startswith("text/html"):
        return None
    assert response.status == 200, f"{page.url}: {response.status}"
    context = None
    if navigation_checked is not None and tab.locator(SIDE_NAVIGATION).count():
        if tab in navigation_checked:
            context = {"exclude": [[SIDE_NAVIGATION]]}
        navigation_checked.add(tab)
    results = axe_results(tab, context=context)
    return axe_summary(results) if results.violations_count else ""


def least_privileged(page, staff) -> str | None:
    return next((role for role in ROLES if page.allowed(staff[role])), None)


# The walk's pages are checked in shares, so that both workers of a run take some.
SHARES = 4


@pytest.mark.parametrize(
    "share", range(SHARES), ids=lambda n: f"share {n + 1} of {SHARES}"
)
def test_every_admin_page_has_no_axe_violations_at_1280_px(
    center, admin_pages, live_server, signed_in_tab, share
):
    tabs, navigation_checked = {}, set()
    found, checked = [], 0
    for page in sorted(admin_pages.values(), key=lambda page: page.url)[share::SHARES]:
        role = least_privileged(page, center.staff)
        if role is None or page.post_only:
            continue
        if role not in tabs:
            tabs[role] = signed_in_tab(center.staff[role], 1280)
        summary = violations_on(tabs[role], live_server.url, page, navigation_checked)
        checked += summary is not None
        if summary:
            found.append(f"{page.url} ({page.name}, as {role}): {summary}")
    # About 150 pages in all, not split exactly evenly by address: a floor against a
    # walk that silently stops opening pages.
    assert checked > 140 / SHARES, f"only {checked} admin pages were checked"
    assert not found, f"{len(found)} of {checked} pages:\n" + "\n".join(found)


def test_the_editors_and_counselors_main_pages_have_no_axe_violations_at_1024_px(
    center, admin_pages, live_server, signed_in_tab
):
    found = []
    for role, names in MAIN_PAGES.items():
        tab = signed_in_tab(center.staff[role], 1024)
        for name in names:
            summary = violations_on(tab, live_server.url, admin_pages[name])
            assert summary is not None, f"{name} was not checked"
            if summary:
                found.append(f"{admin_pages[name].url} ({name}, as {role}): {summary}")
    assert not found, "\n".join(found)
