from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image

from blog.models import Article
from editing.checklist import faults
from editing.models import Redirect
from editing.publishing import ChangedOutsideSaveChange
from programs.models import Program
from tests.pictures.factories import PictureFactory

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
    Article.objects.filter(pk=article.pk).update(search_vector=None)


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
def test_a_featured_picture_without_alt_text_holds_publishing_on_its_field():
    article = ArticleFactory.build(featured_picture=PictureFactory(alt=""))

    assert [fault.field for fault in faults(article)] == ["featured_picture"]

    article.featured_picture = PictureFactory(alt="", decorative=True)
    assert faults(article) == []


@pytest.mark.django_db
def test_review_needs_both_a_reviewer_and_a_date():
    article = ArticleFactory.build(
        medical_reviewer=None, reviewed_on=timezone.localdate()
    )

    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["slug"])
    assert "medical_reviewer" in error.value.message_dict


@pytest.mark.django_db
def test_the_featured_picture_is_shown_in_the_librarys_webp_widths(media_root):
    article = ArticleFactory(with_picture=True)

    assert article.featured_srcset.count("w,") == 2
    assert (article.featured_size["width"], article.featured_size["height"]) == (
        800,
        450,
    )
    assert article.featured_largest["width"] == 1200
    path = media_root / article.featured_size["url"].removeprefix("/media/")
    with Image.open(path) as image:
        assert image.format == "WEBP"


def test_an_article_without_a_picture_has_no_renditions():
    article = ArticleFactory.build()

    assert (article.featured_srcset, article.featured_size) == ("", None)
    assert article.featured_largest is None


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


@pytest.mark.django_db
def test_a_portrait_is_shown_as_a_192_px_square_around_its_focal_point():
    person = PersonFactory(with_portrait=True)
    centred = person.team_photo["url"]
    person.portrait.focal_x = 5
    person.portrait.save()

    assert (person.team_photo["width"], person.team_photo["height"]) == (192, 192)
    assert person.team_photo["url"] != centred
    assert PersonFactory().team_photo is None
