"""Setting up and passing the second factor for staff: a passkey (WebAuthn, through
django-otp-webauthn) or a TOTP authenticator app, plus ten single-use recovery codes shown
once.

Setting one up needs a one-time enrolment link that an administrator issued
(staff_access.models.EnrolmentLink): a stolen password alone never lets anyone enrol their
own authenticator. Staff already signed in with a second factor may add another.

The code never travels in a request line, where web-server and proxy logs would keep it:
an issued link carries it after `#` (browsers never send that part), and the page it opens
posts it into the session; a link with the code in its path (as links were issued before)
moves it into the session and redirects at once, as Django's password reset does with its
token. Wrong codes are counted per account and per address in the shared cache and paused
after AXES_FAILURE_LIMIT, like sign-in.
"""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from django_otp_webauthn.models import WebAuthnCredential

from rehab_site.network import client_ip
from rehab_site.rate_limits import count_attempt, take_back_attempt
from staff_access.models import (
    EnrolmentLink,
    EnrolmentRefused,
    format_code,
    normalize_code,
)

RECOVERY_CODE_COUNT = 10
# The enrolment link this session redeemed: it allows setting up a factor until it expires.
ENROLMENT_SESSION_KEY = "two_factor_enrolment_link"
# A code that arrived in a link, kept until the staff member presses Continue.
HELD_CODE_SESSION_KEY = "two_factor_enrolment_code"
# Longer than any code: what a session keeps of whatever a link carried.
HELD_CODE_MAX_LENGTH = 40
# The secret of the authenticator app being paired, kept until its first code is posted.
APP_KEY_SESSION_KEY = "two_factor_app_key"


class EnrolmentThrottled(EnrolmentRefused):
    """Too many wrong codes for this account or from this address, for now."""


def has_confirmed_device(user) -> bool:
    """A passkey, an authenticator app or recovery codes."""
    return user_has_device(user, confirmed=True)


def may_enrol(request) -> bool:
    """May this session set up a second factor? Signed in with one already, or holding a
    redeemed enrolment link of this user that has not expired."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_verified():
        return True
    link_id = request.session.get(ENROLMENT_SESSION_KEY)
    return (
        link_id is not None
        and EnrolmentLink.objects.filter(
            pk=link_id,
            user=user,
            used_at__isnull=False,
            expires_at__gt=timezone.now(),
        ).exists()
    )


def finish_enrolment(request) -> None:
    request.session.pop(ENROLMENT_SESSION_KEY, None)


def enrolment_link(base_url: str, code: str) -> str:
    """The address to send a staff member: the code after `#`, which browsers never send
    to a server, so no access log or proxy ever records it."""
    return f"{base_url.rstrip('/')}{reverse('two_factor_enrol_from_link')}#{format_code(code)}"


def hold_code(request, code: str) -> None:
    request.session[HELD_CODE_SESSION_KEY] = normalize_code(code)[:HELD_CODE_MAX_LENGTH]


def throttle_keys(request) -> list[str]:
    return [
        f"two_factor:enrol:account:{request.user.pk}",
        f"two_factor:enrol:address:{client_ip(request) or 'unknown'}",
    ]


def wrong_codes_window_seconds() -> int:
    return max(60, round(settings.AXES_COOLOFF_TIME * 3600))


def too_many_wrong_codes_message() -> str:
    minutes = wrong_codes_window_seconds() // 60
    wait = "an hour" if minutes == 60 else f"{minutes} minutes"
    return (
        "Too many wrong enrolment codes were tried for this account or from this network, "
        f"so codes are not being checked for {wait}. Try again later, or ask an "
        "administrator for a new link."
    )


def redeem_within_limits(request, code: str):
    """Redeem `code` for the signed-in user, counting the attempt per account and per
    address first; a code that works is not counted. Raises EnrolmentRefused."""
    keys = throttle_keys(request)
    window = wrong_codes_window_seconds()
    counts = [
        count_attempt(key, window, limit_name="Enrolment code limit") for key in keys
    ]
    if any(count > settings.AXES_FAILURE_LIMIT for count in counts):
        raise EnrolmentThrottled(too_many_wrong_codes_message())
    link = EnrolmentLink.redeem(request.user, code)
    for key in keys:
        take_back_attempt(key)
    return link


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
        help_text="The six-digit code from your authenticator app, or one of your recovery codes.",
    )


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(
        label="Enrolment code",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="The code in the enrolment link an administrator sent you, for example ABCD-EFGH-JKMN-PQRS.",
    )


def _next_url(request) -> str:
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("admin:index")


def _with_next(view_name: str, request, **kwargs) -> str:
    return f"{reverse(view_name, kwargs=kwargs or None)}?next={_next_url(request)}"


def _qr_svg(url: str) -> str:
    output = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(
        output
    )
    return mark_safe(output.getvalue().decode())


def _page(request, template: str, title: str, status: int = 200, **context):
    context = {
        **admin.site.each_context(request),
        "title": title,
        "next": _next_url(request),
        **context,
    }
    return render(request, template, context, status=status)


@never_cache
@sensitive_variables("code")
def enrol_link(request, code: str):
    """A link with the code in its path: take the code out of the address before anything
    else (signing in included) can copy it into a log, a `next` parameter or a Referer.
    Signed in, the code goes into the session, as Django's password reset does with its
    token; otherwise to the link page, after `#` (no session is made for a bare GET)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('two_factor_enrol_from_link')}#{format_code(code)}")
    hold_code(request, code)
    return redirect("two_factor_enrol")


@never_cache
@sensitive_variables("code")
@sensitive_post_parameters("code")
def enrol_from_link(request):
    """The page an enrolment link opens. Its script (js/admin/enrol-link.js) posts the code
    from after the link's `#` here, signed in or not; the code is kept in the session and
    the staff member goes on to sign in and press Continue."""
    form = EnrolmentCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hold_code(request, form.cleaned_data["code"])
        return redirect("two_factor_enrol")
    return _page(
        request,
        "two_factor/enrol_from_link.html",
        "Set up two-factor sign-in",
        form=form,
    )


@sensitive_variables("code")
@sensitive_post_parameters("code")
def enrol(request):
    """Redeem an enrolment code (from a link, or typed in), then go on to set up a factor.

    A link only fills in the form; the code is used when the staff member presses the
    button, so a mail scanner that follows links cannot use it up.
    """
    if has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect(_with_next("two_factor_verify", request))
    if may_enrol(request):
        return redirect(_with_next("two_factor_setup", request))
    held = request.session.get(HELD_CODE_SESSION_KEY, "")
    form = EnrolmentCodeForm(request.POST or None, initial={"code": format_code(held)})
    status = 200
    if request.method == "POST" and form.is_valid():
        request.session.pop(HELD_CODE_SESSION_KEY, None)
        try:
            link = redeem_within_limits(request, form.cleaned_data["code"])
        except EnrolmentThrottled as refusal:
            form.add_error("code", str(refusal))
            status = 429
        except EnrolmentRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            request.session[ENROLMENT_SESSION_KEY] = link.pk
            return redirect(_with_next("two_factor_setup", request))
    return _page(
        request,
        "two_factor/enrol.html",
        "Set up two-factor sign-in",
        status=status,
        form=form,
        from_link=bool(held),
    )


def _app_being_paired(request) -> TOTPDevice:
    """The authenticator app this session is pairing, not yet saved: its secret waits in
    the session, so opening the setup page writes nothing. The first code posted stores
    it (unconfirmed), which is what lets django-otp throttle wrong codes."""
    key = request.session.get(APP_KEY_SESSION_KEY)
    if key is None:
        key = request.session[APP_KEY_SESSION_KEY] = default_key()
    return TOTPDevice(
        user=request.user, name="Authenticator app", key=key, confirmed=False
    )


def _stored(device: TOTPDevice) -> TOTPDevice:
    """The unconfirmed row for this app's secret (made on its first code), so that
    failed tries count against it."""
    stored, _ = TOTPDevice.objects.get_or_create(
        user=device.user,
        key=device.key,
        confirmed=False,
        defaults={"name": device.name},
    )
    return stored


@sensitive_post_parameters("token")
def setup(request):
    """Choose a passkey, or pair an authenticator app: scan the code, confirm one token,
    get recovery codes."""
    if has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect(_with_next("two_factor_verify", request))
    if not may_enrol(request):
        return redirect(_with_next("two_factor_enrol", request))
    device = _app_being_paired(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _stored(device)
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error(
                "token",
                "After a wrong code, each try waits a little longer. Wait a few "
                "seconds, then type the newest code.",
            )
        elif device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                TOTPDevice.objects.filter(
                    user=request.user, confirmed=False
                ).delete()  # apps whose pairing was left unfinished
                codes = _new_recovery_codes(request.user)
            del request.session[APP_KEY_SESSION_KEY]
            otp_login(request, device)
            finish_enrolment(request)
            return _recovery_codes_page(request, codes)
        else:
            form.add_error(
                "token",
                "That code did not match. Check the time on your phone and try the "
                "newest code.",
            )
    return _page(
        request,
        "two_factor/setup.html",
        "Set up two-factor sign-in",
        form=form,
        qr_svg=_qr_svg(device.config_url),
        secret=b32encode(device.bin_key).decode().rstrip("="),
    )


def recovery_codes(request):
    """After a passkey is registered: recovery codes, once, for when the key is lost. The
    page asks first and makes them on the POST, so opening it writes nothing."""
    if not request.user.is_verified():
        return redirect(_with_next("two_factor_verify", request))
    if StaticToken.objects.filter(device__user=request.user).exists():
        return redirect(_next_url(request))
    if request.method == "POST":
        return _recovery_codes_page(request, _new_recovery_codes(request.user))
    return _page(
        request, "two_factor/make_recovery_codes.html", "Make your recovery codes"
    )


@sensitive_post_parameters("token")
def verify(request):
    """Ask for the second factor of a signed-in user who already set one up."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(
            request.user, form.cleaned_data["token"].strip().replace(" ", "")
        )
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "token",
            "That code did not match. Try the newest code from your app, or a recovery code.",
        )
    return _page(
        request,
        "two_factor/verify.html",
        "Two-factor sign-in",
        form=form,
        has_passkey=WebAuthnCredential.objects.filter(
            user=request.user, confirmed=True
        ).exists(),
        has_app=TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
    )


def _recovery_codes_page(request, codes: list[str]):
    return _page(
        request,
        "two_factor/recovery_codes.html",
        "Save your recovery codes",
        codes=codes,
    )


def _new_recovery_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes
