"""Searching the inquiries through the production server (gunicorn, with its access log on)
leaves no personal term in any request line or Referer that a web or proxy log records."""

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from admissions.models import AccessLog
from staff_access.roles import ADMISSIONS
from tests.admissions.factories import InquiryFactory
from tests.factories import PASSWORD, StaffFactory
from tests.servers import SHARES_THE_TEST_DATABASE, gunicorn, production_environment

MARKER = "Zylphrax"
EMAIL = f"{MARKER.lower()}.family@example.com"
PHONE = "+18285550163"
PHONE_AS_TYPED = "(828) 555-0163"
# What must never reach the log, in any spelling a URL could give it.
FORBIDDEN = [MARKER.lower(), "zylphrax", "5550163", "555-0163", "555%2d0163"]

pytestmark = SHARES_THE_TEST_DATABASE


@pytest.fixture
def marked_inquiry(transactional_db):
    counselor = StaffFactory(username="counselor")
    # Hashed as production hashes: the production server knows no test-only hasher.
    counselor.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    counselor.save(update_fields=["password"])
    counselor.groups.add(Group.objects.get(name=ADMISSIONS))
    return InquiryFactory(name=f"Jordan {MARKER}", email=EMAIL, phone=PHONE)


@pytest.fixture
def server_with_access_log(collected_static, tmp_path, marked_inquiry):
    log = tmp_path / "access.log"
    environment = production_environment(
        STATIC_ROOT=str(collected_static),
        REQUIRE_TWO_FACTOR="false",
        # gunicorn's own access log (off in gunicorn.conf.py), as a proxy would keep it:
        # request line with query string, and Referer.
        GUNICORN_CMD_ARGS=f"--access-logfile {log}",
    )
    with gunicorn(environment, workers=1) as base_url:
        yield base_url, log


def search_and_open(page, base_url: str, term: str) -> None:
    page.goto(f"{base_url}/admin/admissions/inquiry/")
    page.get_by_label("Find an inquiry").fill(term)
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".queue-search__summary")).to_contain_text("1 inquiry found")
    page.get_by_role("link", name=f"Jordan {MARKER}").click()
    expect(page.locator(".contact-card__name")).to_have_text(f"Jordan {MARKER}")
    page.get_by_role("link", name="History").click()
    page.go_back()
    page.locator(".breadcrumbs").get_by_role("link", name="Inquiries").click()
    expect(page.get_by_role("heading", name="Admissions queue")).to_be_visible()


def test_searching_by_name_email_and_phone_leaves_no_trace_in_the_access_log(
    server_with_access_log, desktop_page
):
    base_url, log = server_with_access_log
    page = desktop_page
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill("counselor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    for term in (MARKER, EMAIL, PHONE_AS_TYPED):
        search_and_open(page, base_url, term)

    logged = log.read_text().lower()
    assert "post /admin/admissions/inquiry/search/" in logged
    assert logged.count("search=") >= 3  # the tokens, in request lines and Referers
    assert "_changelist_filters" in logged
    for forbidden in FORBIDDEN + [EMAIL.lower(), EMAIL.lower().replace("@", "%40")]:
        assert forbidden not in logged, forbidden
    # What was searched is in the protected access log instead.
    assert list(
        AccessLog.objects.filter(action="search")
        .order_by("pk")
        .values_list("query", flat=True)
    ) == [MARKER, EMAIL, PHONE_AS_TYPED]
