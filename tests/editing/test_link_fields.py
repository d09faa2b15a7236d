"""Every address a person can type, on any model or form of any app of this project, goes
through the one allowlist in editing/links.py (issue 23, item 4): ftp:, javascript:,
data:, file: and every other scheme a link must not have are refused with a clear message,
in the model, in a ModelForm, in the admin's own forms and in the database."""

import pytest
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.forms import modelform_factory
from django.test.utils import isolate_apps

from accreditations.models import Accreditation
from editing.links import (
    LINK_MESSAGE,
    SITE_PATH_MESSAGE,
    WEB_ADDRESS_MESSAGE,
    WebAddressField,
    WebAddressFormField,
    check_every_link_field,
    link_field_problem,
    project_app_configs,
)
from programs.models import Video
from tests.accreditations.factories import AccreditationFactory
from tests.admin_forms import change_form_data, every_admin_form
from tests.factories import UserFactory
from tests.programs.factories import PageFactory

pytestmark = pytest.mark.django_db

CLEAR_MESSAGES = {LINK_MESSAGE, SITE_PATH_MESSAGE, WEB_ADDRESS_MESSAGE}
DISALLOWED = [
    "ftp://files.example.org/accreditation.pdf",
    "FTP://files.example.org/",
    "sftp://files.example.org/",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "gopher://example.org/",
    "ws://example.org/socket",
    "blob:https://example.org/1234",
    "about:blank",
    "chrome://settings",
    "intent://scan/#Intent;scheme=zxing;end",
]
# Words a field's name ends in when it holds an address; other words ("programs_link_label")
# mean words about a link.
LINK_WORDS = ("url", "uri", "href", "link", "path", "page", "website")


def project_models():
    for config in project_app_configs():
        yield from config.get_models()


def typed_link_fields():
    """Every field of this project's models that a form could put a typed address in."""
    for model in project_models():
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is not model or not field.editable:
                continue
            if isinstance(field, models.URLField) or (
                isinstance(field, models.CharField | models.TextField)
                and field.name.endswith(LINK_WORDS)
            ):
                yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


LINK_FIELDS = list(typed_link_fields())


def test_the_walk_finds_the_fields_the_issue_names():
    found = {param.id for param in LINK_FIELDS}

    assert {
        "accreditations.Accreditation.verification_url",
        "programs.Video.transcript_url",
        "programs.Video.embed_url",
        "website.MenuItem.url",
        "editing.Redirect.new_path",
        "website.SiteSettings.facebook_url",
    } <= found


def test_no_field_of_any_app_escapes_the_allowlist():
    assert check_every_link_field() == []


@pytest.mark.parametrize("field", LINK_FIELDS)
def test_every_url_field_is_a_web_address_field(field):
    if isinstance(field, models.URLField):
        assert isinstance(field, WebAddressField)
        assert isinstance(field.formfield(), WebAddressFormField)


@pytest.mark.parametrize("value", DISALLOWED)
@pytest.mark.parametrize("field", LINK_FIELDS)
def test_the_model_refuses_other_schemes_with_a_clear_message(field, value):
    with pytest.raises(ValidationError) as refused:
        field.clean(value, field.model())

    assert set(refused.value.messages) & CLEAR_MESSAGES, refused.value.messages


@pytest.mark.parametrize("value", DISALLOWED)
@pytest.mark.parametrize("field", LINK_FIELDS)
def test_a_model_form_refuses_other_schemes_with_a_clear_message(field, value):
    form_class = modelform_factory(field.model, fields=[field.name])

    form = form_class(data={field.name: value})

    assert not form.is_valid()
    assert set(form.errors[field.name]) & CLEAR_MESSAGES, form.errors[field.name]


def test_every_admin_form_refuses_other_schemes_in_every_link_field():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    link_fields = {
        (param.values[0].model, param.values[0].name) for param in LINK_FIELDS
    }
    checked = set()
    problems = []
    for model, form_class in every_admin_form(superuser):
        for name, form_field in form_class.base_fields.items():
            if isinstance(form_field, forms.URLField) and not isinstance(
                form_field, WebAddressFormField
            ):
                problems.append(f"{form_class.__name__}.{name} is a plain URLField")
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if (model_field.model, name) not in link_fields:
                continue
            checked.add((model_field.model, name))
            for value in DISALLOWED:
                form = form_class(data={name: value}, instance=model())
                errors = form.errors.get(name, [])
                if not set(errors) & CLEAR_MESSAGES:
                    problems.append(f"{model.__name__}.{name} took {value!r}: {errors}")
    assert not problems, problems
    assert ("Accreditation", "verification_url") in {
        (model.__name__, name) for model, name in checked
    }
    assert ("Video", "transcript_url") in {
        (model.__name__, name) for model, name in checked
    }


@isolate_apps("website")
def test_the_check_names_a_plain_url_field_and_an_unchecked_link_field():
    class Careless(models.Model):
        website = models.URLField()
        donate_link = models.CharField(max_length=200)
        site_link = models.CharField(max_length=200, editable=False)
        link_label = models.CharField(max_length=200)

        class Meta:
            app_label = "website"

        def __str__(self) -> str:
            return self.website

    problems = {
        field.name: link_field_problem(field) for field in Careless._meta.get_fields()
    }

    assert "use editing.links.WebAddressField" in problems["website"]
    assert "no validator from editing.links" in problems["donate_link"]
    assert problems["site_link"] is None  # the site fills it; no form can
    assert problems["link_label"] is None


@pytest.mark.parametrize("value", ["ftp://files.example.org/x", "javascript:alert(1)"])
def test_the_database_refuses_other_schemes_from_an_import_or_the_shell(value):
    accreditation = AccreditationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Accreditation.objects.filter(pk=accreditation.pk).update(verification_url=value)

    video = Video.objects.create(
        page=PageFactory(),
        title="Family week",
        embed_url="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Video.objects.filter(pk=video.pk).update(transcript_url=value)


def test_the_accreditation_form_in_the_admin_says_why_ftp_is_refused(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    accreditation = AccreditationFactory()
    url = f"/admin/accreditations/accreditation/{accreditation.pk}/change/"
    data = change_form_data(client, url)
    data["verification_url"] = "ftp://files.example.org/certificate.pdf"

    response = client.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert WEB_ADDRESS_MESSAGE in page
    assert 'value="ftp://files.example.org/certificate.pdf"' in page
    accreditation.refresh_from_db()
    assert accreditation.verification_url == "https://www.qualitycheck.org/"
