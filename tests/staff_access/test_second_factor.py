"""Every staff account needs a second factor, and setting one up needs an enrolment link
that an administrator issued (issue 14 item 6, issue 17 item 7)."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_access.models import EnrolmentLink, format_code, normalize_code
from staff_access.two_factor import enrolment_link
from tests.admissions.factories import marketing_user
from tests.authenticator import code_for, code_for_shown_key
from tests.factories import PASSWORD, StaffFactory
from tests.get_writes import writes

pytestmark = pytest.mark.django_db

ENROL = "/admin/two-factor/enrol/"
FROM_LINK = f"{ENROL}from-link/"
SETUP = "/admin/two-factor/setup/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.REQUIRE_TWO_FACTOR = True


def sign_in(client, user):
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302


def enter_code(client, code: str):
    return client.post(reverse("two_factor_enrol"), {"code": code})


def begin_passkey(client):
    return client.post(
        reverse("otp_webauthn:credential-registration-begin"),
        data="{}",
        content_type="application/json",
    )


class TestEveryStaffAccount:
    @pytest.mark.parametrize(
        "path", ["/admin/", "/admin/website/sitesettings/", "/admin/blog/article/"]
    )
    def test_a_marketing_user_without_a_second_factor_cannot_enter_the_admin(
        self, client, path
    ):
        sign_in(client, marketing_user())

        response = client.get(path)

        assert response.status_code == 302
        assert response["Location"] == f"{ENROL}?next={path}"

    def test_without_a_link_the_setup_page_sends_them_for_one(self, client):
        sign_in(client, marketing_user())

        response = client.get(reverse("two_factor_setup"))

        assert response["Location"].startswith(ENROL)
        assert not TOTPDevice.objects.exists()
        page = client.get(response["Location"]).content.decode()
        assert "enrolment link" in page

    def test_without_a_link_no_passkey_can_be_registered(self, client):
        sign_in(client, marketing_user())

        response = begin_passkey(client)

        assert response.status_code == 403
        assert response.json()["code"] == "enrolment_link_needed"


class TestEnrolmentLinks:
    def test_a_valid_code_opens_the_setup_page_with_both_kinds_of_factor(self, client):
        user = marketing_user()
        _, code = EnrolmentLink.issue(user)
        sign_in(client, user)

        response = enter_code(client, code)
        page = client.get(reverse("two_factor_setup")).content.decode()

        assert response["Location"].startswith(reverse("two_factor_setup"))
        assert "Add a passkey" in page
        assert "<svg" in page  # the authenticator app's QR code
        assert "otp_webauthn_register.js" in page
        options = begin_passkey(client)
        assert options.status_code == 200
        assert options.json()["challenge"]
        assert options.json()["rp"]["id"] == "localhost"

    def test_the_issued_link_carries_the_code_where_browsers_never_send_it(self):
        _, code = EnrolmentLink.issue(marketing_user())

        link = enrolment_link("https://www.example.org/", code)

        address, _, fragment = link.partition("#")
        assert address == f"https://www.example.org{ENROL}from-link/"
        assert normalize_code(fragment) == code

    def test_the_link_page_keeps_the_posted_code_in_the_session_and_moves_on(
        self, client
    ):
        user = marketing_user()
        link, code = EnrolmentLink.issue(user)

        held = client.post(FROM_LINK, {"code": format_code(code)})
        to_sign_in = client.get(held["Location"])
        sign_in(client, user)
        page = client.get(ENROL).content.decode()

        assert held["Location"] == ENROL
        assert code not in to_sign_in["Location"]
        assert to_sign_in["Location"].startswith(reverse("admin:login"))
        assert format_code(code) in page
        link.refresh_from_db()
        assert link.used_at is None  # opening the link only fills the form
        assert enter_code(client, format_code(code))["Location"].startswith(SETUP)

    def test_a_path_link_opened_signed_in_moves_the_code_to_the_session_first(
        self, client
    ):
        user = marketing_user()
        link, code = EnrolmentLink.issue(user)
        sign_in(client, user)

        opened = client.get(reverse("two_factor_enrol_link", kwargs={"code": code}))
        page = client.get(opened["Location"]).content.decode()

        assert opened.status_code == 302
        assert opened["Location"] == ENROL
        assert "no-store" in opened["Cache-Control"]
        assert format_code(code) in page
        link.refresh_from_db()
        assert link.used_at is None

    def test_a_path_link_opened_before_signing_in_moves_the_code_after_a_hash(
        self, client, settings
    ):
        _, code = EnrolmentLink.issue(marketing_user())

        opened = client.get(reverse("two_factor_enrol_link", kwargs={"code": code}))

        assert opened["Location"] == f"{FROM_LINK}#{format_code(code)}"
        assert (
            settings.SESSION_COOKIE_NAME not in opened.cookies
        )  # a GET stores nothing

    def test_a_held_code_that_is_wrong_is_refused_and_forgotten(self, client):
        user = marketing_user()
        sign_in(client, user)
        client.get(reverse("two_factor_enrol_link", kwargs={"code": "WRONG-CODE"}))

        refused = enter_code(client, "WRONG-CODE")
        page = client.get(ENROL).content.decode()

        assert "not valid for your account" in refused.content.decode()
        assert "WRON-GCOD-E" not in page

    def test_an_expired_link_is_refused(self, client):
        user = marketing_user()
        with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as traveller:
            _, code = EnrolmentLink.issue(user)
            traveller.shift(timedelta(days=1, seconds=1))
            sign_in(client, user)

            response = enter_code(client, code)
            setup = client.get(reverse("two_factor_setup"))

        assert response.status_code == 200
        assert "has expired" in response.content.decode()
        assert setup["Location"].startswith(ENROL)

    def test_a_link_still_works_just_before_its_day_is_up(self, client):
        user = marketing_user()
        with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as traveller:
            _, code = EnrolmentLink.issue(user)
            traveller.shift(timedelta(hours=23, minutes=59))
            sign_in(client, user)

            response = enter_code(client, code)

        assert response.status_code == 302

    def test_a_used_link_is_refused(self, client, django_user_model):
        user = marketing_user()
        _, code = EnrolmentLink.issue(user)
        sign_in(client, user)
        assert enter_code(client, code).status_code == 302
        client.logout()

        sign_in(client, user)
        response = enter_code(client, code)

        assert response.status_code == 200
        assert "already used" in response.content.decode()
        assert begin_passkey(client).status_code == 403

    def test_a_link_for_someone_else_is_refused(self, client):
        _, code = EnrolmentLink.issue(marketing_user())
        intruder = marketing_user()
        sign_in(client, intruder)

        response = enter_code(client, code)

        assert "not valid for your account" in response.content.decode()
        assert EnrolmentLink.objects.get().used_at is None

    def test_the_code_may_be_typed_in_groups_and_lower_case(self, client):
        user = marketing_user()
        _, code = EnrolmentLink.issue(user)
        sign_in(client, user)

        typed = "-".join(code[i : i + 4] for i in range(0, 16, 4)).lower()

        assert enter_code(client, f" {typed} ").status_code == 302

    def test_only_a_hash_of_the_code_is_stored(self):
        link, code = EnrolmentLink.issue(marketing_user())

        assert code not in json.dumps(
            list(EnrolmentLink.objects.values_list("code_hash", flat=True))
        )
        assert len(link.code_hash) == 64


class TestIssuingLinks:
    @pytest.fixture
    def administrator(self, client, settings):
        settings.REQUIRE_TWO_FACTOR = (
            False  # signed in with a factor, as far as this test goes
        )
        admin = StaffFactory(is_superuser=True)
        client.force_login(admin)
        return admin

    def test_an_administrator_issues_a_link_shown_once(
        self, client, administrator, settings
    ):
        staff_member = marketing_user(first_name="Sam", last_name="Ortiz")

        response = client.post(
            reverse("admin:staff_access_enrolmentlink_add"), {"user": staff_member.pk}
        )

        page = response.content.decode()
        link = EnrolmentLink.objects.get()
        assert link.user == staff_member
        assert link.issued_by == administrator
        assert link.expires_at - link.issued_at == timedelta(days=1)
        assert "Send this to Sam Ortiz" in page
        code = response.context["code"]
        assert f"http://testserver{FROM_LINK}#{code}" in page
        listing = client.get(reverse("admin:staff_access_enrolmentlink_changelist"))
        assert code not in listing.content.decode()

    def test_the_issued_page_says_until_when_the_link_works(
        self, client, administrator
    ):
        response = client.post(
            reverse("admin:staff_access_enrolmentlink_add"),
            {"user": marketing_user().pk},
        )

        expires = timezone.localtime(EnrolmentLink.objects.get().expires_at)
        page = response.content.decode()
        when = date_format(expires, r"l, F j \a\t g:i A")
        assert f"until {when}." in page
        assert "until None" not in page

    def test_staff_who_are_not_administrators_cannot_issue_links(
        self, client, settings
    ):
        settings.REQUIRE_TWO_FACTOR = False
        client.force_login(marketing_user())

        response = client.post(
            reverse("admin:staff_access_enrolmentlink_add"),
            {"user": marketing_user().pk},
        )

        assert response.status_code == 403
        assert not EnrolmentLink.objects.exists()

    def test_the_command_prints_a_working_link_for_the_first_administrator(
        self, client
    ):
        import io

        from django.core.management import call_command

        admin = StaffFactory(is_superuser=True)
        output = io.StringIO()
        call_command("issue_enrolment_link", admin.username, stdout=output)
        code = output.getvalue().split("Code: ")[1].strip()
        sign_in(client, admin)

        assert enter_code(client, code)["Location"].startswith(
            reverse("two_factor_setup")
        )


class TestWrongCodes:
    """Wrong codes are paused per account and per address, like sign-in (django-axes),
    with the counts in the shared cache."""

    @pytest.fixture(autouse=True)
    def limits(self, settings):
        settings.AXES_FAILURE_LIMIT = 3
        settings.AXES_COOLOFF_TIME = 1.0

    def test_after_the_limit_even_the_right_code_waits_with_a_clear_message(
        self, client
    ):
        user = marketing_user()
        link, code = EnrolmentLink.issue(user)
        with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as traveller:
            sign_in(client, user)
            for _ in range(3):
                wrong = enter_code(client, "AAAA-BBBB-CCCC-DDDD")
                assert wrong.status_code == 200
                assert "not valid for your account" in wrong.content.decode()

            paused = enter_code(client, code)

            assert paused.status_code == 429
            assert "Too many wrong enrolment codes" in paused.content.decode()
            assert "an hour" in paused.content.decode()
            link.refresh_from_db()
            assert link.used_at is None

            traveller.shift(timedelta(hours=1, seconds=1))
            client.logout()  # the idle session ended meanwhile
            sign_in(client, user)
            assert enter_code(client, code)["Location"].startswith(SETUP)

    def test_the_account_stays_paused_from_another_address(self, client):
        user = marketing_user()
        _, code = EnrolmentLink.issue(user)
        sign_in(client, user)
        for number in range(3):
            client.post(
                ENROL,
                {"code": "AAAA-BBBB-CCCC-DDDD"},
                REMOTE_ADDR=f"198.51.100.{number}",
            )

        paused = client.post(ENROL, {"code": code}, REMOTE_ADDR="203.0.113.50")

        assert paused.status_code == 429

    def test_an_address_that_guessed_for_one_account_waits_for_the_next(self, client):
        guesser = marketing_user()
        sign_in(client, guesser)
        for _ in range(3):
            enter_code(client, "AAAA-BBBB-CCCC-DDDD")
        client.logout()
        other = marketing_user()
        _, code = EnrolmentLink.issue(other)
        sign_in(client, other)

        from_same_address = enter_code(client, code)
        from_elsewhere = client.post(ENROL, {"code": code}, REMOTE_ADDR="203.0.113.50")

        assert from_same_address.status_code == 429
        assert from_elsewhere["Location"].startswith(SETUP)

    def test_a_right_code_does_not_count_against_the_limit(self, client):
        user = marketing_user()
        sign_in(client, user)
        for _ in range(2):
            enter_code(client, "AAAA-BBBB-CCCC-DDDD")
        _, code = EnrolmentLink.issue(user)

        assert enter_code(client, code)["Location"].startswith(SETUP)
        assert cache.get(f"two_factor:enrol:account:{user.pk}") == 2

    def test_the_counts_live_in_the_shared_cache(self, client, redis_cache):
        user = marketing_user()
        sign_in(client, user)
        for _ in range(3):
            enter_code(client, "AAAA-BBBB-CCCC-DDDD")

        assert enter_code(client, "AAAA-BBBB-CCCC-DDDD").status_code == 429
        assert redis_cache.get(f"two_factor:enrol:account:{user.pk}") == 4


def redeemed_link_session(client, user=None):
    user = user or marketing_user()
    _, code = EnrolmentLink.issue(user)
    sign_in(client, user)
    enter_code(client, code)
    return user


class TestPairingAnApp:
    """Opening the setup page writes nothing: the app's secret waits in the session until
    the first code is posted."""

    def test_the_page_shows_the_same_key_each_time_and_stores_nothing(self, client):
        redeemed_link_session(client)

        with CaptureQueriesContext(connection) as queries:
            first = client.get(SETUP)
        again = client.get(SETUP)

        assert first.context["secret"] == again.context["secret"]
        assert not TOTPDevice.objects.exists()
        assert writes(queries.captured_queries) == []

    def test_a_wrong_code_is_stored_against_the_app_and_slows_the_next_try(
        self, client
    ):
        user = redeemed_link_session(client)
        with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as traveller:
            key = client.get(SETUP).context["secret"]
            wrong = client.post(SETUP, {"token": "000000"})
            right_at_once = client.post(SETUP, {"token": code_for_shown_key(key)})

            assert "did not match" in wrong.content.decode()
            assert "Wait a few seconds" in right_at_once.content.decode()
            app = TOTPDevice.objects.get(user=user)
            assert (app.confirmed, app.throttling_failure_count) == (False, 1)

            traveller.shift(timedelta(seconds=5))
            confirmed = client.post(SETUP, {"token": code_for_shown_key(key)})

        assert "Save your recovery codes" in confirmed.content.decode()
        assert TOTPDevice.objects.get(user=user).confirmed

    def test_confirming_clears_pairings_left_unfinished(self, client):
        user = redeemed_link_session(client)
        TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        key = client.get(SETUP).context["secret"]

        client.post(SETUP, {"token": code_for_shown_key(key)})

        assert list(TOTPDevice.objects.values_list("confirmed", flat=True)) == [True]
        assert client.get(SETUP).context["secret"] != key  # another app, another key


class TestRecoveryCodesAfterAPasskey:
    """After a passkey, the recovery codes page asks first and makes the codes on the
    POST, so opening it (or a link scanner opening it) writes nothing."""

    RECOVERY = "/admin/two-factor/recovery-codes/"

    @pytest.fixture
    def verified_without_codes(self, client):
        user = marketing_user()
        app = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
        sign_in(client, user)
        client.post(reverse("two_factor_verify"), {"token": code_for(app)})
        return user

    def test_opening_the_page_writes_nothing_and_asks_first(
        self, client, verified_without_codes
    ):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(self.RECOVERY)

        assert page.status_code == 200
        assert "Show my recovery codes" in page.content.decode()
        assert not StaticToken.objects.exists()
        assert writes(queries.captured_queries) == []

    def test_the_button_shows_ten_codes_once(self, client, verified_without_codes):
        shown = client.post(self.RECOVERY)

        codes = shown.context["codes"]
        assert len(codes) == 10
        assert all(code in shown.content.decode() for code in codes)
        assert (
            StaticToken.objects.filter(device__user=verified_without_codes).count()
            == 10
        )
        assert client.get(self.RECOVERY).status_code == 302
        assert client.post(self.RECOVERY).status_code == 302
