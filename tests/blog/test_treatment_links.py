"""An article leads readers to treatment: "Treatment for this" beside its body and the blog
sidebar's key resources, both following pages that are unpublished out at once."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from editing.publishing import Status
from tests.blog.factories import ArticleFactory
from tests.programs.factories import ConditionFactory, ProgramFactory
from website.models import Menu, MenuItem, SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


@pytest.fixture
def site():
    return SiteSettings.objects.create(name="Test Center", phone="(828) 555-0100")


def test_an_article_shows_its_programs_and_addictions_with_their_summaries_and_the_call_button(
    site,
):
    article = ArticleFactory()
    detox = ProgramFactory(name="Medical Detox", summary="Withdrawal, safely.")
    opioids = ConditionFactory(name="Opioids", summary="A medical condition.")
    article.programs.add(detox)
    article.conditions.add(opioids)

    html = Client().get(article.get_absolute_url()).content.decode()

    section = html[html.index('id="treatment-heading"') :]
    assert "Treatment for this" in section
    assert f'href="{detox.get_absolute_url()}">Medical Detox</a>' in section
    assert "Withdrawal, safely." in section
    assert f'href="{opioids.get_absolute_url()}">Opioids</a>' in section
    assert 'href="tel:+18285550100"' in section


def test_an_unpublished_program_leaves_treatment_for_this_at_once(site):
    article = ArticleFactory()
    program = ProgramFactory(name="Intensive Outpatient")
    article.programs.add(program)
    visitor = Client()
    assert (
        "Intensive Outpatient"
        in visitor.get(article.get_absolute_url()).content.decode()
    )

    program.status = Status.DRAFT
    program.save()

    html = visitor.get(article.get_absolute_url()).content.decode()
    assert "Intensive Outpatient" not in html
    assert "Treatment for this" not in html
    assert 'class="call-box"' in html  # the plain call box instead


def key_resources(*pages) -> Menu:
    menu = Menu.objects.create(
        title="Key resources",
        slug="key-resources",
        placement=Menu.Placement.BLOG_SIDEBAR,
    )
    for order, page in enumerate(pages):
        MenuItem.objects.create(
            menu=menu,
            label=page.name,
            content_type=ContentType.objects.get_for_model(page),
            object_id=page.pk,
            order=order,
        )
    return menu


def test_the_blog_sidebar_lists_key_resources_in_their_order(site):
    ArticleFactory()
    key_resources(ProgramFactory(name="Residential"), ConditionFactory(name="Alcohol"))

    html = Client().get("/blog/").content.decode()

    sidebar = html[html.index('class="blog-sidebar"') :]
    assert "Key resources" in sidebar
    assert sidebar.index(">Residential</a>") < sidebar.index(">Alcohol</a>")


def test_key_resources_follow_an_unpublished_page_out_and_back_in(site):
    article = ArticleFactory()
    program = ProgramFactory(name="Outpatient")
    key_resources(program, ProgramFactory(name="Detox"))
    visitor = Client()
    assert ">Outpatient</a>" in visitor.get(article.get_absolute_url()).content.decode()

    program.status = Status.DRAFT
    program.save()
    html = visitor.get(article.get_absolute_url()).content.decode()
    assert ">Outpatient</a>" not in html
    assert ">Detox</a>" in html

    program.status = Status.PUBLISHED
    program.save()
    assert ">Outpatient</a>" in visitor.get("/blog/").content.decode()


def test_key_resources_stay_out_of_the_footer(site):
    ArticleFactory()
    key_resources(ProgramFactory(name="Aftercare"))

    html = Client().get("/").content.decode()

    assert ">Aftercare</a>" not in html[html.index('class="site-footer"') :]
