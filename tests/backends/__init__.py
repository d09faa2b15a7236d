"""The test suite's database backends: Django's own, emptying the database between
transactional tests (those a live server or a second connection needs) more cheaply.

Django's flush TRUNCATEs every table on PostgreSQL (0.23 s for this schema) and then
re-creates every content type and permission by the post_migrate signal (0.24 s). Here the
flush DELETEs rows instead and leaves the content types and permissions where they are,
since only migrations change them: 0.075 s a flush, post_migrate included (measured on an
empty test database; README, "Testing"). Everything else is Django's backend as
production runs it.
"""

# Rows only migrations make: post_migrate would put the same ones back at once.
KEPT_TABLES = {"django_content_type", "auth_permission"}

ENGINES = {
    "django.db.backends.postgresql": "tests.backends.postgresql",
    "django.db.backends.sqlite3": "tests.backends.sqlite3",
}


def flushed(tables) -> list:
    return [table for table in tables if table not in KEPT_TABLES]
