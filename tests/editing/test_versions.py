"""Every save of what visitors see is a version: who, when, a comment; any two versions
compared with the changed words named; one click restores a version as a new one."""

import re

import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from django.utils.html import strip_tags
from reversion.models import Version

from blog.models import Article
from editing.compare import rich_text_diff
from editing.content_admin import ContentAdmin
from programs.models.sections import CallBoxSection, QuestionSection, TextSection
from programs.sections import sections_of
from rehab_site.content_apps import content_app_labels
from tests.admissions.factories import admissions_user, marketing_user
from tests.blog.factories import ArticleFactory, TagFactory
from tests.factories import (
    MenuFactory,
    MenuItemFactory,
    SiteSettingsFactory,
    UserFactory,
)
from tests.html_forms import admin_form
from tests.programs.factories import PageFactory, ProgramFactory

pytestmark = pytest.mark.django_db

# Admin pages of these models hold nothing a visitor reads as content of its own.
NOT_CONTENT = {
    # The picture library: pictures are shared by pages, whose versions name them.
    "pictures.Picture",
    "pictures.PictureFile",
    "pictures.PictureUse",
    "editing.Redirect",
    "editing.DraftChange",
    # A second-factor enrolment code: an account's secret, not content, never versioned.
    "staff_access.EnrolmentLink",
}


@pytest.fixture
def editor(client):
    user = UserFactory(
        is_staff=True, is_superuser=True, first_name="Dana", last_name="Whitfield"
    )
    client.force_login(user)
    return user


def save_through_admin(client, obj, **changes):
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    data = admin_form(client, url)
    for name, value in changes.items():
        data[name] = [value]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_every_content_model_in_the_admin_is_versioned():
    for model in apps.get_models():
        if (
            model._meta.app_label not in content_app_labels()
            or model._meta.label in NOT_CONTENT
        ):
            continue
        model_admin = (
            admin.site.get_model_admin(model)
            if admin.site.is_registered(model)
            else None
        )
        if model_admin is None:
            continue
        assert isinstance(model_admin, ContentAdmin), model._meta.label
        assert reversion.is_registered(model), model._meta.label


def test_a_save_is_a_version_with_who_and_when(client, editor):
    article = ArticleFactory(body="<p>Breathing slowly helps.</p>")

    save_through_admin(client, article, body="<p>Breathing slowly really helps.</p>")

    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert version.revision.date_created is not None
    assert "really" in version.field_dict["body"]


def compare_page(client, obj) -> str:
    older, newer = sorted(Version.objects.get_for_object(obj), key=lambda v: v.pk)[-2:]
    opts = obj._meta
    response = client.get(
        f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert response.status_code == 200
    return response.content.decode()


def changed_part(html: str) -> str:
    """The compare page's changes, before the folded unchanged fields."""
    start = html.index("versions__legend")
    return html[start : html.index("versions__actions", start)].split(
        "versions__unchanged"
    )[0]


def test_the_diff_names_the_changed_words_of_rich_text_formatted(client, editor):
    article = ArticleFactory(
        body="<h2>Signs</h2><p>Withdrawal can be <strong>dangerous</strong>.</p>"
    )
    save_through_admin(client, article)
    save_through_admin(
        client,
        article,
        body="<h2>Signs to watch for</h2>"
        "<p>Withdrawal can be <strong>life-threatening</strong>.</p>",
    )

    diff = changed_part(compare_page(client, article))

    assert "<strong><del>dangerous</del><ins>life-threatening</ins></strong>" in diff
    assert "<h2>Signs <ins>to watch for</ins></h2>" in diff
    assert "<strong>" in diff  # shown formatted, as the page reads
    assert "&lt;strong&gt;" not in diff
    assert "Withdrawal can be" in diff  # words around the change are kept, unmarked


def test_plain_fields_are_compared_word_by_word(client, editor):
    article = ArticleFactory(title="Finding calm after detox")
    save_through_admin(client, article)
    save_through_admin(client, article, title="Finding hope after detox")

    diff = changed_part(compare_page(client, article))

    assert "<del>calm</del>" in diff
    assert "<ins>hope</ins>" in diff
    assert "Finding" in diff and "after detox" in diff


def test_unchanged_fields_are_folded_away_and_equal_values_are_not_changes(
    client, editor
):
    article = ArticleFactory(title="Finding calm", body="<p>Words that stay.</p>")
    save_through_admin(client, article)
    # Saved again: the publish time goes through the form and back, the same minute.
    save_through_admin(client, article, title="Finding peace")

    html = compare_page(client, article)
    diff = changed_part(html)

    assert "Title" in diff
    assert "Publish at" not in diff
    assert "Words that stay" not in diff
    folded = html[html.index("versions__unchanged") :]
    assert "Show unchanged fields" in folded
    assert "Words that stay" in folded and "Publish at" in folded


def test_the_same_version_twice_says_so(client, editor):
    article = ArticleFactory()
    save_through_admin(client, article)
    save_through_admin(client, article)

    assert "These versions are the same." in compare_page(client, article)


def test_rich_text_diff_cannot_carry_markup_the_editor_does_not_make():
    diff = rich_text_diff(
        "<p>Call us</p>",
        '<p>Call us <img src=x onerror="alert(1)"><script>x</script></p>',
    )

    assert "onerror" not in diff and "<script" not in diff


def test_restore_brings_a_version_back_as_a_new_version(client, editor):
    article = ArticleFactory(title="Finding calm", body="<p>First words.</p>")
    save_through_admin(client, article)
    save_through_admin(
        client, article, title="Finding peace", body="<p>Second words.</p>"
    )
    first = Version.objects.get_for_object(article).order_by("pk").first()

    response = client.post(
        f"/admin/blog/article/{article.pk}/history/{first.pk}/restore/"
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Finding calm"
    assert article.body == "<p>First words.</p>"
    assert article.body_text == "First words."  # the article's own save ran
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 3
    assert versions.first().revision.comment.startswith("Restored the version of")
    assert versions.first().revision.user == editor
    # The version it replaced is still there to come back to.
    assert any(v.field_dict["title"] == "Finding peace" for v in versions)


def test_restore_is_a_post_and_needs_the_change_permission(client):
    article = ArticleFactory()
    with reversion.create_revision():
        article.save()
    version = Version.objects.get_for_object(article).get()
    url = f"/admin/blog/article/{article.pk}/history/{version.pk}/restore/"
    reader = UserFactory(is_staff=True, permissions=["blog.view_article"])
    client.force_login(reader)

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403


def saved_twice(article) -> list:
    """The article's two versions, newest first."""
    for title in ("Finding calm", "Finding peace"):
        article.title = title
        with reversion.create_revision():
            article.save()
    return list(Version.objects.get_for_object(article))


def test_comparing_versions_needs_what_the_history_needs(client):
    article = ArticleFactory()
    newer, older = saved_twice(article)
    history = f"/admin/blog/article/{article.pk}/history/"
    compare = f"{history}compare/?version_id1={older.pk}&version_id2={newer.pk}"
    counselor = admissions_user()
    client.force_login(counselor)

    assert client.get(history).status_code == 403
    assert client.get(compare).status_code == 403

    client.force_login(marketing_user())
    assert "<ins>peace</ins>" in client.get(compare).content.decode()


def test_a_version_opens_only_in_the_form_of_its_own_object(client, editor):
    article = ArticleFactory()
    _, version = saved_twice(article)
    tag = TagFactory(pk=article.pk)  # the same number, another kind of object

    own = client.get(f"/admin/blog/article/{article.pk}/history/{version.pk}/")
    elsewhere = client.get(f"/admin/blog/tag/{tag.pk}/history/{version.pk}/")

    assert own.status_code == 200
    assert elsewhere.status_code == 404


def test_a_version_in_the_form_needs_what_the_history_needs(client):
    article = ArticleFactory()
    _, version = saved_twice(article)
    client.force_login(admissions_user())

    response = client.get(f"/admin/blog/article/{article.pk}/history/{version.pk}/")

    assert response.status_code == 403


def test_only_a_deleted_object_of_the_model_is_offered_to_recover(client, editor):
    kept, deleted = ArticleFactory(), ArticleFactory(title="Gone for now")
    newest_kept, _ = saved_twice(kept)
    gone, _ = saved_twice(deleted)
    deleted.delete()

    assert client.get(f"/admin/blog/article/recover/{gone.pk}/").status_code == 200
    assert (
        client.get(f"/admin/blog/article/recover/{newest_kept.pk}/").status_code == 404
    )
    # A deleted article's version is not a tag's to recover.
    assert client.get(f"/admin/blog/tag/recover/{gone.pk}/").status_code == 404


def test_menus_are_versioned_with_their_items(client, editor):
    menu = MenuFactory(title="Main", slug="main")
    MenuItemFactory(menu=menu, label="Treatment", url="/treatment/")
    save_through_admin(client, menu)
    version = Version.objects.get_for_object(menu).get()

    assert version.revision.version_set.filter(content_type__model="menuitem").exists()


def test_site_settings_and_program_pages_are_versioned(client, editor):
    site = SiteSettingsFactory()
    program = ProgramFactory()
    save_through_admin(client, site, phone="(828) 555-0199")
    save_through_admin(client, program, summary="Around-the-clock care.")

    assert (
        Version.objects.get_for_object(site).get().field_dict["phone"]
        == "(828) 555-0199"
    )
    assert Version.objects.get_for_object(program).exists()


def test_history_lists_versions_with_names_and_restore_buttons(client, editor):
    article = ArticleFactory()
    save_through_admin(client, article, title="One")
    save_through_admin(client, article, title="Two")

    html = client.get(f"/admin/blog/article/{article.pk}/history/").content.decode()

    assert "Dana Whitfield" in html
    assert html.count(">Restore</button>") == 1  # every version but the current one
    assert "Compare the chosen versions" in html


def test_the_article_changelist_still_answers(client, editor):
    ArticleFactory()
    assert client.get("/admin/blog/article/").status_code == 200
    assert Article.objects.count() == 1


def test_sections_are_compared_as_added_removed_moved_or_changed(client, editor):
    page = PageFactory(
        sections=[
            (TextSection, {"heading": "Why us", "body": "<p>Calm rooms.</p>"}),
            (CallBoxSection, {"heading": "Call us today"}),
            (QuestionSection, {"question": "Is it private?", "answer": "Yes."}),
            (TextSection, {"heading": "What to bring", "body": "<p>A list.</p>"}),
        ]
    )
    save_through_admin(client, page)
    why, call, question, bring = sections_of(page)
    why.body = "<p>Calm, quiet rooms.</p>"
    why.save()
    bring.ordering = 5  # to the top
    bring.save()
    question.delete()
    TextSection.objects.create(
        parent=page, region="sections", ordering=50, heading="Aftercare",
        body="<p>We stay in touch.</p>",
    )  # fmt: skip
    save_through_admin(client, page)

    html = compare_page(client, page)
    rows = {
        re.sub(r"\s+", " ", strip_tags(row)).strip()
        for row in re.findall(r'<p class="versions__row-name">(.*?)</p>', html, re.S)
    }

    assert rows == {
        "Changed Text: Why us",
        "Moved Text: What to bring",
        "Removed Question and answer: Is it private?",
        "Added Text: Aftercare",
    }
    changed = html[html.index("Changed</span>") :].split("</li>")[0]
    assert re.search(r"<ins>[^<]*quiet", changed)
    assert "Call us today" not in changed_part(html)
    assert "Call us today" in html[html.index("versions__unchanged") :]


def test_a_removed_paragraph_and_an_added_item_show_whole():
    diff = rich_text_diff(
        "<p>Keep this.</p><p>Gone now.</p><ul><li>Rest</li></ul>",
        "<p>Keep this.</p><ul><li>Rest</li><li>Family visits</li></ul>",
    )

    assert diff == (
        "<p>Keep this.</p><p><del>Gone now.</del></p>"
        "<ul><li>Rest</li><li><ins>Family visits</ins></li></ul>"
    )
