"""The suite's database backends (tests/backends) empty the database as Django's flush
does, except for the content types and permissions that only migrations make."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from blog.models import Category
from tests.backends.postgresql.base import DatabaseOperations as PostgreSQLOperations
from tests.backends.sqlite3.base import DatabaseOperations as SQLiteOperations


def test_the_suite_runs_on_its_own_backends():
    assert isinstance(connection.ops, (PostgreSQLOperations, SQLiteOperations))


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_content_tables_and_keeps_content_types_and_permissions():
    Category.objects.create(name="Recovery", slug="recovery")
    content_types = set(ContentType.objects.values_list("pk", flat=True))
    permissions = set(Permission.objects.values_list("pk", flat=True))

    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)

    assert not Category.objects.exists()
    assert set(ContentType.objects.values_list("pk", flat=True)) == content_types
    assert set(Permission.objects.values_list("pk", flat=True)) == permissions
    # post_migrate ran as after Django's flush: the roles are back.
    assert Group.objects.exists()


@pytest.mark.django_db
def test_the_site_starts_without_a_warning_on_either_database():
    # `make run` (SQLite) and production (PostgreSQL) open with Django's system checks:
    # any warning would be the first thing a newcomer reads.
    call_command("check", "--database", "default", fail_level="WARNING")
