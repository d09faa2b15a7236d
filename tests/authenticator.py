"""What a staff member's authenticator app does in tests: read the key the setup page
shows (for people who cannot scan the QR code) and give the code for now."""

from base64 import b32decode

from django_otp.oath import totp


def code_for_shown_key(shown_key: str) -> str:
    """The six-digit code an app given `shown_key` (base32, unpadded) shows now, with
    django-otp's defaults for a new authenticator (30-second steps from 0, six digits)."""
    padded = shown_key + "=" * (-len(shown_key) % 8)
    return f"{totp(b32decode(padded)):06d}"
