from django.db import migrations, models

from rehab_site.database import AddSubstringSearchIndex, KeepLongTextOutOfLine


class Migration(migrations.Migration):
    """The admin's article list at 100,000 articles: newest first and its year links
    from an index, and its search (title, summary, address) from PostgreSQL's trigram
    indexes; the body kept out of the rows the list reads."""

    dependencies = [
        ("rehab_site", "0013_trigram_extension"),
        ("blog", "0004_article_clinical_content_digests"),
        ("programs", "0008_video_links_are_web_addresses"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["publish_at", "id"], name="blog_article_newest"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["title"], name="blog_article_title"),
        ),
        AddSubstringSearchIndex("article", "title", name="blog_article_title_trgm"),
        AddSubstringSearchIndex("article", "summary", name="blog_article_summary_trgm"),
        AddSubstringSearchIndex("article", "slug", name="blog_article_slug_trgm"),
        KeepLongTextOutOfLine("article"),
    ]
