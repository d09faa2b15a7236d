from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from PIL import Image

from blog.models import Article
from editing.models import Redirect
from editing.publishing import ChangedOutsideSaveChange
from programs.models import Program

from .factories import ArticleFactory, PersonFactory


@pytest.mark.django_db
def test_live_articles_exclude_drafts_and_scheduled_ones():
    live = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)

    assert list(Article.objects.live()) == [live]


@pytest.mark.django_db
def test_scheduled_article_becomes_live_when_its_time_comes_without_any_job(
    time_machine,
):
    article = ArticleFactory(scheduled=True)
    assert not Article.objects.live().exists()

    time_machine.move_to(article.publish_at + timedelta(seconds=1))

    assert list(Article.objects.live()) == [article]


@pytest.mark.django_db
def test_pages_change_one_save_at_a_time_never_in_bulk():
    """An update() would skip the version, the content cache and the page's rules."""
    article = ArticleFactory()

    with pytest.raises(ChangedOutsideSaveChange, match="Article title: save each page"):
        Article.objects.filter(pk=article.pk).update(title="Renamed behind our back")
    article.title = "Renamed"
    with pytest.raises(ChangedOutsideSaveChange):
        Article.objects.bulk_update([article], ["title"])
    with pytest.raises(ChangedOutsideSaveChange):
        Program.objects.update(status="draft")

    # What save() derives from the page's own fields may be written in bulk.
    Article.objects.filter(pk=article.pk).update(featured_image_renditions={})


@pytest.mark.django_db
def test_changing_a_published_slug_leaves_a_permanent_redirect(client):
    article = ArticleFactory(slug="old-address")
    article.slug = "new-address"
    article.save()

    response = client.get("/blog/old-address/")

    assert Redirect.objects.get(old_path="/blog/old-address/").new_path == (
        "/blog/new-address/"
    )
    assert response.status_code == 301
    assert response["Location"] == "/blog/new-address/"


@pytest.mark.django_db
def test_body_is_sanitized_and_reading_time_comes_from_its_words():
    words = " ".join(["recovery"] * 700)
    article = ArticleFactory(
        body=f'<p onclick="steal()">{words}</p><script>alert(1)</script>'
    )

    article.refresh_from_db()
    assert "<script>" not in article.body
    assert "onclick" not in article.body
    assert "alert" not in article.body_text
    assert article.reading_minutes == 4  # 700 words at 225 a minute, rounded up


@pytest.mark.django_db
def test_featured_image_without_alt_text_is_refused_by_the_form_rule_and_database():
    article = ArticleFactory(with_image=True)
    article.featured_image_alt = ""

    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "featured_image_alt" in error.value.message_dict
    with pytest.raises(IntegrityError):
        article.save()


@pytest.mark.django_db
def test_review_needs_both_a_reviewer_and_a_date():
    article = ArticleFactory.build(
        medical_reviewer=None, reviewed_on=timezone.localdate()
    )

    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["slug"])
    assert "medical_reviewer" in error.value.message_dict


@pytest.mark.django_db
def test_featured_image_renditions_are_webp_in_several_widths(media_root):
    article = ArticleFactory(with_image=True)

    sizes = article.featured_image_renditions["sizes"]
    assert [size["width"] for size in sizes] == [480, 800, 1200]
    assert sizes[0]["height"] == 270
    path = media_root / sizes[0]["url"].removeprefix("/media/")
    with Image.open(path) as image:
        assert image.format == "WEBP"
    assert article.featured_image_srcset.count("w,") == 2


@pytest.mark.django_db
def test_small_featured_images_are_never_upscaled():
    from django.core.files.base import ContentFile

    from .factories import jpeg_bytes

    article = ArticleFactory(
        featured_image=ContentFile(jpeg_bytes(size=(600, 400)), name="small.jpg"),
        featured_image_alt="A small picture",
    )

    assert [size["width"] for size in article.featured_image_renditions["sizes"]] == [
        480,
        600,
    ]


@pytest.mark.parametrize("slug", ["search", "feed", "category", "2024"])
def test_slugs_that_belong_to_other_blog_pages_are_refused(slug):
    article = ArticleFactory.build(slug=slug)

    with pytest.raises(ValidationError) as error:
        article.clean_fields(exclude=["body"])
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_due_for_review_means_never_reviewed_or_reviewed_over_a_year_ago():
    reviewer = PersonFactory()
    today = timezone.localdate()
    never = ArticleFactory()
    stale = ArticleFactory(
        medical_reviewer=reviewer, reviewed_on=today - timedelta(days=400)
    )
    ArticleFactory(medical_reviewer=reviewer, reviewed_on=today - timedelta(days=30))

    assert set(Article.objects.due_for_review()) == {never, stale}


@pytest.mark.django_db
@pytest.mark.postgresql_only(
    reason="search_vector is PostgreSQL full-text search's tsvector, filled only there"
)
def test_search_vector_is_kept_up_to_date_on_save():
    article = ArticleFactory(title="Sleep", body="<p>Nothing else here.</p>")
    article.title = "Naloxone"
    article.save()

    assert Article.objects.filter(search_vector="naloxone").get() == article
    assert not Article.objects.filter(search_vector="sleep").exists()
