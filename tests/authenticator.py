"""What a staff member's authenticator app does in tests: give the code for now, from a
paired device or from the key the setup page shows (for people who cannot scan the QR
code)."""

from base64 import b32decode

from django_otp.oath import totp


def code_for(device) -> str:
    """The six-digit code an app paired with `device` (a TOTPDevice) shows now."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def code_for_shown_key(shown_key: str) -> str:
    """The six-digit code an app given `shown_key` (base32, unpadded) shows now, with
    django-otp's defaults for a new authenticator (30-second steps from 0, six digits)."""
    padded = shown_key + "=" * (-len(shown_key) % 8)
    return f"{totp(b32decode(padded)):06d}"
