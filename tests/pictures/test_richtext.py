"""Pictures in rich text: served as renditions with their size, and described once."""

import pytest

from editing.checklist import faults
from pictures.models import Picture
from pictures.richtext import with_renditions
from tests.blog.factories import ArticleFactory
from tests.pictures.factories import PictureFactory

pytestmark = pytest.mark.django_db


def test_a_library_picture_in_text_is_served_as_renditions_with_its_size():
    picture = PictureFactory(alt="The lodge at dusk", wide=True)
    html = f'<figure class="image"><img src="{picture.file.url}" alt=""></figure>'

    shown = with_renditions(html)

    assert picture.file.url not in shown
    assert 'srcset="' in shown and "480w" in shown and "1200w" in shown
    assert 'width="800" height="500"' in shown
    assert 'alt="The lodge at dusk"' in shown  # the library's words, typed once
    assert 'loading="lazy"' in shown


def test_the_texts_own_alt_text_wins_and_other_images_are_left_alone():
    picture = PictureFactory(alt="The lodge")
    html = (
        f'<p><img src="{picture.file.url}" alt="Our lodge in the snow"></p>'
        '<p><img src="https://example.org/x.png" alt="Elsewhere"></p>'
    )

    shown = with_renditions(html)

    assert 'alt="Our lodge in the snow"' in shown
    assert '<img src="https://example.org/x.png" alt="Elsewhere">' in shown


def test_a_picture_without_alt_text_takes_the_texts_when_saved():
    picture = PictureFactory(alt="")
    ArticleFactory(
        body=f'<p><img src="{picture.file.url}" alt="Chairs in a circle"></p>'
    )

    picture.refresh_from_db()
    assert picture.alt == "Chairs in a circle"


def test_a_text_image_described_in_the_library_does_not_hold_publishing():
    described = PictureFactory(alt="The lodge")
    decorative = PictureFactory(alt="", decorative=True)
    article = ArticleFactory.build(
        body=f'<p><img src="{described.file.url}" alt=""></p>'
        f'<p><img src="{decorative.file.url}" alt=""></p>'
    )

    assert faults(article) == []


def test_a_text_image_nobody_described_holds_publishing():
    undescribed = PictureFactory(alt="")
    article = ArticleFactory.build(
        body=f'<p><img src="{undescribed.file.url}" alt=""></p>'
    )

    assert [fault.field for fault in faults(article)] == ["body"]


def test_text_without_pictures_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert with_renditions("<p>Words only.</p>") == "<p>Words only.</p>"


def test_text_with_pictures_costs_one_query(django_assert_num_queries):
    pictures = [PictureFactory() for _ in range(3)]
    html = "".join(f'<p><img src="{p.file.url}" alt="x"></p>' for p in pictures)

    with django_assert_num_queries(1):
        shown = with_renditions(html)
    assert shown.count("srcset=") == 3
    assert Picture.objects.count() == 3
