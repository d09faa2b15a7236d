"""Setting up a second factor from an enrolment link, through the production server
(gunicorn, with its access log on), leaves the code in no request line or Referer that a
web or proxy log records; wrong codes are paused, counted in the shared Redis cache."""

import pytest
import redis
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from staff_access.models import EnrolmentLink, format_code
from staff_access.two_factor import enrolment_link
from tests.authenticator import code_for_shown_key
from tests.factories import PASSWORD, StaffFactory
from tests.servers import gunicorn, production_environment
from tests.workers import worker_redis_url

pytestmark = pytest.mark.postgresql_only(
    reason="gunicorn serves the test database from another process"
)


def staff_member(username: str):
    user = StaffFactory(username=username, first_name="Sam", last_name="Ortiz")
    # Hashed as production hashes: the production server knows no test-only hasher.
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def server_with_access_log(collected_static, tmp_path, transactional_db):
    log = tmp_path / "access.log"
    cache_url = worker_redis_url()
    redis.Redis.from_url(cache_url).flushdb()
    environment = production_environment(
        STATIC_ROOT=str(collected_static),
        CACHE_URL=cache_url,
        AXES_FAILURE_LIMIT="2",
        # gunicorn's own access log (off in gunicorn.conf.py), as a proxy would keep it:
        # request line with query string, and Referer.
        GUNICORN_CMD_ARGS=f"--access-logfile {log}",
    )
    with gunicorn(environment, workers=2) as base_url:
        yield base_url, log
    redis.Redis.from_url(cache_url).flushdb()


def sign_in(page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_whole_enrolment_from_a_link_leaves_no_code_in_the_access_log(
    server_with_access_log, desktop_page
):
    base_url, log = server_with_access_log
    user = staff_member("sam")
    _, code = EnrolmentLink.issue(user)
    page = desktop_page

    page.goto(enrolment_link(base_url, code))
    expect(page.get_by_label("Username")).to_be_visible()
    assert code not in page.url and format_code(code) not in page.url
    sign_in(page, "sam")
    expect(page.get_by_label("Enrolment code")).to_have_value(format_code(code))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="An authenticator app")).to_be_visible()
    assert not TOTPDevice.objects.filter(user=user).exists()  # the page wrote nothing
    shown_key = page.locator(".two-factor__choice code").inner_text()
    page.get_by_label("Code").fill(code_for_shown_key(shown_key))
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()

    logged = log.read_text()
    assert "GET /admin/two-factor/enrol/from-link/" in logged
    assert "POST /admin/two-factor/enrol/ " in logged
    for spelling in (code, format_code(code)):
        for form in (spelling, spelling.lower()):
            assert form not in logged, form
    assert EnrolmentLink.objects.get(user=user).used_at is not None


def test_wrong_codes_are_paused_with_a_clear_message(
    server_with_access_log, desktop_page
):
    base_url, _ = server_with_access_log
    user = staff_member("guesser")
    _, code = EnrolmentLink.issue(user)
    page = desktop_page
    page.goto(f"{base_url}/admin/")
    sign_in(page, "guesser")

    # Two workers serve these requests: the pause holds because the count is in Redis.
    for _ in range(2):
        page.get_by_label("Enrolment code").fill("AAAA-BBBB-CCCC-DDDD")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_text("not valid for your account")).to_be_visible()
    page.get_by_label("Enrolment code").fill(format_code(code))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Too many wrong enrolment codes")).to_be_visible()
    assert EnrolmentLink.objects.get(user=user).used_at is None
