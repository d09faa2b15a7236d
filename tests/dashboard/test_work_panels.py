"""The dashboard about the work (issue 27, item 2): an editor finds their own drafts, what
goes live and when, and what anyone edited last; a counselor finds every view of the
queue with its count, each count the length of the list it opens."""

from datetime import timedelta

import pytest
import reversion
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import Inquiry
from admissions.queue import VIEWS
from dashboard.notices import dashboard_panels
from editing.publishing import Status
from tests.admissions.factories import InquiryFactory, admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.editing.test_drafts import save_draft
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def panels_for(user) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {panel.title: panel for panel in dashboard_panels(request)}


def labels(panel) -> list[str]:
    return [row.label for row in panel.rows]


def saved_by(user, obj):
    with reversion.create_revision():
        reversion.set_user(user)
        obj.save()
    return obj


def test_your_drafts_are_the_drafts_you_saved_last(client):
    maria = marketing_user()
    dev = marketing_user(first_name="Dev", last_name="Patel")
    mine = saved_by(maria, ArticleFactory(title="Mine, a draft", status=Status.DRAFT))
    saved_by(maria, ArticleFactory(title="Mine, published"))
    saved_by(dev, ArticleFactory(title="Dev's draft", status=Status.DRAFT))
    saved_by(maria, ProgramFactory(name="Detox", status=Status.DRAFT))

    drafts = panels_for(maria)["Your drafts"]

    assert labels(drafts) == ["Detox", "Mine, a draft"]  # newest first
    assert drafts.rows[1].url == f"/admin/blog/article/{mine.pk}/change/"
    assert "Program · Draft · saved" in drafts.rows[0].detail
    assert labels(panels_for(dev)["Your drafts"]) == ["Dev's draft"]


def test_a_draft_change_you_saved_waits_in_your_drafts(client):
    maria = marketing_user()
    client.force_login(maria)
    article = saved_by(maria, ArticleFactory(title="Live article"))

    response = save_draft(client, article, title="Live article, rewritten")

    assert response.status_code == 302

    drafts = panels_for(maria)["Your drafts"]
    assert labels(drafts) == ["Live article"]
    assert "Draft change, not live yet" in drafts.rows[0].detail


def test_scheduled_lists_pages_with_their_times_soonest_first():
    soon = timezone.now() + timedelta(days=1)
    later = timezone.now() + timedelta(days=3)
    ArticleFactory(title="Later article", publish_at=later)
    ProgramFactory(name="Sooner program", publish_at=soon)
    ArticleFactory(title="Already live")

    scheduled = panels_for(marketing_user())["Scheduled to go live"]

    assert labels(scheduled) == ["Sooner program", "Later article"]
    assert "Goes live" in scheduled.rows[0].detail
    assert str(timezone.localtime(soon).year) in scheduled.rows[0].detail


def test_recently_edited_is_by_anyone_newest_first_one_row_a_page():
    maria = marketing_user()
    dev = marketing_user(first_name="Dev", last_name="Patel")
    first = ArticleFactory(title="First")
    saved_by(maria, first)
    saved_by(dev, ArticleFactory(title="Second"))
    saved_by(dev, first)  # edited again: one row, at the top

    recent = panels_for(maria)["Recently edited"]

    assert labels(recent) == ["First", "Second"]
    assert dev.get_full_name() in recent.rows[0].detail


def test_counselors_get_the_queue_and_no_editing_panels():
    panels = panels_for(admissions_user())

    assert list(panels) == ["Inquiry queue"]


def test_marketing_gets_no_queue():
    assert "Inquiry queue" not in panels_for(marketing_user())


@pytest.mark.parametrize("view", [view.key for view in VIEWS])
def test_each_queue_count_is_the_length_of_the_list_it_opens(client, view):
    counselor = admissions_user()
    old = timezone.now() - timedelta(days=2)
    for urgent in (True, False):
        InquiryFactory(is_urgent=urgent)
    Inquiry.objects.update(received_at=old)
    InquiryFactory(assigned_to=counselor)
    InquiryFactory()
    InquiryFactory(status=Inquiry.Status.CLOSED)
    InquiryFactory(status=Inquiry.Status.SPAM)
    client.force_login(counselor)

    row = next(
        row
        for row in panels_for(counselor)["Inquiry queue"].rows
        if row.label == next(v.label for v in VIEWS if v.key == view)
    )

    response = client.get(row.url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == int(row.count)


def test_the_dashboard_shows_the_panels(client):
    maria = marketing_user()
    saved_by(maria, ArticleFactory(title="A draft to finish", status=Status.DRAFT))
    client.force_login(maria)

    html = client.get("/admin/").content.decode()

    assert "Your drafts" in html and "A draft to finish" in html
    assert "Recently edited" in html and "Scheduled to go live" in html


def test_the_panels_cost_the_same_with_more_work(client):
    maria = marketing_user()
    client.force_login(maria)
    later = timezone.now() + timedelta(days=2)

    def add_work(n: int) -> None:
        for _ in range(n):
            saved_by(maria, ArticleFactory(status=Status.DRAFT))
            saved_by(maria, ProgramFactory(publish_at=later))
            live = saved_by(maria, ArticleFactory())
            save_draft(client, live, title=f"Changed {live.pk}")

    add_work(1)
    with CaptureQueriesContext(connection) as small:
        panels_for(maria)
    add_work(8)
    with CaptureQueriesContext(connection) as large:
        panels = panels_for(maria)

    assert len(large) == len(small), len(small)
    assert panels["Your drafts"].more == "and 12 more"
    assert len(small) <= 30, [query["sql"][:120] for query in small]
