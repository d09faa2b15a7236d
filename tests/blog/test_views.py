import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import PASSWORD, SiteSettingsFactory, StaffFactory
from tests.pictures.factories import PictureFactory

from .factories import (
    ArticleFactory,
    CategoryFactory,
    PersonFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def json_ld_blocks(response) -> list[dict]:
    html = response.content.decode()
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]


def test_list_shows_live_articles_newest_first(client):
    older = ArticleFactory(
        title="Older article", publish_at=timezone.now() - timedelta(days=3)
    )
    newer = ArticleFactory(
        title="Newer article", publish_at=timezone.now() - timedelta(days=1)
    )
    ArticleFactory(title="Secret draft", draft=True)
    ArticleFactory(title="Future article", scheduled=True)

    response = client.get("/blog/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(newer.title) < html.index(older.title)
    assert "Secret draft" not in html
    assert "Future article" not in html


@pytest.mark.parametrize("hidden", [{"draft": True}, {"scheduled": True}])
def test_hidden_articles_are_not_found(client, hidden):
    article = ArticleFactory(**hidden)

    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5"])
def test_bad_page_numbers_give_a_404_not_an_error(client, page):
    ArticleFactory.create_batch(3)

    assert client.get("/blog/", {"page": page}).status_code == 404


def test_second_page_lists_the_older_articles(client):
    ArticleFactory.create_batch(12)

    response = client.get("/blog/", {"page": 2})

    assert response.status_code == 200
    assert len(response.context["articles"]) == 2
    assert "Page 2 of 2" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/blog/no-such-article/",
        "/blog/category/no-such-category/",
        "/blog/tag/no-such-tag/",
        "/blog/author/nobody/",
        "/blog/1999/",
        "/blog/2024/13/",
        "/blog/category/no-such-category/feed/",
    ],
)
def test_unknown_addresses_give_a_404(client, path):
    ArticleFactory()

    assert client.get(path).status_code == 404


def test_article_page_shows_byline_review_box_image_tags_and_call_box(client):
    SiteSettingsFactory()
    reviewer = PersonFactory(
        name="Dr. Maya Ellison", credentials="MD", role="Medical Director"
    )
    author = PersonFactory(name="Jordan Reyes", credentials="LCSW")
    category = CategoryFactory(name="Opioids")
    tag = TagFactory(name="naloxone")
    article = ArticleFactory(
        with_picture=True,
        authors=[author],
        categories=[category],
        tags=[tag],
        medical_reviewer=reviewer,
        reviewed_on=timezone.localdate().replace(day=1),
    )

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert "By <a" in html and "Jordan Reyes, LCSW" in html
    assert "Medically reviewed by" in html and "Dr. Maya Ellison, MD" in html
    assert f'href="{category.get_absolute_url()}"' in html
    assert f'href="{tag.get_absolute_url()}"' in html
    assert 'srcset="' in html and " 480w" in html and " 1200w" in html
    assert 'alt="Hills at sunrise"' in html
    assert re.search(
        r'<img src="[^"]+\.webp" srcset="[^"]+" sizes="[^"]+" width="800" height="450"',
        html,
    )
    assert "Ready to talk?" in html
    assert '<meta name="robots"' not in html


def test_a_decorative_featured_picture_is_shown_without_alt_text(client):
    article = ArticleFactory(featured_picture=PictureFactory(alt="", decorative=True))

    html = client.get(article.get_absolute_url()).content.decode()

    assert re.search(r'<figure class="article__image">\s*<img [^>]*alt=""', html)


def test_a_library_picture_in_the_text_is_served_in_its_widths(client):
    picture = PictureFactory(alt="The lodge at dusk", wide=True)
    article = ArticleFactory(body=f'<p><img src="{picture.file.url}" alt=""></p>')

    html = client.get(article.get_absolute_url()).content.decode()

    assert picture.file.url not in html
    assert 'alt="The lodge at dusk"' in html and " 1200w" in html


def test_the_reviewer_and_the_author_page_show_the_persons_portrait(client):
    reviewer = PersonFactory(name="Dr. Maya Ellison", with_portrait=True)
    article = ArticleFactory(
        medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )
    portrait = reviewer.team_photo["url"]

    for path in (article.get_absolute_url(), reviewer.get_absolute_url()):
        html = client.get(path).content.decode()
        assert '<img class="person-photo' in html and f'src="{portrait}"' in html
    assert (
        "person-photo--drawn"
        in client.get(PersonFactory().get_absolute_url()).content.decode()
    )


def test_article_json_ld_names_author_reviewer_review_date_and_image(client):
    reviewer = PersonFactory(name="Dr. Maya Ellison", credentials="MD")
    author = PersonFactory(name="Jordan Reyes")
    reviewed_on = timezone.localdate() - timedelta(days=10)
    article = ArticleFactory(
        with_picture=True,
        authors=[author],
        medical_reviewer=reviewer,
        reviewed_on=reviewed_on,
        categories=[CategoryFactory(name="Opioids")],
    )

    blocks = json_ld_blocks(client.get(article.get_absolute_url()))

    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    posting = page["mainEntity"]
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == article.title
    assert posting["author"][0]["name"] == "Jordan Reyes"
    assert page["reviewedBy"]["name"] == "Dr. Maya Ellison"
    assert page["lastReviewed"] == reviewed_on.isoformat()
    assert posting["datePublished"] and posting["dateModified"]
    image = article.featured_picture.renditions["sizes"][-1]
    assert posting["image"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{image['url']}",
        "width": 1200,
        "height": 675,
    }
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<meta property="og:image" content="http://testserver{image["url"]}">' in html
    )
    assert '<meta property="og:image:alt" content="Hills at sunrise">' in html
    crumbs = next(block for block in blocks if block["@type"] == "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "Blog",
        "Opioids",
        article.title,
    ]


def test_an_article_nobody_reviewed_is_a_blog_posting_of_its_own_page(client):
    article = ArticleFactory()

    blocks = json_ld_blocks(client.get(article.get_absolute_url()))

    posting = next(block for block in blocks if block["@type"] == "BlogPosting")
    assert (
        posting["mainEntityOfPage"] == f"http://testserver{article.get_absolute_url()}"
    )
    assert not any(block["@type"] == "MedicalWebPage" for block in blocks)


def test_article_seo_falls_back_to_title_and_summary_and_has_a_canonical_url(client):
    article = ArticleFactory(title="Sleep in recovery", summary="Why sleep is hard.")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<title>Sleep in recovery |" in html
    assert '<meta name="description" content="Why sleep is hard.">' in html
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">'
        in html
    )
    assert '<meta property="og:type" content="article">' in html


def test_noindex_article_asks_search_engines_not_to_list_it(client):
    article = ArticleFactory(noindex=True)

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_related_articles_prefer_the_most_shared_categories_and_tags(client):
    opioids, family = CategoryFactory(), CategoryFactory()
    naloxone = TagFactory()
    article = ArticleFactory(categories=[opioids, family], tags=[naloxone])
    best = ArticleFactory(
        title="Shares three", categories=[opioids, family], tags=[naloxone]
    )
    good = ArticleFactory(title="Shares one", categories=[family])
    ArticleFactory(title="Shares nothing", categories=[CategoryFactory()])
    ArticleFactory(title="Hidden draft", draft=True, categories=[opioids])

    related = list(client.get(article.get_absolute_url()).context["related"])

    assert related == [best, good]


def test_category_tag_author_and_archive_pages_list_only_their_articles(client):
    category, tag, person = (
        CategoryFactory(name="Family"),
        TagFactory(),
        PersonFactory(),
    )
    published = timezone.now().replace(year=2024, month=5, day=15)
    inside = ArticleFactory(
        title="Inside",
        categories=[category],
        tags=[tag],
        authors=[person],
        publish_at=published,
    )
    ArticleFactory(title="Outside")

    for path in (
        category.get_absolute_url(),
        tag.get_absolute_url(),
        person.get_absolute_url(),
        "/blog/2024/",
        "/blog/2024/05/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert list(response.context["articles"]) == [inside], path


def test_author_page_lists_articles_the_person_reviewed(client):
    reviewer = PersonFactory(name="Dr. Maya Ellison")
    reviewed = ArticleFactory(
        medical_reviewer=reviewer, reviewed_on=timezone.localdate()
    )

    response = client.get(reviewer.get_absolute_url())

    assert list(response.context["articles"]) == [reviewed]


def test_every_blog_page_has_the_sidebar_with_search_recent_articles_and_categories(
    client,
):
    category = CategoryFactory(name="Life in recovery")
    article = ArticleFactory(title="Goals that last", categories=[category])
    ArticleFactory(title="Not yet", scheduled=True, categories=[category])

    for path in (
        "/blog/",
        article.get_absolute_url(),
        category.get_absolute_url(),
        "/blog/search/",
    ):
        html = client.get(path).content.decode()
        assert 'action="/blog/search/"' in html, path
        assert "Recent articles" in html and "Goals that last" in html, path
        assert (
            'Life in recovery</a> <span class="blog-sidebar__count">(1)</span>' in html
        ), path
        assert "Not yet" not in html, path


def test_sidebar_shows_a_scheduled_article_once_its_time_has_come(client, monkeypatch):
    ArticleFactory(title="Already live")
    scheduled = ArticleFactory(title="Just went live", scheduled=True)
    assert "Just went live" not in client.get("/blog/").content.decode()

    # Time passes: no save happens, so no signal bumps the cached sidebar's version.
    later = scheduled.publish_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert "Just went live" in client.get("/blog/search/").content.decode()


def test_preview_shows_a_draft_to_staff_with_noindex_and_no_caching(client):
    article = ArticleFactory(title="Work in progress", draft=True)
    editor = StaffFactory(permissions=["blog.change_article"])
    client.login(username=editor.username, password=PASSWORD)

    response = client.get(f"/blog/preview/{article.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Work in progress" in html and "This is a draft" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_preview_is_closed_to_visitors_and_to_staff_who_cannot_edit_articles(client):
    article = ArticleFactory(draft=True)

    assert client.get(f"/blog/preview/{article.pk}/").status_code == 302

    client.login(username=StaffFactory().username, password=PASSWORD)
    assert client.get(f"/blog/preview/{article.pk}/").status_code == 403


def test_a_list_page_counts_its_articles_once_per_content_change(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rehab_site.caching import refresh_content_state

    ArticleFactory.create_batch(3)

    def count_queries(path="/blog/") -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return sum('"__count"' in query["sql"] for query in queries)

    assert count_queries() == 1
    assert count_queries() == 0
    assert count_queries("/blog/?utm_source=x&page=1") == 0
    refresh_content_state()
    assert count_queries() == 1
