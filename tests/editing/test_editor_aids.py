"""What the change forms of pages and articles add for editors (issue 14 item 4): preview
before the first save, thumbnails, SEO counters, and the checklist before publishing."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Article
from editing.publishing import Status
from programs.models import FAQ, Program
from rehab_site.caching import COORDINATION, STATE_KEY, content_state
from tests.admissions.factories import marketing_user
from tests.blog.factories import (
    ArticleFactory,
    CategoryFactory,
    PersonFactory,
    TagFactory,
)
from tests.html_forms import admin_form
from tests.programs.factories import ConditionFactory, FAQFactory, ProgramFactory

pytestmark = pytest.mark.django_db

ADD_ARTICLE = "/admin/blog/article/add/"


@pytest.fixture
def marketer(client):
    user = marketing_user()
    client.force_login(user)
    return user


def article_form(**overrides) -> dict:
    return {
        "title": "Finding calm",
        "slug": "finding-calm",
        "summary": "Small steps toward calm.",
        "body": "<h2>Breathing</h2><p>Breathe in for four counts.</p>",
        "status": Status.DRAFT,
        "publish_at_0": timezone.localdate().isoformat(),
        "publish_at_1": "09:00:00",
        "seo_title": "",
        "meta_description": "How to find calm in the first week.",
    } | overrides


def program_form(program: Program, **overrides) -> dict:
    return {
        "name": program.name,
        "slug": program.slug,
        "kind": "level",
        "summary": program.summary,
        "body": program.body,
        "status": program.status,
        "publish_at_0": "2026-01-01",
        "publish_at_1": "09:00:00",
        "order": "0",
        "hero_picture": "",
        "meta_description": "",
        "programs-faq-content_type-object_id-TOTAL_FORMS": "0",
        "programs-faq-content_type-object_id-INITIAL_FORMS": "0",
        "programs-placedblock-content_type-object_id-TOTAL_FORMS": "0",
        "programs-placedblock-content_type-object_id-INITIAL_FORMS": "0",
    } | overrides


FAQ_PREFIX = "programs-faq-content_type-object_id"


def faq_rows(*rows) -> dict:
    """The FAQ inline as posted: `rows` of (id or None, question, answer, order, delete)."""
    initial = sum(1 for row in rows if row[0] is not None)
    data = {
        f"{FAQ_PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{FAQ_PREFIX}-INITIAL_FORMS": str(initial),
    }
    for number, (pk, question, answer, order, delete) in enumerate(rows):
        data |= {
            f"{FAQ_PREFIX}-{number}-id": str(pk or ""),
            f"{FAQ_PREFIX}-{number}-question": question,
            f"{FAQ_PREFIX}-{number}-answer": answer,
            f"{FAQ_PREFIX}-{number}-order": str(order),
        }
        if delete:
            data[f"{FAQ_PREFIX}-{number}-DELETE"] = "on"
    return data


WRITES = ("INSERT", "UPDATE", "DELETE")


def writes_to_content(queries) -> list[str]:
    """Statements that wrote anything but the staff member's own session."""
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(WRITES)
        and "django_session" not in query["sql"]
    ]


class TestPreview:
    def test_a_preview_writes_nothing_and_leaves_the_content_generation_as_it_was(
        self, client, marketer
    ):
        program = ProgramFactory(name="Detox", slug="detox")
        question = FAQFactory(page=program, question="How long is detox?")
        before = content_state().generation

        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                f"/admin/programs/program/{program.pk}/preview/",
                program_form(program, name="Medical detox")
                | faq_rows(
                    (question.pk, "How long does detox take?", "A week.", 0, False)
                ),
            )

        assert "Medical detox" in response.content.decode()
        assert "How long does detox take?" in response.content.decode()
        assert writes_to_content(queries.captured_queries) == []
        assert caches[COORDINATION].get(STATE_KEY).generation == before

    def test_the_preview_shows_connections_and_questions_as_typed(
        self, client, marketer
    ):
        program = ProgramFactory(name="Detox", slug="detox")
        kept, dropped, changed = (
            FAQFactory(page=program, question=f"{word} question?", order=number)
            for number, word in enumerate(["Kept", "Dropped", "Changed"])
        )
        chosen_before = ConditionFactory(name="Alcohol addiction")
        chosen_now = ConditionFactory(name="Opioid addiction")
        not_live = ConditionFactory(name="Gambling addiction", status=Status.DRAFT)
        program.conditions.set([chosen_before])

        response = client.post(
            f"/admin/programs/program/{program.pk}/preview/",
            program_form(program)
            | {"conditions": [chosen_now.pk, not_live.pk]}
            | faq_rows(
                (kept.pk, kept.question, kept.answer, 1, False),
                (dropped.pk, dropped.question, dropped.answer, 2, True),
                (changed.pk, "Is the question changed?", "Yes.", 3, False),
                (None, "Is this one new?", "It is typed, not saved.", 0, False),
            ),
        )

        page = response.content.decode()
        assert "Opioid addiction" in page
        assert "Alcohol addiction" not in page
        assert (
            "Gambling addiction" not in page
        )  # a draft stays off the page, as when live
        assert "Dropped question?" not in page
        assert page.index("Is this one new?") < page.index("Kept question?")
        assert page.index("Kept question?") < page.index("Is the question changed?")
        assert "This is the page as typed in the editor, not saved" in page
        assert list(program.conditions.all()) == [chosen_before]
        assert sorted(FAQ.objects.values_list("question", flat=True)) == sorted(
            ["Kept question?", "Dropped question?", "Changed question?"]
        )

    def test_a_new_program_is_previewed_with_its_questions_before_the_first_save(
        self, client, marketer
    ):
        condition = ConditionFactory(name="Alcohol addiction")
        unsaved = Program(name="Sober living", slug="sober-living", summary="A home.")

        response = client.post(
            "/admin/programs/program/add/preview/",
            program_form(
                unsaved, body="<p>A home while you settle.</p>", status="draft"
            )
            | {"conditions": [condition.pk]}
            | faq_rows((None, "Can I bring a phone?", "Yes.", 0, False)),
        )

        page = response.content.decode()
        assert response.status_code == 200
        assert "Sober living" in page and "A home while you settle." in page
        assert "Can I bring a phone?" in page and "Alcohol addiction" in page
        assert not Program.objects.exists() and not FAQ.objects.exists()

    def test_a_new_article_is_previewed_with_its_authors_topics_and_tags(
        self, client, marketer
    ):
        author = PersonFactory(name="Dana Reyes")
        category = CategoryFactory(name="Recovery")
        tag = TagFactory(name="breathing")

        response = client.post(
            f"{ADD_ARTICLE}preview/",
            article_form(authors=[author.pk], categories=[category.pk], tags=[tag.pk]),
        )

        page = response.content.decode()
        assert "Dana Reyes" in page and ">Recovery<" in page and ">breathing<" in page
        assert "This is the article as typed in the editor, not saved" in page
        assert not Article.objects.exists()

    def test_a_question_with_errors_is_listed_and_nothing_is_saved(
        self, client, marketer
    ):
        program = ProgramFactory()

        response = client.post(
            f"/admin/programs/program/{program.pk}/preview/",
            program_form(program)
            | faq_rows((None, "A question with no answer?", "", 0, False)),
        )

        page = response.content.decode()
        assert "The preview needs a few fixes first" in page
        assert "FAQs: Answer: This field is required." in page
        assert not FAQ.objects.exists()

    def test_a_new_article_is_previewed_with_the_public_template_and_nothing_is_saved(
        self, client, marketer
    ):
        response = client.post(f"{ADD_ARTICLE}preview/", article_form())

        page = response.content.decode()
        assert response.status_code == 200
        assert "<h1" in page and "Finding calm" in page
        assert "Breathe in for four counts." in page
        assert 'class="article__body rich-text"' in page
        assert not Article.objects.exists()

    def test_a_change_to_a_live_program_is_previewed_and_the_live_page_stays(
        self, client, marketer
    ):
        program = ProgramFactory(name="Detox", slug="detox", body="<p>Old words.</p>")

        response = client.post(
            f"/admin/programs/program/{program.pk}/preview/",
            program_form(program, name="Medical detox", body="<p>New words.</p>"),
        )

        page = response.content.decode()
        assert "Medical detox" in page and "New words." in page
        program.refresh_from_db()
        assert program.name == "Detox"
        assert "Old words." in client.get("/treatment/detox/").content.decode()

    def test_a_form_with_errors_says_what_to_fix_and_saves_nothing(
        self, client, marketer
    ):
        response = client.post(f"{ADD_ARTICLE}preview/", article_form(title=""))

        assert "The preview needs a few fixes first" in response.content.decode()
        assert not Article.objects.exists()

    def test_the_change_form_offers_preview_before_the_first_save(
        self, client, marketer
    ):
        page = client.get(ADD_ARTICLE).content.decode()

        assert 'formaction="/admin/blog/article/add/preview/"' in page
        assert 'formtarget="_blank"' in page


class TestFieldsShowWhatVisitorsSee:
    def test_a_picture_field_shows_the_picture_as_a_thumbnail(self, client, marketer):
        article = ArticleFactory(with_picture=True)

        page = client.get(f"/admin/blog/article/{article.pk}/change/").content.decode()

        thumbnail = article.featured_picture.renditions["sizes"][0]["url"]
        assert f'<img data-picture-thumbnail src="{thumbnail}"' in page

    def test_seo_fields_have_counters_and_a_search_preview(self, client, marketer):
        page = client.get(ADD_ARTICLE).content.decode()

        assert 'data-seo-counter="70"' in page
        assert 'data-seo-counter="160"' in page
        assert (
            'data-search-preview-address="http://testserver/blog/your-page-address/"'
            in page
        )
        assert "/static/js/admin/seo.js" in page
        assert "/static/css/admin-editor.css" in page


class TestChecklistBeforePublishing:
    BODY = (
        '<h2>Start</h2><h4>Skipped</h4><p><img src="/media/x.png" alt="">'
        '<a href="/blog/still-a-draft/">draft</a> <a href="/blog/nowhere/">gone</a></p>'
    )

    def test_publishing_is_held_only_by_what_harms_visitors_each_on_its_field(
        self, client, marketer
    ):
        ArticleFactory(slug="still-a-draft", draft=True)

        response = client.post(
            ADD_ARTICLE,
            article_form(status=Status.PUBLISHED, body=self.BODY, meta_description=""),
        )

        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        body_errors = " ".join(errors["body"])
        assert "1 image in the body has no alt text" in body_errors
        assert (
            "The link to /blog/still-a-draft/ in the body leads nowhere" in body_errors
        )
        assert "the article is a draft" in body_errors
        assert "The link to /blog/nowhere/ in the body leads nowhere" in body_errors
        # Advice is not an error: the skipped heading, the empty meta description.
        page = response.content.decode()
        assert "right after a heading 2" not in page
        assert "meta_description" not in errors
        assert "Publish anyway" not in page
        assert not Article.objects.filter(slug="finding-calm").exists()

    def test_advice_alone_never_holds_publishing(self, client, marketer):
        response = client.post(
            ADD_ARTICLE,
            article_form(
                status=Status.PUBLISHED,
                body="<h2>Start</h2><h4>Skipped</h4><p>Plain words.</p>",
                meta_description="",
            ),
        )

        assert response.status_code == 302
        assert Article.objects.get(slug="finding-calm").status == Status.PUBLISHED

    def test_publishing_a_live_page_is_held_by_a_fault_too(self, client, marketer):
        article = ArticleFactory(body="<p>Fine.</p>")
        url = f"/admin/blog/article/{article.pk}/change/"
        data = admin_form(client, url)
        data["body"] = ['<p>Now with <img src="/media/x.png" alt=""></p>']
        data["_publish"] = ["Publish"]

        response = client.post(url, data)

        assert response.status_code == 200
        assert "has no alt text" in " ".join(
            response.context["adminform"].form.errors["body"]
        )
        article.refresh_from_db()
        assert article.body == "<p>Fine.</p>"

    def test_a_draft_saves_without_the_checklist(self, client, marketer):
        response = client.post(ADD_ARTICLE, article_form(body=self.BODY))

        assert response.status_code == 302

    def test_a_clean_article_publishes_at_once(self, client, marketer):
        response = client.post(ADD_ARTICLE, article_form(status=Status.PUBLISHED))

        assert response.status_code == 302
        assert Article.objects.get().status == Status.PUBLISHED

    def test_publishing_a_draft_program_is_checked_too(self, client, marketer):
        program = ProgramFactory(status=Status.DRAFT)

        response = client.post(
            f"/admin/programs/program/{program.pk}/change/",
            program_form(
                program,
                status=Status.PUBLISHED,
                body='<p><img src="/media/x.png"></p>',
            ),
        )

        assert "has no alt text" in response.content.decode()
        program.refresh_from_db()
        assert program.status == Status.DRAFT


def test_a_page_whose_address_leads_elsewhere_is_not_previewed_but_explained(rf):
    from editing.preview import AddressTaken, render_preview
    from programs.models import Page

    with pytest.raises(AddressTaken, match="belongs to another part of the site"):
        render_preview(rf.get("/admin/"), Page(name="Admissions", slug="admissions"))
