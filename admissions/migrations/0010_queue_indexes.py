from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Upper

from rehab_site.database import AddSubstringSearchIndex


class Migration(migrations.Migration):
    """The queue at 100,000 inquiries: its open inquiries in order, and its search from
    indexes (names by PostgreSQL's trigram index, email addresses, phone numbers)."""

    dependencies = [
        ("rehab_site", "0013_trigram_extension"),
        ("admissions", "0009_first_contact_on_every_case"),
        ("programs", "0008_video_links_are_web_addresses"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(Upper("email"), name="inquiry_email_upper_idx"),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(
                fields=["received_at"],
                condition=models.Q(status__in=["new", "contacted", "assessment"]),
                name="inquiry_open_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(fields=["phone"], name="inquiry_phone_idx"),
        ),
        AddSubstringSearchIndex("inquiry", "name", name="inquiry_name_trgm"),
    ]
