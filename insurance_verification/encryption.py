"""Encryption at rest for what an insurance verification carries: the member ID, group
number, dates of birth and the card photos.

cryptography's MultiFernet with the keys in FIELD_ENCRYPTION_KEYS, newest first: new values
are encrypted with the first key, and every key still reads what it wrote, so keys can be
rotated (put a new key first, run `manage.py reencrypt_verifications`, then drop the old
key). A value that no key can read raises EncryptionKeyError: never an empty value.
"""

import datetime
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models


class EncryptionKeyError(ImproperlyConfigured):
    """No key in FIELD_ENCRYPTION_KEYS reads a stored value: the keys are wrong or missing."""


def key_problem(keys: list[str]) -> str:
    """What is wrong with a list of keys, in words for whoever deploys, or ""."""
    if not keys:
        return (
            "FIELD_ENCRYPTION_KEYS is empty: set it to one or more Fernet keys, newest "
            "first (make one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')."
        )
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            return (
                f"FIELD_ENCRYPTION_KEYS: key {position} of {len(keys)} is not a Fernet key "
                "(32 bytes in URL-safe base64, 44 characters)."
            )
    return ""


@cache
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    problem = key_problem(list(keys))
    if problem:
        raise EncryptionKeyError(problem)
    return MultiFernet([Fernet(key) for key in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(data: bytes) -> bytes:
    return cipher().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return cipher().decrypt(token)
    except InvalidToken as error:
        raise EncryptionKeyError(
            "A stored value cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS: "
            "the key it was written with is missing or the keys are wrong."
        ) from error


def rotate(token: bytes) -> bytes:
    """The same value encrypted with the newest key."""
    try:
        return cipher().rotate(token)
    except InvalidToken as error:
        raise EncryptionKeyError(
            "A stored value cannot be decrypted with any key in FIELD_ENCRYPTION_KEYS."
        ) from error


def is_current(token: bytes) -> bool:
    """Whether the newest key wrote this token."""
    newest = Fernet(settings.FIELD_ENCRYPTION_KEYS[0])
    try:
        newest.decrypt(token)
    except InvalidToken:
        return False
    return True


def seal(text: str) -> str:
    """Plain text as the token stored in a column."""
    return encrypt(text.encode("utf-8")).decode("ascii")


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; Python code sees the plain text.

    The column holds only ciphertext, so it cannot be searched or ordered by its value.
    `max_length` limits the plain text (forms check it).
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value.encode("ascii")).decode("utf-8")

    def get_prep_value(self, value):
        if value is None or value == "":
            return value
        return seal(str(value))


class EncryptedDateField(EncryptedTextField):
    """A date stored as the Fernet token of its ISO form; Python code sees a date."""

    description = "Date (encrypted)"

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        return datetime.date.fromisoformat(text) if text else None

    def to_python(self, value):
        if value is None or isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError as error:
            raise ValidationError("Enter a valid date.", code="invalid") from error

    def get_prep_value(self, value):
        if value is None or value == "":
            return None
        return seal(self.to_python(value).isoformat())

    def formfield(self, **kwargs):
        from django import forms

        return super(models.TextField, self).formfield(
            **{"form_class": forms.DateField, **kwargs}
        )

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""
