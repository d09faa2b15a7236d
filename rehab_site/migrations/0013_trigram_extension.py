from django.db import migrations

from rehab_site.database import PostgreSQLTrigramExtension


class Migration(migrations.Migration):
    """PostgreSQL's pg_trgm, once for every app's substring-search index
    (rehab_site/database.py: AddSubstringSearchIndex). Nothing on SQLite."""

    dependencies = [("rehab_site", "0012_models_moved_to_their_apps")]

    operations = [PostgreSQLTrigramExtension()]
