"""Query budgets for the pages the app folders do not already count.

The blog's list, article, category, tag, author, archive and search pages are counted in
tests/blog/test_query_counts.py, the program pages in tests/programs/test_views.py, the
home page in tests/website/test_views.py, and the inquiry changelist and attribution
report in tests/admissions. This file covers the rest: feeds, sitemaps, robots.txt, the
admissions form and thank-you page, and every other admin changelist. Each page is
counted at two data sizes after a warming request, and the counts must be equal and
within budget: what a page costs must not depend on how much content the site holds.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import AccessLog
from editing.models import Redirect
from tests.admissions.factories import InquiryFactory, admissions_user
from tests.blog.factories import (
    ArticleFactory,
    CategoryFactory,
    PersonFactory,
    TagFactory,
)
from tests.caches import empty_caches
from tests.factories import (
    MenuFactory,
    MenuItemFactory,
    SiteSettingsFactory,
    StaffFactory,
    UserFactory,
)
from tests.pictures.factories import PictureFactory
from tests.programs.factories import (
    AudienceFactory,
    ConditionFactory,
    LocationFactory,
    PageFactory,
    ProgramFactory,
)

# Cold (the cache emptied before each request): the admissions form page is the dearest, with
# the insurers it offers, the next steps, and the footer's accreditations and notice links.
PUBLIC_BUDGET = 12
# The sitemap index asks each of its sections for its size and latest change (two queries
# per section).
SITEMAP_INDEX_BUDGET = 2 * 10
ADMIN_BUDGET = 20

pytestmark = pytest.mark.django_db


def count(client, path: str, *, clear_cache: bool = True) -> int:
    """Queries for one request. Cold by default: the cache is emptied first."""
    if clear_cache:
        empty_caches()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


@pytest.fixture
def topics():
    return {
        "category": CategoryFactory(slug="opioids", name="Opioids"),
        "tag": TagFactory(slug="naloxone", name="naloxone"),
        "author": PersonFactory(slug="jordan"),
        "reviewer": PersonFactory(slug="maya", credentials="MD"),
    }


def add_content(n: int, topics) -> None:
    """n articles with every relation filled, and n of each program-side page."""
    for _ in range(n):
        ArticleFactory(
            authors=[topics["author"], topics["reviewer"]],
            categories=[topics["category"], CategoryFactory()],
            tags=[topics["tag"], TagFactory()],
            medical_reviewer=topics["reviewer"],
            reviewed_on=timezone.localdate(),
        )
        ProgramFactory()
        ConditionFactory()
        AudienceFactory()
        LocationFactory()
        PageFactory()


PUBLIC_PATHS = [
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-blog.xml",
    "/sitemap-articles.xml",
    "/sitemap-program-overviews.xml",
    "/sitemap-programs.xml",
    "/sitemap-conditions.xml",
    "/sitemap-who-we-help.xml",
    "/sitemap-areas-we-serve.xml",
    "/sitemap-pages.xml",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/category/opioids/feed/",
    "/blog/category/opioids/feed/atom/",
    "/admissions/",
    "/admissions/thank-you/",
]


def test_feeds_sitemaps_and_the_inquiry_form_cost_the_same_with_3_and_30_items_of_each(
    client, topics
):
    SiteSettingsFactory()
    add_content(3, topics)
    for path in PUBLIC_PATHS:
        count(client, path)  # the first request of a process loads content types
    small = {path: count(client, path) for path in PUBLIC_PATHS}

    add_content(27, topics)
    large = {path: count(client, path) for path in PUBLIC_PATHS}

    assert large == small
    assert small.pop("/sitemap.xml") <= SITEMAP_INDEX_BUDGET
    assert max(small.values()) <= PUBLIC_BUDGET, small


def test_the_thank_you_page_for_a_stored_inquiry_costs_the_same_with_more_inquiries(
    client,
):
    SiteSettingsFactory()
    inquiry = InquiryFactory()
    path = f"/admissions/thank-you/{inquiry.submission_token}/"
    count(client, path)
    small = count(client, path)
    InquiryFactory.create_batch(30)
    large = count(client, path)

    assert small == large
    assert small <= PUBLIC_BUDGET


def test_warm_public_pages_run_at_most_the_query_for_the_page_itself(client, topics):
    """With the cached fragments and values filled, a visitor's page asks the database
    for nothing, whatever the site holds: even the row its address names (an article, a
    category, a program) is kept until content changes. An overview lists its pages."""
    SiteSettingsFactory()
    add_content(3, topics)
    article = ArticleFactory(categories=[topics["category"]])
    pages = [
        factory()
        for factory in (
            ProgramFactory,
            ConditionFactory,
            AudienceFactory,
            LocationFactory,
            PageFactory,
        )
    ]
    expected = {
        "/": 0,
        "/blog/": 0,
        "/blog/?page=1": 0,
        article.get_absolute_url(): 0,
        "/blog/category/opioids/": 0,
        "/blog/tag/naloxone/": 0,
        "/blog/author/jordan/": 0,
        "/treatment/": 1,
        **{page.get_absolute_url(): 0 for page in pages},
    }
    empty_caches()
    for path in expected:
        count(client, path, clear_cache=False)  # fills the cache
    warm = {path: count(client, path, clear_cache=False) for path in expected}

    assert warm == expected


# -- admin changelists not counted elsewhere -------------------------------------------------


def _add_admin_rows(n: int) -> None:
    menu = MenuFactory()
    for i in range(n):
        MenuItemFactory(menu=menu)
        MenuFactory()
        PersonFactory()
        CategoryFactory()
        TagFactory()
        Redirect.objects.create(old_path=f"/old-{n}-{i}/", new_path="/")
        UserFactory()
        Group.objects.create(name=f"group {n}-{i}")
        picture = PictureFactory(title=f"Photo {n}-{i}")
        picture.tags.add(f"tag {i}")


ADMIN_CHANGELISTS = [
    "/admin/blog/person/",
    "/admin/blog/category/",
    "/admin/blog/tag/",
    "/admin/website/menu/",
    "/admin/pictures/picture/",
    "/admin/editing/redirect/",
    "/admin/auth/user/",
    "/admin/auth/group/",
]


def test_admin_changelists_cost_the_same_with_2_and_20_rows(client):
    SiteSettingsFactory()
    client.force_login(StaffFactory(is_superuser=True))
    client.get("/admin/")  # the first signed-in request records session activity
    _add_admin_rows(2)
    for path in ADMIN_CHANGELISTS:
        count(client, path)
    small = {path: count(client, path) for path in ADMIN_CHANGELISTS}

    _add_admin_rows(18)
    large = {path: count(client, path) for path in ADMIN_CHANGELISTS}

    assert large == small
    assert max(small.values()) <= ADMIN_BUDGET, small


def test_the_access_log_changelist_costs_the_same_with_more_entries(client):
    SiteSettingsFactory()
    user = admissions_user()
    client.force_login(user)
    path = "/admin/admissions/accesslog/"

    def add_entries(n: int) -> None:
        for inquiry in InquiryFactory.create_batch(n):
            AccessLog.objects.create(
                user=user,
                username=user.username,
                action=AccessLog.Action.VIEW,
                inquiry_reference=inquiry.reference,
            )

    add_entries(2)
    count(client, path)
    small = count(client, path)
    add_entries(20)
    large = count(client, path)

    assert small == large
    assert small <= ADMIN_BUDGET
