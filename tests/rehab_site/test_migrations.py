"""Migration rehab_site 0012: the site's models moved to the website, editing and
staff_access apps. A database holding the previous schema and rows migrates forward with
nothing lost: the rows, their version history, the admin's log and the staff groups'
permissions all stay with them."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from editing.models import Redirect
from staff_access.models import EnrolmentLink
from tests.migrations import migrate_to_the_latest
from website.models import Menu, SiteSettings

BEFORE = [
    ("rehab_site", "0011_social_links_are_web_address_fields"),
    ("website", None),
    ("editing", None),
    ("staff_access", None),
]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]


def test_rows_history_log_and_permissions_move_with_their_models(old_schema):
    ContentType_ = old_schema.get_model("contenttypes", "ContentType")
    assert not ContentType_.objects.filter(app_label="website").exists()
    site_type = ContentType_.objects.get(app_label="rehab_site", model="sitesettings")
    site = old_schema.get_model("rehab_site", "SiteSettings").objects.create(
        pk=1, name="Willow Ridge Recovery", phone="(828) 555-0100"
    )
    menu = old_schema.get_model("rehab_site", "Menu").objects.create(
        title="Help", slug="help"
    )
    old_schema.get_model("rehab_site", "MenuItem").objects.create(
        menu=menu, label="Call us", url="tel:+18285550100"
    )
    old_schema.get_model("rehab_site", "Redirect").objects.create(
        old_path="/old-detox/", new_path="/detox/"
    )
    User = old_schema.get_model("auth", "User")
    director = User.objects.create(username="director", is_staff=True)
    old_schema.get_model("rehab_site", "EnrolmentLink").objects.create(
        user=director,
        issued_by=director,
        code_hash="0" * 64,
        expires_at="2030-01-01T00:00:00Z",
    )
    revision = old_schema.get_model("reversion", "Revision").objects.create(
        date_created="2026-01-01T00:00:00Z", comment="Phone number changed"
    )
    old_schema.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id=str(site.pk),
        content_type=site_type,
        db="default",
        format="json",
        serialized_data="[]",
        object_repr=site.name,
    )
    old_schema.get_model("admin", "LogEntry").objects.create(
        action_time="2026-01-01T00:00:00Z",
        user=director,
        content_type=site_type,
        object_id=str(site.pk),
        object_repr=site.name,
        action_flag=2,
    )
    change_site = old_schema.get_model("auth", "Permission").objects.get(
        content_type=site_type, codename="change_sitesettings"
    )
    editors = old_schema.get_model("auth", "Group").objects.create(name="Web editors")
    editors.permissions.add(change_site)

    migrate_to_the_latest()

    site = SiteSettings.objects.get()
    assert (site.name, site.phone) == ("Willow Ridge Recovery", "(828) 555-0100")
    assert [item.label for item in Menu.objects.get(slug="help").items.all()] == [
        "Call us"
    ]
    assert Redirect.objects.get().new_path == "/detox/"
    assert EnrolmentLink.objects.get().user.username == "director"
    site_type_now = ContentType.objects.get_for_model(SiteSettings)
    assert site_type_now.pk == site_type.pk
    assert site_type_now.app_label == "website"
    assert not ContentType.objects.filter(app_label="rehab_site").exists()
    assert [v.revision.comment for v in Version.objects.get_for_object(site)] == [
        "Phone number changed"
    ]
    assert LogEntry.objects.get().get_edited_object() == site
    assert list(
        Group.objects.get(name="Web editors").permissions.values_list(
            "content_type__app_label", "codename"
        )
    ) == [("website", "change_sitesettings")]
