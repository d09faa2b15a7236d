import io
import time

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_access.models import EnrolmentLink
from staff_access.sessions import LAST_ACTIVITY_KEY
from tests.authenticator import code_for_shown_key
from tests.factories import PASSWORD, StaffFactory

ADMIN_INDEX = "/admin/"


def sign_in(client, user, password=PASSWORD):
    return client.post(
        reverse("admin:login"),
        {"username": user.username, "password": password, "next": ADMIN_INDEX},
    )


@pytest.fixture
def superuser(db):
    return StaffFactory(is_superuser=True)


def redeem_enrolment_link(client, user) -> None:
    _, code = EnrolmentLink.issue(user)
    response = client.post(reverse("two_factor_enrol"), {"code": code})
    assert response["Location"].startswith(reverse("two_factor_setup"))


def app_code(setup_page) -> str:
    """The code the authenticator app shows once it has the key the setup page shows."""
    return code_for_shown_key(setup_page.context["secret"])


class TestLoginThrottling:
    @pytest.fixture(autouse=True)
    def axes_on(self, settings):
        settings.AXES_ENABLED = True
        settings.AXES_FAILURE_LIMIT = 3

    def test_repeated_failures_lock_the_account_with_a_clear_message(
        self, client, superuser
    ):
        for _ in range(2):
            assert sign_in(client, superuser, password="wrong").status_code == 200
        assert sign_in(client, superuser, password="wrong").status_code == 429

        response = sign_in(client, superuser)  # even the right password now

        assert response.status_code == 429
        assert "Sign-in is locked for now" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_unlocking_by_command_lets_the_user_back_in(self, client, superuser):
        from django.core.management import call_command

        for _ in range(3):
            sign_in(client, superuser, password="wrong")
        call_command("axes_reset_username", superuser.username, stdout=io.StringIO())

        assert sign_in(client, superuser).status_code == 302


class TestIdleSessions:
    def test_an_idle_staff_session_expires(self, client, superuser, settings):
        client.force_login(superuser)
        assert client.get(ADMIN_INDEX).status_code == 200
        session = client.session
        session[LAST_ACTIVITY_KEY] = time.time() - settings.STAFF_IDLE_MINUTES * 60 - 5
        session.save()

        response = client.get(ADMIN_INDEX)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        assert "_auth_user_id" not in client.session

    def test_an_active_staff_session_stays(self, client, superuser, settings):
        client.force_login(superuser)
        session = client.session
        session[LAST_ACTIVITY_KEY] = (
            time.time() - (settings.STAFF_IDLE_MINUTES - 1) * 60
        )
        session.save()

        assert client.get(ADMIN_INDEX).status_code == 200

    def test_staff_sessions_end_when_the_browser_closes(self, settings):
        assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


class TestTwoFactor:
    @pytest.fixture(autouse=True)
    def required(self, settings):
        settings.REQUIRE_TWO_FACTOR = True

    def test_an_inquiry_reader_cannot_reach_the_admin_without_a_second_factor(
        self, client, superuser
    ):
        sign_in(client, superuser)

        response = client.get(ADMIN_INDEX)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_enrol"))

    def test_setting_up_an_authenticator_opens_the_admin_and_shows_recovery_codes(
        self, client, superuser
    ):
        sign_in(client, superuser)
        redeem_enrolment_link(client, superuser)
        setup_page = client.get(reverse("two_factor_setup"))
        assert "<svg" in setup_page.content.decode()
        assert not TOTPDevice.objects.exists()  # opening the page writes nothing

        response = client.post(
            reverse("two_factor_setup"), {"token": app_code(setup_page)}
        )

        assert response.status_code == 200
        codes = response.context["codes"]
        assert len(codes) == 10
        assert all(code in response.content.decode() for code in codes)
        assert client.get(ADMIN_INDEX).status_code == 200

    def test_a_wrong_code_is_refused_with_a_clear_message(self, client, superuser):
        sign_in(client, superuser)
        redeem_enrolment_link(client, superuser)
        client.get(reverse("two_factor_setup"))

        response = client.post(reverse("two_factor_setup"), {"token": "000000x"})

        assert "did not match" in response.content.decode()
        assert client.get(ADMIN_INDEX).status_code == 302

    def test_signing_in_again_asks_for_the_code_and_accepts_a_recovery_code_once(
        self, client, superuser
    ):
        sign_in(client, superuser)
        redeem_enrolment_link(client, superuser)
        setup_page = client.get(reverse("two_factor_setup"))
        client.post(reverse("two_factor_setup"), {"token": app_code(setup_page)})
        code = StaticToken.objects.filter(device__user=superuser).first().token
        client.logout()

        sign_in(client, superuser)
        assert client.get(ADMIN_INDEX)["Location"].startswith(
            reverse("two_factor_verify")
        )
        client.post(reverse("two_factor_verify"), {"token": code})

        assert client.get(ADMIN_INDEX).status_code == 200
        assert not StaticToken.objects.filter(token=code).exists()

    def test_staff_who_cannot_see_inquiries_need_one_too(self, client, db):
        editor = StaffFactory()  # no permission on inquiries

        sign_in(client, editor)

        assert client.get(ADMIN_INDEX)["Location"].startswith(
            reverse("two_factor_enrol")
        )
