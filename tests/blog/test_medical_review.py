"""An article whose clinical content changed since its medical review is due for review."""

import pytest
from django.utils import timezone

from blog.models import Article
from editing.publishing import Status

from .factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed():
    return ArticleFactory(
        title="Alcohol withdrawal",
        body="<p>Withdrawal can begin within hours.</p>",
        medical_reviewer=PersonFactory(name="Dr. Maya Ellison"),
        reviewed_on=timezone.localdate(),
    )


def test_a_fresh_review_is_up_to_date(reviewed):
    assert not reviewed.is_due_for_review
    assert reviewed not in Article.objects.due_for_review()


def test_changing_the_clinical_text_after_the_review_makes_it_due(reviewed):
    reviewed.body = "<p>Withdrawal can begin within six hours.</p>"
    reviewed.save()

    reviewed.refresh_from_db()
    assert reviewed.changed_since_review and reviewed.is_due_for_review
    assert list(Article.objects.changed_since_review()) == [reviewed]
    assert list(Article.objects.due_for_review()) == [reviewed]


@pytest.mark.parametrize(
    "field, value",
    [("status", Status.DRAFT), ("seo_title", "Withdrawal"), ("noindex", True)],
)
def test_changes_outside_the_clinical_content_keep_the_review(reviewed, field, value):
    setattr(reviewed, field, value)
    reviewed.save()

    assert not Article.objects.get().is_due_for_review


def test_whitespace_in_the_body_is_not_a_clinical_change(reviewed):
    reviewed.body = "<p>Withdrawal  can begin\nwithin hours.</p>"
    reviewed.save()

    assert not Article.objects.get().changed_since_review


def test_a_new_review_date_clears_the_flag(reviewed):
    reviewed.summary = "What to expect in the first days."
    reviewed.save()
    reviewed.reviewed_on = timezone.localdate() - timezone.timedelta(days=1)
    reviewed.save()

    assert not Article.objects.get().changed_since_review


def test_recording_a_review_today_clears_the_flag(reviewed):
    reviewed.summary = "What to expect in the first days."
    reviewed.save()

    reviewed.record_review()

    assert not Article.objects.get().is_due_for_review


def test_the_admin_says_why_a_review_is_due_and_filters_changed_articles(
    client, reviewed
):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    reviewed.body = "<p>Withdrawal can be dangerous.</p>"
    reviewed.save()
    ArticleFactory(
        title="Untouched",
        medical_reviewer=reviewed.medical_reviewer,
        reviewed_on=timezone.localdate(),
    )

    form = client.get(f"/admin/blog/article/{reviewed.pk}/change/").content.decode()
    changed = client.get("/admin/blog/article/?review=changed").content.decode()

    assert "changed since the review" in form
    assert "Alcohol withdrawal" in changed and "Untouched" not in changed
