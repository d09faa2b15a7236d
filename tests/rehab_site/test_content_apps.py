"""The content apps say so themselves (rehab_site/content_apps.py): the cache and the
Marketing role ask the registry rather than a list written in the core."""

from django.contrib.auth.models import Group

from rehab_site.content_apps import content_app_labels
from staff_access.roles import MARKETING


def test_each_content_app_registers_itself_and_no_other_does():
    assert content_app_labels() == {
        "website",
        "editing",
        "pictures",
        "blog",
        "programs",
        "accreditations",
    }


def test_marketing_may_change_every_content_app_and_no_inquiry(db):
    labels = set(
        Group.objects.get(name=MARKETING)
        .permissions.filter(codename__startswith="change_")
        .values_list("content_type__app_label", flat=True)
    )
    assert labels == content_app_labels()
