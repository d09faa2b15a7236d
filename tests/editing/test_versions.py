"""Every save of what visitors see is a version: who, when, a comment; any two versions
compared with the changed words named; one click restores a version as a new one."""

import re

import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from reversion.models import Version

from blog.models import Article
from editing.content_admin import ContentAdmin, readable_text
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
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db

# Admin pages of these models hold nothing a visitor reads as content of its own.
NOT_CONTENT = {
    "editing.EditorImage",
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


def test_the_diff_names_the_changed_words_of_rich_text(client, editor):
    article = ArticleFactory(
        body="<p>Withdrawal can be <strong>dangerous</strong>.</p>"
    )
    save_through_admin(client, article)
    save_through_admin(
        client,
        article,
        body="<p>Withdrawal can be <strong>life-threatening</strong>.</p>",
    )
    older, newer = sorted(Version.objects.get_for_object(article), key=lambda v: v.pk)

    response = client.get(
        f"/admin/blog/article/{article.pk}/history/compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    html = response.content.decode()
    assert response.status_code == 200
    diff = html[html.index("versions__diff") :]
    assert re.search(r"<del>[^<]*dangerous", diff)
    assert re.search(r"<ins>[^<]*life-threatening", diff)
    assert "&lt;strong&gt;" not in diff  # compared as text, not as markup


def test_readable_text_keeps_one_block_a_line():
    assert readable_text(
        "<h2>Signs</h2><p>Sleep &amp; mood</p><ul><li>One</li></ul>"
    ) == ("Signs\nSleep & mood\nOne")


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
    assert "Finding peace" in client.get(compare).content.decode()


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
