"""Every blog page runs a fixed number of queries (at most 12; the article page 14, for
its "Treatment for this" programs and addictions), whatever the number of articles. The
cache starts empty (tests/conftest.py), so these are the cold-cache counts: they include
the footer's accreditations and notice links and the accreditations' next expiry, one
query each, which a warm cache never repeats."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programs.models.sections import TeamSection
from tests.caches import empty_caches
from tests.factories import SiteSettingsFactory, StaffFactory
from tests.pictures.factories import PictureFactory
from tests.programs.factories import PageFactory

from .factories import ArticleFactory, CategoryFactory, PersonFactory, TagFactory

BUDGET = 12
ARTICLE_BUDGET = BUDGET + 2  # its live programs and addictions

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return {
        "category": CategoryFactory(slug="opioids", name="Opioids"),
        "tag": TagFactory(slug="naloxone", name="naloxone"),
        "author": PersonFactory(slug="jordan", name="Jordan Reyes", with_portrait=True),
        "reviewer": PersonFactory(
            slug="maya", name="Dr. Maya Ellison", with_portrait=True
        ),
        # One picture for every article: a card that read its own would still query.
        "picture": PictureFactory(),
        "spare_category": CategoryFactory(),
        "spare_tag": TagFactory(),
    }


def add_articles(count: int, topics) -> None:
    this_year = timezone.now()
    for _ in range(count):
        ArticleFactory(
            authors=[topics["author"], topics["reviewer"]],
            categories=[topics["category"], topics["spare_category"]],
            tags=[topics["tag"], topics["spare_tag"]],
            featured_picture=topics["picture"],
            medical_reviewer=topics["reviewer"],
            reviewed_on=timezone.localdate(),
            publish_at=this_year.replace(day=1, hour=12),
            summary="Opioid recovery summary.",
            body="<p>Opioid withdrawal, naloxone and the long road of recovery.</p>",
        )


def count_queries(client, path: str) -> int:
    empty_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def page_paths() -> list[str]:
    now = timezone.now()
    return [
        "/blog/",
        "/blog/category/opioids/",
        "/blog/tag/naloxone/",
        "/blog/author/jordan/",
        f"/blog/{now:%Y}/",
        f"/blog/{now:%Y}/{now:%m}/",
        "/blog/search/?q=opioid+withdrawal",
    ]


def test_blog_pages_run_the_same_few_queries_with_5_and_200_articles(client, topics):
    add_articles(4, topics)
    small = {path: count_queries(client, path) for path in page_paths()}
    first = ArticleFactory(
        categories=[topics["category"]],
        tags=[topics["tag"]],
        featured_picture=topics["picture"],
        medical_reviewer=topics["reviewer"],
        reviewed_on=timezone.localdate(),
    )
    small["detail"] = count_queries(client, first.get_absolute_url())

    add_articles(195, topics)
    large = {path: count_queries(client, path) for path in page_paths()}
    large["detail"] = count_queries(client, first.get_absolute_url())

    assert large == small
    detail = small.pop("detail")
    assert detail <= ARTICLE_BUDGET, detail
    assert max(small.values()) <= BUDGET, small
    assert count_queries(client, "/blog/?page=20") == large["/blog/"]


def test_admin_changelist_queries_do_not_grow_with_the_number_of_articles(
    client, topics
):
    client.force_login(StaffFactory(is_superuser=True))
    client.get("/admin/")  # the first signed-in request also records session activity
    add_articles(5, topics)
    small = count_queries(client, "/admin/blog/article/")
    add_articles(45, topics)
    large = count_queries(client, "/admin/blog/article/")

    assert large == small


def test_the_team_page_reads_portraits_with_the_people(client):
    SiteSettingsFactory()
    PageFactory(slug="our-team", name="Our team", sections=[(TeamSection, {})])
    portrait = PictureFactory(title="Portrait", alt="A portrait")
    for n in range(3):
        PersonFactory(team_section="staff", team_order=n, portrait=portrait)
    small = count_queries(client, "/our-team/")
    for n in range(27):
        PersonFactory(team_section="leadership", team_order=n, portrait=portrait)

    html = client.get("/our-team/").content.decode()
    assert count_queries(client, "/our-team/") == small
    assert (
        html.count(f'src="{portrait.renditions["crops"]["square"][-1]["url"]}"') == 30
    )
