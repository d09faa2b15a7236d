import pytest
from django.db import connection


@pytest.fixture
def warm_site_cache(client):
    """Load the site settings and menus into the cache, as any earlier visitor would."""

    def warm():
        client.get("/no-such-page-to-warm-the-cache/")
        # The query log keeps 9,000 entries; a full log would make every count zero.
        connection.queries_log.clear()

    return warm
