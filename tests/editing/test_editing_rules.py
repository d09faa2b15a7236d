"""The editing rules the code states once, as system checks."""

import pytest
import reversion
from django.contrib.admin import AdminSite, ModelAdmin
from django.core import checks

from admissions.models import Inquiry
from blog.models import Article
from editing.content_admin import ContentAdmin, content_admins_on_content_only


def test_the_project_gives_content_admins_to_content_only():
    assert content_admins_on_content_only() == []
    assert not [
        message
        for message in checks.run_checks(tags=[checks.Tags.admin])
        if message.id == "editing.E002"
    ]


@pytest.fixture
def inquiries_left_unversioned():
    """A content admin registers its model with django-reversion, for the whole process:
    left registered, inquiries looked versioned to every later test in the worker (the
    admin walk then expected a compare page for them, and failed when it ran after)."""
    assert not reversion.is_registered(Inquiry)
    yield
    if reversion.is_registered(Inquiry):
        reversion.unregister(Inquiry)


def test_a_content_admin_on_inquiries_fails_the_check(inquiries_left_unversioned):
    site = AdminSite(name="elsewhere")
    site.register(Inquiry, ContentAdmin)
    site.register(Article, ContentAdmin)

    errors = content_admins_on_content_only(site=site)

    assert [(error.id, error.obj) for error in errors] == [
        ("editing.E002", ContentAdmin)
    ]
    assert "admissions.Inquiry" in errors[0].msg


def test_a_plain_admin_on_inquiries_passes():
    site = AdminSite(name="elsewhere")
    site.register(Inquiry, ModelAdmin)

    assert content_admins_on_content_only(site=site) == []
