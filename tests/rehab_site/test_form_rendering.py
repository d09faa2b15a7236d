"""Forms drawn by Jinja2 where Django ships the template for it (rehab_site/form_rendering.py)
give the HTML Django's own renderer gives, on the public forms and on admin pages whose
widgets have Django templates only."""

import re

import pytest
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils import timezone

from admissions.forms import InquiryForm
from blog.models import Article
from insurance_verification.forms import VerificationForm
from pictures.models import Picture
from programs.models import Page
from rehab_site.form_rendering import JinjaFirstRenderer
from website.search import SearchForm

DJANGO = "django.forms.renderers.DjangoTemplates"
OURS = "rehab_site.form_rendering.JinjaFirstRenderer"


def same_html(html: str) -> str:
    """HTML with what may differ between two drawings of one form set aside: whitespace
    (the Jinja2 templates leave out blank lines between options), the two spellings of an
    escaped apostrophe, and the one-time tokens a form carries."""
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", html)
    html = re.sub(r"\s+", " ", html.replace("&#x27;", "&#39;"))
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html)).strip()


def drawn(form) -> str:
    """The whole form as its template draws it, and each field's parts as the site's own
    templates ask for them."""
    return form.render() + "".join(
        f"{field.label_tag()}{field}{field.errors}{field.help_text}" for field in form
    )


PUBLIC_FORMS = {
    "inquiry": lambda data, renderer: InquiryForm(
        data, site_name="Willow Ridge", renderer=renderer
    ),
    "verification": lambda data, renderer: VerificationForm(
        data, site_name="Willow Ridge", renderer=renderer
    ),
    "search": lambda data, renderer: SearchForm(data, renderer=renderer),
}


@pytest.mark.parametrize("name", PUBLIC_FORMS)
@pytest.mark.parametrize(
    "data",
    [None, {"email": "not an address", "phone": "12", "q": ""}],
    ids=["empty", "with errors"],
)
def test_each_public_form_is_drawn_as_djangos_renderer_draws_it(demo, name, data):
    make = PUBLIC_FORMS[name]

    ours = drawn(make(data, JinjaFirstRenderer()))
    django = drawn(make(data, DjangoTemplates()))

    assert "<select" in ours or name == "search"
    assert same_html(ours) == same_html(django)


def admin_pages():
    return {
        "a composed page": reverse(
            "admin:programs_page_change", args=[Page.objects.get(is_home=True).pk]
        ),
        "an article": reverse(
            "admin:blog_article_change", args=[Article.objects.first().pk]
        ),
        "a picture": reverse(
            "admin:pictures_picture_change", args=[Picture.objects.first().pk]
        ),
        "a new article": reverse("admin:blog_article_add"),
    }


def test_admin_pages_are_drawn_as_djangos_renderer_draws_them(
    demo, admin_client, settings, time_machine
):
    """The change forms hold the admin's own widgets (related-object links, date and
    time pickers), CKEditor's and the picture chooser, which Jinja2 has no template for."""
    time_machine.move_to(timezone.now(), tick=False)  # a new article's date and time
    pages = admin_pages()
    drawings = {}
    for renderer in (OURS, DJANGO):
        settings.FORM_RENDERER = renderer
        for name, url in pages.items():
            response = admin_client.get(url)
            assert response.status_code == 200, f"{name}: {response.status_code}"
            drawings[renderer, name] = same_html(response.content.decode())

    for name in pages:
        assert drawings[OURS, name] == drawings[DJANGO, name], name
    article = drawings[OURS, "an article"]
    assert 'class="ck-editor-container"' in article  # CKEditor's template
    assert "data-picture-chooser" in article  # the picture library's
    assert 'class="related-widget-wrapper"' in article  # the admin's


def test_a_widget_with_a_django_template_only_is_drawn_by_djangos_engine():
    renderer = JinjaFirstRenderer()

    assert renderer.get_template(
        "django/forms/widgets/select.html"
    ).__module__.startswith("django.template.backends.jinja2")
    chooser = renderer.get_template("admin/pictures/widgets/chooser.html")
    assert chooser.__module__.startswith("django.template.backends.django")
