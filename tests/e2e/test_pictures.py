"""The picture library as an editor uses it (issue 27, item 1): upload a picture once in
the chooser, use it as a program's hero and in an article's text, move its focal point and
see the hero's crop move, replace its file and see both uses change, be refused when
deleting it in use, and keep the chosen picture through a form that comes back with an
error. The library, its chooser and the picture's page pass axe at 1024 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import Article
from pictures.models import Picture
from programs.models import Program
from tests.blog.factories import ArticleFactory
from tests.pictures.factories import jpeg_bytes
from tests.programs.factories import ProgramFactory

from .conftest import DESKTOP, assert_no_axe_violations
from .test_editing import marketer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def write_jpeg(tmp_path, name, **kwargs):
    path = tmp_path / name
    path.write_bytes(jpeg_bytes(**kwargs))
    return path


def hero_src(page, base_url, program) -> str:
    page.goto(f"{base_url}{program.get_absolute_url()}")
    return page.locator(".page-header__figure img").get_attribute("src")


def publish(page) -> None:
    # A long form has its buttons at the top and at the foot.
    page.get_by_role("button", name="Publish", exact=True).first.click()
    expect(page.locator(".messagelist .success").first).to_be_visible()


def test_upload_once_use_twice_focus_replace_and_keep(live_server, browser, tmp_path):
    marketer("maria", "Maria", "Lopez")
    program = ProgramFactory(name="Residential treatment", slug="residential")
    article = ArticleFactory(
        slug="first-week", title="Your first week", body="<p>What to expect.</p>"
    )
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, "maria")
    base = live_server.url

    # Upload once, in the chooser of the program's hero picture.
    page.goto(f"{base}/admin/programs/program/{program.pk}/change/")
    hero = page.locator(".field-hero_picture")
    hero.get_by_role("button", name="Choose a picture").click()
    dialog = page.get_by_role("dialog", name="Choose a picture")
    expect(dialog).to_be_visible()
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
    upload = dialog.locator("[data-picture-upload]")
    upload.get_by_label("Picture file").set_input_files(
        str(write_jpeg(tmp_path, "lodge.jpg"))
    )
    upload.get_by_role("button", name="Upload and choose").click()
    expect(upload.locator("[data-upload-errors=alt]")).to_contain_text("Describe")
    upload.get_by_label("Alt text").fill("The lodge at dusk")
    upload.get_by_label("Title").fill("Lodge")
    upload.get_by_role("button", name="Upload and choose").click()
    expect(dialog).to_be_hidden()
    expect(hero.locator("figcaption")).to_have_text("Lodge")
    publish(page)
    picture = Picture.objects.get()
    assert Program.objects.get(pk=program.pk).hero_picture == picture
    first_hero = hero_src(page, base, program)
    assert first_hero.endswith(".webp")

    # Reuse it in the article's text, from the editor's library button.
    page.goto(f"{base}/admin/blog/article/{article.pk}/change/")
    expect(page.locator(".ck-editor__editable")).to_be_visible()
    page.get_by_role("button", name="Insert a picture from the library").first.click()
    dialog.get_by_label("Search pictures").fill("lodge")
    dialog.get_by_role("button", name="Search").click()
    dialog.get_by_role("button", name="Lodge").click()
    expect(page.locator(".ck-editor__editable img")).to_have_count(1)
    publish(page)
    assert picture.file.url in Article.objects.get(pk=article.pk).body
    page.goto(f"{base}{article.get_absolute_url()}")
    expect(page.locator("img[alt='The lodge at dusk']")).to_have_count(1)
    in_text = page.locator("img[alt='The lodge at dusk']")
    expect(in_text).to_have_attribute("srcset", re.compile(r"480w.*1200w"))
    first_text = in_text.get_attribute("src")

    # The library: used in 2 places; the focal point moves the hero's crop.
    page.goto(f"{base}/admin/pictures/picture/")
    expect(page.get_by_role("cell", name="2 places")).to_be_visible()
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
    page.get_by_role("link", name="Lodge").click()
    expect(page.get_by_text("Used in 2 places")).to_be_visible()
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
    stage = page.locator(".focal-point__picture")
    box = stage.bounding_box()
    stage.click(position={"x": box["width"] * 0.1, "y": box["height"] * 0.1})
    expect(page.get_by_label("Focal point across (%)")).to_have_value("10")
    page.get_by_role("button", name="Save", exact=True).first.click()
    picture.refresh_from_db()
    assert (picture.focal_x, picture.focal_y) == (10, 10)
    focused_hero = hero_src(page, base, program)
    assert focused_hero != first_hero

    # Replace the file: both uses change.
    page.goto(f"{base}/admin/pictures/picture/{picture.pk}/change/")
    page.get_by_label("Picture file").set_input_files(
        str(write_jpeg(tmp_path, "new-lodge.jpg", colour=(150, 40, 40)))
    )
    page.get_by_role("button", name="Save", exact=True).first.click()
    assert hero_src(page, base, program) not in (first_hero, focused_hero)
    page.goto(f"{base}{article.get_absolute_url()}")
    assert (
        page.locator("img[alt='The lodge at dusk']").get_attribute("src") != first_text
    )

    # Deleting it while in use is refused, with the uses named.
    page.goto(f"{base}/admin/pictures/picture/{picture.pk}/delete/")
    expect(page.get_by_text("Residential treatment")).to_be_visible()
    expect(page.get_by_text("Your first week")).to_be_visible()
    expect(page.get_by_role("button", name="Yes, I’m sure")).to_have_count(0)
    assert Picture.objects.filter(pk=picture.pk).exists()

    # A form that comes back with an error keeps the chosen picture.
    page.goto(f"{base}/admin/blog/article/{article.pk}/change/")
    featured = page.locator(".field-featured_picture")
    featured.get_by_role("button", name="Choose a picture").click()
    dialog.get_by_role("button", name="Lodge").click()
    page.get_by_label("Title:", exact=True).fill("")
    page.get_by_role("button", name="Publish", exact=True).first.click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(featured.locator("figcaption")).to_have_text("Lodge")
    expect(featured.locator("input[type=hidden]")).to_have_value(str(picture.pk))
