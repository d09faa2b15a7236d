"""The broken-link report (issue 13 item 5): internal links in article, program and page
bodies, menus and site settings; a task after saves, a command daily, a list in the admin."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from editing.publishing import Status
from linkcheck.attention import attention
from linkcheck.checker import check_all_links
from linkcheck.models import BrokenLink
from linkcheck.tasks import task_path
from programs.models import Program
from tests.admissions.factories import admissions_user, marketing_user
from tests.blog.factories import ArticleFactory
from tests.factories import MenuFactory, MenuItemFactory, SiteSettingsFactory
from tests.programs.factories import ConditionFactory, PageFactory, ProgramFactory
from tests.tasks import run_worker

pytestmark = pytest.mark.django_db


def run_check_links() -> tuple[str, str | None]:
    output = io.StringIO()
    try:
        call_command("check_links", stdout=output)
    except CommandError as error:
        return output.getvalue(), str(error)
    return output.getvalue(), None


def report() -> set[tuple[str, str, str]]:
    return {
        (broken.where, broken.field, broken.url) for broken in BrokenLink.objects.all()
    }


def test_check_links_lists_internal_links_that_no_longer_resolve():
    ArticleFactory(slug="still-here")
    ArticleFactory(slug="secret", draft=True)
    ArticleFactory(
        title="Linking article",
        body=(
            '<p><a href="/blog/still-here/">fine</a> '
            '<a href="/blog/gone-away/">gone</a> '
            '<a href="/blog/secret/">draft</a> '
            '<a href="https://example.org/elsewhere/">external</a> '
            '<a href="mailto:help@example.org">mail</a> '
            '<img src="/media/editor/missing.png" alt=""></p>'
        ),
    )

    output, error = run_check_links()

    assert "Linking article" in output
    assert "/blog/gone-away/ → 404 Not Found (no page has this address)" in output
    assert "/blog/secret/ → 404 Not Found (the article is a draft)" in output
    assert "/media/editor/missing.png → uploaded file is missing" in output
    assert "still-here" not in output
    assert "example.org" not in output
    assert error == "Checked 4 internal link(s): 3 broken."


def test_links_to_renamed_articles_follow_the_redirect_and_pass():
    moved = ArticleFactory(slug="old-name")
    moved.slug = "new-name"
    moved.save()
    ArticleFactory(body='<p><a href="/blog/old-name/">moved</a></p>')

    output, error = run_check_links()

    assert error is None
    assert "0 broken" in output


def test_a_broken_link_is_found_in_each_kind_of_body_in_menus_and_in_settings():
    SiteSettingsFactory(facebook_url="https://testserver/no-such-social-page/")
    article = ArticleFactory(
        title="Signs of relapse", body='<p><a href="/treatment/gone/">x</a></p>'
    )
    program = ProgramFactory(
        name="Detox",
        body="<p>Fine.</p>",
        who_it_suits='<p><a href="/blog/never-written/">y</a></p>',
    )
    condition = ConditionFactory(
        name="Alcohol", signs='<p><a href="/no-page/">z</a></p>'
    )
    page = PageFactory(
        name="About us", body='<p><a href="/areas-we-serve/mars/">m</a></p>'
    )
    menu = MenuFactory(title="Footer help", slug="help")
    MenuItemFactory(menu=menu, label="Old tour", url="/old-tour/")
    hidden = ProgramFactory(name="Hidden program", status=Status.DRAFT)
    MenuItemFactory(
        menu=menu,
        label="Hidden program",
        url="",
        content_type=ContentType.objects.get_for_model(Program),
        object_id=hidden.pk,
    )
    MenuItemFactory(menu=menu, label="Works", url="/blog/")

    checked, findings = check_all_links()

    assert report() == {
        ("Article “Signs of relapse”", "body", "/treatment/gone/"),
        ("Program “Detox”", "who it suits", "/blog/never-written/"),
        ("Condition “Alcohol”", "signs of addiction", "/no-page/"),
        ("Page “About us”", "body", "/areas-we-serve/mars/"),
        ("Menu “Footer help”, menu item “Old tour”", "URL", "/old-tour/"),
        (
            "Menu “Footer help”, menu item “Hidden program”",
            "page",
            f"program #{hidden.pk}",
        ),
        (
            "Site settings “Willow Ridge Recovery”",
            "facebook url",
            "https://testserver/no-such-social-page/",
        ),
    }
    edit_links = {broken.where: broken.edit_url for broken in BrokenLink.objects.all()}
    assert edit_links["Article “Signs of relapse”"] == reverse(
        "admin:blog_article_change", args=[article.pk]
    )
    assert edit_links["Program “Detox”"] == reverse(
        "admin:programs_program_change", args=[program.pk]
    )
    assert edit_links["Condition “Alcohol”"] == reverse(
        "admin:programs_condition_change", args=[condition.pk]
    )
    assert edit_links["Page “About us”"] == reverse(
        "admin:programs_page_change", args=[page.pk]
    )
    assert edit_links["Menu “Footer help”, menu item “Old tour”"] == reverse(
        "admin:website_menu_change", args=[menu.pk]
    )
    hidden_finding = next(f for f in findings if f.field == "page")
    assert hidden_finding.problem == "the page “Hidden program” is not published"


def test_a_fixed_link_leaves_the_report_at_the_next_check():
    article = ArticleFactory(body='<p><a href="/blog/gone-away/">gone</a></p>')
    check_all_links()
    assert BrokenLink.objects.count() == 1

    article.body = '<p><a href="/blog/">all articles</a></p>'
    article.save()
    check_all_links()

    assert not BrokenLink.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_saves_in_the_admin_queue_one_check_that_the_worker_runs(client):
    menu = MenuFactory(title="Footer help", slug="help")
    client.force_login(marketing_user())
    change_menu = reverse("admin:website_menu_change", args=[menu.pk])
    form = {
        "title": "Footer help", "slug": "help", "placement": "footer", "order": 0,
        "items-TOTAL_FORMS": 1, "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0, "items-MAX_NUM_FORMS": 1000,
        "items-0-label": "Old tour", "items-0-url": "/old-tour/", "items-0-order": 0,
    }  # fmt: skip
    assert DBTaskResult.objects.filter(task_path=task_path()).count() == 0

    assert client.post(change_menu, form).status_code == 302
    form |= {"title": "Footer: help", "items-TOTAL_FORMS": 0}
    assert client.post(change_menu, form).status_code == 302
    queued = DBTaskResult.objects.filter(task_path=task_path())
    assert queued.count() == 1  # a burst of saves queues one check

    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1)):
        run_worker()

    assert report() == {
        ("Menu “Footer: help”, menu item “Old tour”", "URL", "/old-tour/")
    }


def test_marketing_sees_the_report_with_links_to_fix_each_page(client):
    ArticleFactory(
        title="Signs of relapse", body='<p><a href="/blog/gone-away/">gone</a></p>'
    )
    check_all_links()
    user = marketing_user()
    client.force_login(user)

    page = client.get(reverse("admin:linkcheck_brokenlink_changelist")).content.decode()

    assert "Signs of relapse" in page
    assert "/blog/gone-away/" in page
    article_admin = reverse(
        "admin:blog_article_change", args=[BrokenLink.objects.get().object_id]
    )
    assert f'href="{article_admin}"' in page


def test_the_dashboard_notice_counts_broken_links_for_those_who_can_see_them(rf):
    ArticleFactory(
        body='<p><a href="/blog/gone-away/">a</a> <a href="/nowhere/">b</a></p>'
    )
    check_all_links()
    request = rf.get("/admin/")

    request.user = marketing_user()
    [notice] = attention(request)
    request.user = admissions_user()
    hidden = attention(request)

    assert notice.title == "2 broken links on the site"
    assert notice.url == reverse("admin:linkcheck_brokenlink_changelist")
    assert hidden == []
