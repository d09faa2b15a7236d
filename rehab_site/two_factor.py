"""Setting up and passing the second factor for staff: a TOTP authenticator app, plus ten
single-use recovery codes shown once."""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


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


def _next_url(request) -> str:
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "admin:index"


def _qr_svg(url: str) -> str:
    output = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(
        output
    )
    return mark_safe(output.getvalue().decode())


@sensitive_post_parameters("token")
def setup(request):
    """Pair an authenticator app: scan the code, confirm one token, get recovery codes."""
    if has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect("two_factor_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                codes = _new_recovery_codes(request.user)
            otp_login(request, device)
            context = {
                **admin.site.each_context(request),
                "codes": codes,
                "next": _next_url(request),
                "title": "Save your recovery codes",
            }
            return render(request, "two_factor/recovery_codes.html", context)
        form.add_error(
            "token",
            "That code did not match. Check the time on your phone and try the newest code.",
        )
    context = {
        **admin.site.each_context(request),
        "title": "Set up two-factor sign-in",
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": b32encode(device.bin_key).decode().rstrip("="),
        "next": request.GET.get("next", ""),
    }
    return render(request, "two_factor/setup.html", context)


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
    context = {
        **admin.site.each_context(request),
        "title": "Two-factor sign-in",
        "form": form,
        "next": request.GET.get("next", ""),
    }
    return render(request, "two_factor/verify.html", context)


def _new_recovery_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes
