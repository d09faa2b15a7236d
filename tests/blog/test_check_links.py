import io

import pytest
from django.core.management import CommandError, call_command

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def run_check_links() -> tuple[str, str | None]:
    output = io.StringIO()
    try:
        call_command("check_links", stdout=output)
    except CommandError as error:
        return output.getvalue(), str(error)
    return output.getvalue(), None


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
    assert "/blog/gone-away/ → 404 Not Found (no article has this address)" in output
    assert "/blog/secret/ → 404 Not Found (the article is a draft)" in output
    assert "/media/editor/missing.png → uploaded file is missing" in output
    assert "still-here" not in output
    assert "example.org" not in output
    assert error == "Checked 4 internal link(s) in article bodies: 3 broken."


def test_links_to_renamed_articles_follow_the_redirect_and_pass():
    moved = ArticleFactory(slug="old-name")
    moved.slug = "new-name"
    moved.save()
    ArticleFactory(body='<p><a href="/blog/old-name/">moved</a></p>')

    output, error = run_check_links()

    assert error is None
    assert "0 broken" in output
