"""Every staff account needs a second factor, and setting one up needs an enrolment link
that an administrator issued (issue 14 item 6, issue 17 item 7)."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from rehab_site.models import EnrolmentLink
from tests.admissions.factories import marketing_user
from tests.factories import PASSWORD, StaffFactory

pytestmark = pytest.mark.django_db

ENROL = "/admin/two-factor/enrol/"


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
        "path", ["/admin/", "/admin/rehab_site/sitesettings/", "/admin/blog/article/"]
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

    def test_opening_the_link_only_fills_the_form(self, client):
        user = marketing_user()
        link, code = EnrolmentLink.issue(user)
        sign_in(client, user)

        page = client.get(reverse("two_factor_enrol_link", kwargs={"code": code}))

        assert code in page.content.decode()
        link.refresh_from_db()
        assert link.used_at is None

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
            reverse("admin:rehab_site_enrolmentlink_add"), {"user": staff_member.pk}
        )

        page = response.content.decode()
        link = EnrolmentLink.objects.get()
        assert link.user == staff_member
        assert link.issued_by == administrator
        assert link.expires_at - link.issued_at == timedelta(days=1)
        assert "Send this to Sam Ortiz" in page
        code = response.context["code"].replace("-", "")
        assert f"http://testserver{ENROL}{code}/" in page
        listing = client.get(reverse("admin:rehab_site_enrolmentlink_changelist"))
        assert code not in listing.content.decode()

    def test_staff_who_are_not_administrators_cannot_issue_links(
        self, client, settings
    ):
        settings.REQUIRE_TWO_FACTOR = False
        client.force_login(marketing_user())

        response = client.post(
            reverse("admin:rehab_site_enrolmentlink_add"),
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
