"""The Admissions and Marketing groups, kept in step with the models after every migrate."""

import pytest
from django.contrib.auth.models import Group, Permission

from staff_access.roles import ADMISSIONS, MARKETING, sync_roles

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_admissions_works_inquiries_but_cannot_delete_them_or_touch_the_access_log():
    permissions = codenames(ADMISSIONS)

    assert {
        "admissions.view_inquiry",
        "admissions.change_inquiry",
        "admissions.add_inquirynote",
        "admissions.view_accesslog",
        "admissions.view_attributionreport",
    } <= permissions
    assert "admissions.delete_inquiry" not in permissions
    assert "admissions.view_firstcontactreport" in permissions
    assert "admissions.change_accesslog" not in permissions
    assert "admissions.delete_accesslog" not in permissions
    assert "admissions.change_inquirynote" not in permissions
    assert not any(
        permission.startswith(("blog.", "programs.")) for permission in permissions
    )


def test_marketing_has_every_content_permission_and_only_the_report_from_admissions():
    permissions = codenames(MARKETING)
    content = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.filter(
            content_type__app_label__in=["website", "editing", "blog", "programs"]
        ).values_list("content_type__app_label", "codename")
    }

    assert content <= permissions
    assert "programs.change_program" in permissions
    assert "website.change_sitesettings" in permissions
    assert {p for p in permissions if p.startswith("admissions.")} == {
        "admissions.view_attributionreport"
    }


def test_permissions_of_models_added_later_reach_marketing_on_the_next_sync():
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.create(app_label="blog", model="newsletter")
    Permission.objects.create(
        content_type=content_type,
        codename="change_newsletter",
        name="Can change newsletter",
    )

    sync_roles()

    assert "blog.change_newsletter" in codenames(MARKETING)
    assert "blog.change_newsletter" not in codenames(ADMISSIONS)
