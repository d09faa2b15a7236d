"""Staff pages on big tables (issue 25): the article list, its filters, search, sorting and
last page, the admissions queue, its views and search, the dashboard and the reports.

`make bench` times them at 100,000 articles and 100,000 inquiries (bench/admin_pages.py).
Here a module-wide table of 1,500 of each, inserted in bulk, checks what keeps
them quick at any size: the queries each page makes stay within a budget that does not
grow with the rows; PostgreSQL can answer the searches, sorts and the open queue from
their indexes (each query's EXPLAIN, with sequential scans discouraged); a filter across
a many-to-many relation lists each row once without SELECT DISTINCT; the counts of what
grows for ever stop at a cap.
"""

import datetime
import random

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import admissions.queue
import blog.attention
from admissions.models import Inquiry
from blog.models import Article, Category, Person
from editing.publishing import Status
from staff_access.roles import ADMISSIONS
from tests.demo import rolled_back_with_files_in
from tests.factories import StaffFactory

# Enough for the planner to prefer an index, and for a last page past row 1,000 (where
# the list reads its keys first).
ARTICLES = 1500
INQUIRIES = 1500
OPEN_INQUIRIES = 60
# What any page below may ask of the database, at this size as at 100,000 rows (the
# queue's search and the article list's year links are the dearest).
ADMIN_PAGE_BUDGET = 25
# The dashboard asks each app for its notices, one or two counts each, and fills its
# panels of work: a query or two a kind of page for the drafts and the schedule, two for
# the recent edits, four for the queue's views (46 for a superuser, at any size).
DASHBOARD_BUDGET = 50
ARTICLES_URL = reverse("admin:blog_article_changelist")
QUEUE_URL = reverse("admin:admissions_inquiry_changelist")
SEARCH_URL = reverse("admin:admissions_inquiry_search")

pytestmark = pytest.mark.django_db

POSTGRESQL_PLANS = pytest.mark.postgresql_only(
    reason="reads PostgreSQL's query plans and its trigram indexes, which SQLite has none of"
)


def now_at_noon() -> datetime.datetime:
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)


def some_articles(people, categories, rng) -> list[Article]:
    """Over three years, none in the year before last; a few due for medical review."""
    now = now_at_noon()
    articles = []
    for number in range(ARTICLES):
        year_back = rng.choice([0, 1, 3])
        published = now.replace(year=now.year - year_back) - datetime.timedelta(
            days=rng.randint(0, 200) if year_back else 0, minutes=number
        )
        articles.append(
            Article(
                title=f"{rng.choice(['Recovery', 'Detox', 'Family'])} notes {number}",
                slug=f"volume-{number}",
                summary="What a week of treatment looks like.",
                body="<p>Text.</p>",
                status=Status.PUBLISHED,
                publish_at=published,
            )
        )
    Article.objects.bulk_create(articles)
    authors = Article.authors.through
    authors.objects.bulk_create(
        authors(article=article, person=person)
        for article in articles
        for person in rng.sample(people, rng.randint(1, 2))
    )
    kinds = Article.categories.through
    kinds.objects.bulk_create(
        kinds(article=article, category=category)
        for article in articles
        for category in rng.sample(categories, rng.randint(0, 2))
    )
    return articles


def some_inquiries(rng) -> None:
    """Mostly closed, as at a working center; the newest still open."""
    now = timezone.now()
    Inquiry.objects.bulk_create(
        Inquiry(
            reference=f"V{number:07d}",
            name=rng.choice(["Ana Lopez", "Sam Reed", "Jo Park"]),
            phone=f"+1828555{number:04d}",
            email=f"person{number}@example.com",
            received_at=now - datetime.timedelta(hours=number),
            consented_at=now - datetime.timedelta(hours=number),
            status=(
                Inquiry.Status.NEW
                if number < OPEN_INQUIRIES
                else rng.choice([Inquiry.Status.CLOSED, Inquiry.Status.ADMITTED])
            ),
            closed_at=None if number < OPEN_INQUIRIES else now,
        )
        for number in range(INQUIRIES)
    )


@pytest.fixture(scope="module")
def volume(django_db_setup, django_db_blocker, tmp_path_factory):
    """1,500 articles and 1,500 inquiries, for every test of the module; rolled back
    when the module is done."""
    folder = tmp_path_factory.mktemp("volume")
    with rolled_back_with_files_in(folder, django_db_blocker):
        rng = random.Random(25)
        people = [
            Person.objects.create(name=f"Writer {n}", slug=f"writer-{n}")
            for n in range(3)
        ]
        categories = [
            Category.objects.create(name=f"Topic {n}", slug=f"topic-{n}")
            for n in range(3)
        ]
        articles = some_articles(people, categories, rng)
        some_inquiries(rng)
        counselor = StaffFactory(username="volume-counselor")
        counselor.groups.add(Group.objects.get(name=ADMISSIONS))
        superuser = StaffFactory(username="volume-admin", is_superuser=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        yield {
            "articles": articles,
            "people": people,
            "counselor": counselor,
            "superuser": superuser,
        }


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries_of(client, url: str, **data) -> tuple:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in queries.captured_queries]


def searched_queue(client, term: str) -> str:
    """The queue's URL for a search, which is posted and carried by a token."""
    return client.post(SEARCH_URL, {"q": term})["Location"]


def staff_pages(volume, client) -> list[str]:
    author = volume["people"][0].pk
    return [
        reverse("admin:index"),
        ARTICLES_URL,
        f"{ARTICLES_URL}?q=recovery",
        f"{ARTICLES_URL}?authors__id__exact={author}",
        f"{ARTICLES_URL}?categories__isnull=True",
        f"{ARTICLES_URL}?review=due",
        f"{ARTICLES_URL}?o=1",
        f"{ARTICLES_URL}?p={ARTICLES // 100}",
        QUEUE_URL,
        f"{QUEUE_URL}?o=1",
        f"{QUEUE_URL}?view=closed",
        f"{QUEUE_URL}?view=all&p=20",
        searched_queue(client, "Ana Lopez"),
        reverse("admin:admissions_attributionreport_changelist"),
        reverse("admin:admissions_firstcontactreport_changelist") + "?weeks=26",
        reverse("admin:admissions_accesslog_changelist"),
    ]


def test_each_staff_page_asks_the_database_a_bounded_number_of_queries(volume):
    client = signed_in(volume["superuser"])
    for url in staff_pages(volume, client):
        client.get(url)  # once to warm up
        _, queries = queries_of(client, url)
        budget = (
            DASHBOARD_BUDGET if url == reverse("admin:index") else ADMIN_PAGE_BUDGET
        )
        assert len(queries) <= budget, f"{url}: {len(queries)} queries"


def plan(sql: str) -> str:
    """PostgreSQL's plan for a query a page made, with sequential scans discouraged: an
    index that can answer the query shows in it."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def the_query(queries: list[str], *marks: str) -> str:
    found = [sql for sql in queries if all(mark in sql for mark in marks)]
    assert found, f"no query with {marks}"
    return found[0]


@POSTGRESQL_PLANS
@pytest.mark.parametrize(
    ("url", "marks", "index"),
    [
        (f"{ARTICLES_URL}?q=recovery", ['"blog_article"', "LIKE"], "title_trgm"),
        (ARTICLES_URL, ['ORDER BY "blog_article"."publish_at" DESC'], "article_newest"),
        (
            f"{ARTICLES_URL}?o=1",
            ['ORDER BY "blog_article"."title" ASC'],
            "article_title",
        ),
        (
            f"{QUEUE_URL}?o=1",
            ['"admissions_inquiry"."received_at" ASC'],
            "inquiry_open",
        ),
    ],
    ids=["article search", "newest articles", "articles by title", "queue by waiting"],
)
def test_lists_search_and_sort_from_an_index(volume, url, marks, index):
    client = signed_in(volume["superuser"])
    _, queries = queries_of(client, url)

    assert index in plan(the_query(queries, *marks))


@POSTGRESQL_PLANS
@pytest.mark.parametrize(
    ("term", "index"),
    [
        ("Lopez", "inquiry_name_trgm"),
        ("PERSON7@example.com", "inquiry_email_upper_idx"),
        ("(828) 555-0007", "inquiry_phone_idx"),
    ],
)
def test_the_queue_search_finds_names_emails_and_phones_from_indexes(
    volume, term, index
):
    client = signed_in(volume["counselor"])
    _, queries = queries_of(client, searched_queue(client, term))

    counted = the_query(queries, "COUNT(*)", 'UPPER("admissions_inquiry"."name"')
    assert index in plan(counted)


def test_a_many_to_many_filter_lists_each_article_once_without_distinct_rows(volume):
    person = volume["people"][0]
    client = signed_in(volume["superuser"])

    response, queries = queries_of(client, ARTICLES_URL, authors__id__exact=person.pk)

    changelist = response.context["cl"]
    shown = [article.pk for article in changelist.result_list]
    assert len(shown) == len(set(shown)) == 100
    assert changelist.result_count == person.articles.count()
    # Django's SELECT DISTINCT over every column of the list sorted the whole table.
    assert not [sql for sql in queries if 'DISTINCT "blog_article"' in sql]


def test_the_last_page_holds_the_oldest_articles(volume):
    client = signed_in(volume["superuser"])

    response, _ = queries_of(client, ARTICLES_URL, p=ARTICLES // 100)

    oldest = Article.objects.order_by("-publish_at", "-pk")[ARTICLES - 100 :]
    shown = [article.pk for article in response.context["cl"].result_list]
    assert shown == [article.pk for article in oldest]


def test_the_year_links_offer_the_years_with_articles_and_filter_by_them(volume):
    client = signed_in(volume["superuser"])
    this_year = timezone.localdate().year

    response, _ = queries_of(client, ARTICLES_URL)

    html = response.content.decode()
    assert f">{this_year - 1}</a>" in html
    assert f">{this_year - 3}</a>" in html
    assert f">{this_year - 2}</a>" not in html  # no article that year
    year_link = [
        choice["query_string"]
        for spec in response.context["cl"].filter_specs
        for choice in spec.choices(response.context["cl"])
        if choice["display"] == str(this_year - 3)
    ][0]
    listed, _ = queries_of(client, ARTICLES_URL + year_link)
    years = {
        timezone.localtime(article.publish_at).year
        for article in listed.context["cl"].result_list
    }
    assert years == {this_year - 3}


def test_counts_of_what_grows_for_ever_stop_at_their_cap(volume, monkeypatch):
    monkeypatch.setattr(admissions.queue, "COUNT_CAP", 100)
    monkeypatch.setattr(blog.attention, "COUNT_CAP", 100)
    client = signed_in(volume["superuser"])

    queue, _ = queries_of(client, QUEUE_URL)
    tabs = {tab["label"]: tab["count_label"] for tab in queue.context["queue_tabs"]}
    dashboard, _ = queries_of(client, reverse("admin:index"))

    assert tabs["Queue"] == str(OPEN_INQUIRIES)
    assert tabs["Closed"] == tabs["All"] == "100+"
    assert "100+ articles due for medical review" in dashboard.content.decode()


@POSTGRESQL_PLANS
def test_an_articles_long_text_is_kept_out_of_its_row(volume):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'blog_article'")
        options = cursor.fetchone()[0]

    assert "toast_tuple_target=256" in options


def test_open_and_closed_statuses_are_every_status_once():
    open_statuses, closed = Inquiry.OPEN_STATUSES, Inquiry.CLOSED_STATUSES
    assert sorted(open_statuses + closed) == sorted(Inquiry.Status.values)
    assert not set(open_statuses) & set(closed)
    open_index = next(
        index for index in Inquiry._meta.indexes if index.name == "inquiry_open_idx"
    )
    assert open_index.condition.children == [("status__in", list(open_statuses))]
