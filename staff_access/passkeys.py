"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn.

The library's registration views are used as they are, with its documented hook
`check_can_register` refusing a session that may not enrol (no redeemed enrolment link, no
second factor yet): the same rule as the authenticator-app setup. Passkeys are a second
factor only; signing in still starts with the password (no passwordless login).
"""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from staff_access.two_factor import finish_enrolment, may_enrol


class EnrolmentLinkNeeded(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = (
        "Adding a passkey needs an enrolment link from an administrator, or a sign-in "
        "with your existing second factor."
    )
    default_code = "enrolment_link_needed"


class EnrolmentRequired:
    def check_can_register(self):
        if not may_enrol(self.request):
            raise EnrolmentLinkNeeded()


class BeginPasskeyRegistration(EnrolmentRequired, BeginCredentialRegistrationView):
    pass


class CompletePasskeyRegistration(
    EnrolmentRequired, CompleteCredentialRegistrationView
):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            finish_enrolment(self.request)
        return response


# The names django-otp-webauthn's template tags reverse.
app_name = "otp_webauthn"
urlpatterns = [
    path(
        "registration/begin/",
        BeginPasskeyRegistration.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompletePasskeyRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteCredentialAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
