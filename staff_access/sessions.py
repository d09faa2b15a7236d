"""Staff sign-in hardening: idle sessions expire, and every staff account must pass a
second factor (a passkey, an authenticator app or a recovery code) before the admin opens."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

LAST_ACTIVITY_KEY = "staff_last_activity"
# The last request a person made (not a change form's keep-alive ping): the keep-alive's cap
# counts from it (editing/content_admin.py).
LAST_REQUEST_KEY = "staff_last_request"
# Writing the session on every request would cost a database write per page view.
ACTIVITY_RESOLUTION_SECONDS = 60


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class NoSessionNoUserMiddleware:
    """A request without a session cookie is nobody signed in: `request.user` is the
    anonymous user at once, without asking the session. Asking an empty session still
    marks it read, and Django then adds `Vary: Cookie` to the response, which makes every
    cache keep one copy of a public page per cookie a browser sends (bench/results.md).
    So no public view or template can bring it back by reading `request.user`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not has_session(request):
            request.user = AnonymousUser()
        return self.get_response(request)


def needs_two_factor(user) -> bool:
    """Who must use a second factor: every active staff account. Marketing can change the
    phone number printed on every page, so it is guarded like the inquiries."""
    return settings.REQUIRE_TWO_FACTOR and user.is_active and user.is_staff


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; not even asking keeps public pages
        # free of the session, and so of "Vary: Cookie" (see rehab_site/caching.py).
        if has_session(request) and request.user.is_authenticated:
            now = time.time()
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    "You were signed out after a period of inactivity. Please sign in again.",
                )
                if request.path.startswith(
                    f"/{settings.ADMIN_URL}"
                ) and request.path != reverse("admin_keep_alive"):
                    return redirect(f"{reverse('admin:login')}?next={request.path}")
            elif request.path != reverse("admin_keep_alive"):
                # (a keep-alive ping is not activity: the view decides about it)
                for key in (LAST_ACTIVITY_KEY, LAST_REQUEST_KEY):
                    seen = request.session.get(key)
                    if seen is None or now - seen > ACTIVITY_RESOLUTION_SECONDS:
                        request.session[key] = now
        return self.get_response(request)


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not has_session(request):
            return self.get_response(request)
        user = request.user
        if (
            user.is_authenticated
            and request.path.startswith(f"/{settings.ADMIN_URL}")
            and not self._is_exempt(request.path)
            and needs_two_factor(user)
            and not user.is_verified()
        ):
            from staff_access.two_factor import has_confirmed_device

            target = (
                "two_factor_verify"
                if has_confirmed_device(user)
                else "two_factor_enrol"
            )
            return redirect(f"{reverse(target)}?next={request.path}")
        return self.get_response(request)

    @staticmethod
    def _is_exempt(path: str) -> bool:
        """The pages that set up or ask for the second factor (each checks what it allows)."""
        exempt = [
            reverse("two_factor_setup"),
            reverse("two_factor_verify"),
            reverse("two_factor_recovery_codes"),
            reverse("admin:logout"),
            reverse("admin:login"),
        ]
        prefixes = [
            reverse("two_factor_enrol"),
            reverse("admin:jsi18n"),
            reverse("otp_webauthn:js-i18n-catalog").removesuffix("jsi18n/"),
        ]
        return path in exempt or path.startswith(tuple(prefixes))
