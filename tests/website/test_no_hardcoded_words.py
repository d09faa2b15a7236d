"""No marketing sentence is written into a template: every page type of the demo is
rendered, and any text on it that is also spelled out in a template must be a structural
label on the short list below (headings of fixed sections, form instructions, the crisis
numbers that nobody may edit away)."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from blog.models import Article, Category, Person, Tag
from programs.models import Audience, Condition, Location, Page, Program

# Text that may be written in templates: labels of fixed parts, not claims.
STRUCTURAL = {
    "Skip to main content",
    "More from our blog",
    "Start your admission",  # the admissions page's title
    # Crisis resources: fixed numbers, never editable (safety).
    "988 Suicide & Crisis Lifeline:",
    "call or text",
    "SAMHSA National Helpline:",
    ", free and confidential, 24/7",
    "Overdose or immediate danger:",
    "Thoughts of suicide:",
    ", the Suicide & Crisis Lifeline",
    "If it is an emergency",
    # Headings of sections that list content.
    "Level of care",
    "Program length",
    "Levels of care",
    "Program lengths",
    "What a day looks like",
    "Who it suits",
    "Who this program serves",
    "Addictions we treat here",
    "Groups within the program",
    "Frequently asked questions",
    "Other levels of care",
    "Other program lengths",
    "Risks and withdrawal",
    "How we treat it",
    "Other addictions we treat",
    "Where these groups meet",
    "Other people we help",
    "Drive to our campus",
    "Other areas we serve",
    "Visit or call",
    "Addictions we treat",
    "Areas we serve",
    "Who we help",
    "In their words",
    "Care for families from",
    "Articles written or medically reviewed by",
    "Medically reviewed by",
    "Search results for “",
    "No articles match “",
    "Request received |",
    "Insurance details received",
    "Thank you, we are checking your insurance |",
    "Start your admission |",
    "Go to the home page",
    "What people say",
    "Browse by month",
    "Follow new articles:",
    "Treatment for this",
    "Accreditation and licensing",
    "Accreditations and licenses",
    "No published articles yet.",
    "Key resources",
    "Related articles",
    "Recent articles",
    "What happens next",
    "Request received",
    "Page not found",
    # Under an embedded video: where it plays from, and when (privacy, not marketing).
    "only after you press play.",
    # Form labels and instructions.
    "What would you like to read about?",
    "Try fewer or different words, or browse the categories.",
    "How can we reach you?",
    "Give us a phone number, an email address, or both.",
    "About the person who needs help",
    "Private: only our admissions team can read what you send.",
    "Prefer to talk?",
    "I have read the",
    "and agree that",
    "may contact me about this request.",
    "Send my request",
    "Prefer the full form?",
    "Tell us more on the admissions page",
}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if not self._hidden and len(text.split()) >= 3:
            self.texts.append(text)


# What separates the words of a template: tags, template tags, variables and comments.
_NOT_WORDS = re.compile(r"<[^>]*>|{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)


def template_sentences() -> set[str]:
    """Every run of three or more words written in a public template."""
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    sentences = set()
    for folder in folders:
        for path in folder.rglob("*.html"):
            if "admin" in path.parts or "two_factor" in path.parts:
                continue  # staff pages are not what visitors see
            for chunk in _NOT_WORDS.split(path.read_text()):
                text = " ".join(html.unescape(chunk).split())
                if len(text.split()) >= 3:
                    sentences.add(text)
    return sentences


def public_pages() -> list[str]:
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
        f"/blog/{article.publish_at.year}/",
        "/blog/search/?q=sleep",
        "/blog/search/?q=qqqqzzzz",
        "/admissions/",
        "/admissions/thank-you/",
        "/admissions/verify-insurance/thank-you/",
        "/no-such-page/",
    ]


@pytest.mark.django_db
def test_no_page_shows_a_sentence_written_into_a_template(client, demo):
    sentences = template_sentences() - STRUCTURAL

    written_in_templates = {}
    for path in public_pages():
        response = Client().get(path)
        assert response.status_code in (200, 404), path
        parser = _VisibleText()
        parser.feed(response.content.decode())
        for text in parser.texts:
            for sentence in sentences:
                if sentence in text:
                    written_in_templates.setdefault(sentence, path)

    assert not written_in_templates, (
        "Written in a template, not editable:\n"
        + "\n".join(
            f"{path}: {sentence}"
            for sentence, path in sorted(written_in_templates.items())
        )
    )


def test_the_check_finds_a_sentence_written_into_a_template(tmp_path, settings):
    (tmp_path / "home.html").write_text(
        '{% load cache %}<li>{% include "icon.html" %}Most major insurance accepted</li>'
        "<h2>{{ home.heading }}</h2>"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    parser = _VisibleText()
    parser.feed(
        "<main><p>Most major insurance accepted</p><script>var a = 'x y z';</script></main>"
    )

    assert template_sentences() == {"Most major insurance accepted"}
    assert parser.texts == ["Most major insurance accepted"]
