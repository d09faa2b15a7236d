"""Where a link that staff type may lead: the rule for every staff-typed URL on the site.

A menu item may lead to a path on this site or to an http(s), tel:, sms: or mailto:
address; a redirect and the address it answers only to paths on this site; every other
web address (profile links, an accreditation's verification page, a video's transcript)
only to an http(s) address, through `WebAddressField`. Each rule exists three times, on
purpose:
- a validator on the model field, which gives the admin (and full_clean) a clear message;
- a database check constraint (the regular expressions below, in PostgreSQL's syntax), so
  imports, fixtures and the shell cannot store what the admin refuses;
- a test on output (``is_safe_link`` and friends), so a row stored before the rule existed
  is left out of the page rather than rendered.

`check_every_link_field` (a system check, so `manage.py check`, `migrate` and the test
suite all run it) fails for any model field a person can type a URL into that does not
use one of these rules: a `URLField` that is not a `WebAddressField` (Django's own accepts
ftp: and any scheme it is given), or a text field named like a link without a validator
from here.
"""

from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models

# Anything a browser drops or rewrites inside a URL: it turns "/\t/evil.example" into
# "//evil.example" and reads a backslash as "/". The expressions are written to mean the same in
# PostgreSQL and in Python's re (which SQLite uses for `make run`): no POSIX classes, and
# \A and \Z for the ends of the text (Python's $ also matches before a final line break).
_SAFE_CHARACTER = r"[^\x01-\x20\x7f\\]"
_FIRST_PATH_CHARACTER = r"[^/\x01-\x20\x7f\\]"
SITE_PATH_REGEX = rf"\A/({_FIRST_PATH_CHARACTER}{_SAFE_CHARACTER}*)?\Z"
WEB_ADDRESS_REGEX = rf"\Ahttps?://{_SAFE_CHARACTER}+\Z"
LINK_REGEX = (
    rf"\A(/({_FIRST_PATH_CHARACTER}{_SAFE_CHARACTER}*)?"
    rf"|https?://{_SAFE_CHARACTER}+"
    r"|(tel|sms):\+?[0-9().-]+"
    rf"|mailto:{_SAFE_CHARACTER}+@{_SAFE_CHARACTER}+)\Z"
)

SITE_PATH_MESSAGE = (
    "Use a path on this site: it starts with a single / (for example /admissions/) and "
    "has no spaces or backslashes."
)
LINK_MESSAGE = (
    "Use a path on this site (/admissions/), a full web address (https://…), or a "
    "tel:, sms: or mailto: link. Other kinds of link, such as javascript:, are refused."
)
WEB_ADDRESS_MESSAGE = "Use a full web address that starts with https:// or http://."

_web_address = URLValidator(schemes=["http", "https"])
_email = EmailValidator()
_PHONE_CHARACTERS = set("0123456789().-")


def _has_unsafe_character(value: str) -> bool:
    return any(
        character.isspace() or ord(character) < 32 or ord(character) == 127
        for character in value
    ) or ("\\" in value)


def is_site_path(value: str) -> bool:
    return (
        value.startswith("/")
        and not value.startswith("//")
        and not _has_unsafe_character(value)
    )


def is_web_address(value: str) -> bool:
    if _has_unsafe_character(value) or not value.lower().startswith(
        ("http://", "https://")
    ):
        return False
    try:
        _web_address(value)
    except ValidationError:
        return False
    return True


def _is_phone_link(value: str) -> bool:
    scheme, _, number = value.partition(":")
    number = number.removeprefix("+")
    return (
        scheme.lower() in ("tel", "sms")
        and bool(number)
        and set(number) <= _PHONE_CHARACTERS
        and any(character.isdigit() for character in number)
    )


def _is_mail_link(value: str) -> bool:
    scheme, _, address = value.partition(":")
    if scheme.lower() != "mailto" or _has_unsafe_character(address):
        return False
    try:
        _email(address)
    except ValidationError:
        return False
    return True


def is_safe_link(value: str) -> bool:
    """Whether a staff-typed link may be rendered as an href."""
    return (
        is_site_path(value)
        or is_web_address(value)
        or _is_phone_link(value)
        or _is_mail_link(value)
    )


def validate_site_path(value: str) -> None:
    if not is_site_path(value):
        raise ValidationError(SITE_PATH_MESSAGE, code="not_site_path")


def validate_link(value: str) -> None:
    if not is_safe_link(value):
        raise ValidationError(LINK_MESSAGE, code="unsafe_link")


def validate_web_address(value: str) -> None:
    if not is_web_address(value):
        raise ValidationError(WEB_ADDRESS_MESSAGE, code="not_web_address")


def _matches(field: str, regex: str, *, blank: bool) -> models.Q:
    matches = models.Q(**{f"{field}__iregex": regex})
    return models.Q(**{field: ""}) | matches if blank else matches


def site_path_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=_matches(field, SITE_PATH_REGEX, blank=False),
        name=name,
        violation_error_message=SITE_PATH_MESSAGE,
    )


def link_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=_matches(field, LINK_REGEX, blank=True),
        name=name,
        violation_error_message=LINK_MESSAGE,
    )


def web_address_constraint(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=_matches(field, WEB_ADDRESS_REGEX, blank=True),
        name=name,
        violation_error_message=WEB_ADDRESS_MESSAGE,
    )


class WebAddressFormField(forms.URLField):
    """A typed web address: http(s) only, refused with WEB_ADDRESS_MESSAGE otherwise. An
    address typed without a scheme (www.example.org) is read as https."""

    default_validators = [validate_web_address]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebAddressField(models.URLField):
    """The model field for every web address a person types. Django's URLField accepts
    ftp: (and any scheme its validator is given); this one only http(s), with a clear
    message in the admin and in `full_clean`. Pair it with `web_address_constraint`."""

    default_validators = [validate_web_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})


LINK_VALIDATORS = (validate_link, validate_site_path, validate_web_address)
# The last word of a field's name that says it holds an address ("url", "new_path"...).
LINK_NAME_WORDS = {"url", "uri", "href", "link", "path", "page", "website"}


def holds_a_link(field: models.Field) -> bool:
    """A field a person could type an address into: a URLField, or a text field whose
    name ends in a word such as url, link, path or page. Fields no form edits
    (editable=False), such as addresses the site records itself, are not typed."""
    if not field.editable or not field.concrete:
        return False
    if isinstance(field, models.URLField):
        return True
    return (
        isinstance(field, models.CharField | models.TextField)
        and field.name.rsplit("_", 1)[-1] in LINK_NAME_WORDS
    )


def link_field_problem(field: models.Field) -> str | None:
    """Why `field` escapes the rules above, or None when it follows one."""
    if not holds_a_link(field):
        return None
    if isinstance(field, models.URLField) and not isinstance(field, WebAddressField):
        return "is a URLField that accepts ftp: and other schemes; use editing.links.WebAddressField"
    if not any(validator in field.validators for validator in LINK_VALIDATORS):
        return (
            "holds a link but has no validator from editing.links (validate_link, "
            "validate_site_path or validate_web_address); or mark it editable=False if "
            "the site fills it itself"
        )
    return None


def project_app_configs(app_configs=None) -> list:
    """This project's own apps: under the checkout, not in a virtual environment there."""
    return [
        config
        for config in app_configs or apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and "site-packages" not in Path(config.path).parts
    ]


def check_every_link_field(app_configs=None, **kwargs) -> list[checks.Error]:
    """editing.E001 for each field of this project's apps that escapes the rules."""
    configs = project_app_configs(app_configs)
    return [
        checks.Error(
            f"{model._meta.label}.{field.name} {problem}.",
            obj=field,
            id="editing.E001",
        )
        for config in configs
        for model in config.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "model", None) is model  # a proxy shares its model's fields
        and (problem := link_field_problem(field))
    ]
