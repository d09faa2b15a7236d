"""One address of each kind of public page the demo has, for the checks that go over
every page type (the layout in the browser, the HTML checker)."""

from blog.models import Article, Category, Person, Tag
from programs.models import Audience, Condition, Insurer, Location, Page, Program


def page_types() -> list[str]:
    """The paths, home first; the last is a page that does not exist (the 404)."""
    article = Article.objects.live().exclude(programs=None).first()
    return [
        "/",
        "/treatment/",
        Program.objects.live().filter(kind="level").first().get_absolute_url(),
        Program.objects.live().filter(kind="length").first().get_absolute_url(),
        "/addictions/",
        Condition.objects.live().first().get_absolute_url(),
        "/who-we-help/",
        Audience.objects.live().first().get_absolute_url(),
        "/areas-we-serve/",
        Location.objects.live().first().get_absolute_url(),
        *(
            page.get_absolute_url()
            for page in Page.objects.live()
            .filter(is_home=False)
            .exclude(layout=Page.Layout.BLOCK)
        ),
        "/blog/",
        article.get_absolute_url(),
        Category.objects.first().get_absolute_url(),
        Tag.objects.filter(articles__isnull=False).first().get_absolute_url(),
        Person.objects.first().get_absolute_url(),
        "/blog/search/?q=detox",
        "/search/?q=detox",
        "/admissions/",
        "/admissions/thank-you/",
        "/insurance/",
        Insurer.objects.with_pages().first().get_absolute_url(),
        "/admissions/verify-insurance/",
        "/admissions/verify-insurance/thank-you/",
        "/no-such-page/",
    ]
