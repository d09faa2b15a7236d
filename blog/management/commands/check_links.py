"""List every internal link in article bodies that no longer leads anywhere.

Each distinct address is requested once through Django itself (no network), the way a
visitor's browser would ask for it, so redirects left by renamed pages count as working
and anything that ends in a 404 is reported. Links to uploaded files are checked against
the file storage, because the web server, not Django, serves those.
"""

import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.http.request import validate_host
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from blog.models import Article
from rehab_site.publishing import Status

MAX_REDIRECTS = 5


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "img" and attributes.get("src"):
            self.links.append(attributes["src"])


def links_in(html: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(html or "")
    return collector.links


class Command(BaseCommand):
    help = "List internal links in article bodies that no longer resolve (exit status 1 if any)."

    def handle(self, *args, **options):
        # Every broken link would otherwise also be logged as a "Not Found" request.
        request_logger = logging.getLogger("django.request")
        previous_level = request_logger.level
        request_logger.setLevel(logging.ERROR)
        try:
            self.check_articles()
        finally:
            request_logger.setLevel(previous_level)

    def check_articles(self) -> None:
        self.host = self.site_host()
        self.client = Client(HTTP_HOST=self.host, raise_request_exception=False)
        self.results: dict[str, str | None] = {}
        broken = 0
        checked = 0
        articles = Article.objects.only("pk", "title", "slug", "body").order_by("pk")
        for article in articles.iterator():
            for link in links_in(article.body):
                path = self.internal_path(link)
                if path is None:
                    continue
                checked += 1
                problem = self.check_path(path)
                if problem:
                    broken += 1
                    edit_url = reverse("admin:blog_article_change", args=[article.pk])
                    self.stdout.write(
                        f"{article.title} ({edit_url}): {link} → {problem}"
                    )
        summary = (
            f"Checked {checked} internal link(s) in article bodies: {broken} broken."
        )
        if broken:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def site_host(self) -> str:
        for host in settings.ALLOWED_HOSTS:
            if host != "*":
                return host.lstrip(".")
        return "localhost"

    def internal_path(self, link: str) -> str | None:
        """The path of a link to this site, or None for other sites, anchors and mail."""
        parts = urlsplit(link.strip())
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None  # mailto:, tel:
        if parts.netloc:
            host = parts.hostname or ""
            if not validate_host(host, [self.host, *settings.ALLOWED_HOSTS]):
                return None
        if not parts.path:
            return None  # "#section"
        if not parts.path.startswith("/"):
            return None  # relative links have no meaning in a body shown on many pages
        return parts.path

    def check_path(self, path: str) -> str | None:
        """None when `path` works; otherwise what a visitor would get instead."""
        if path not in self.results:
            self.results[path] = self.request(path)
        return self.results[path]

    def request(self, path: str) -> str | None:
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            return None if default_storage.exists(name) else "uploaded file is missing"
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            return None if finders.find(name) else "static file is missing"
        for _ in range(MAX_REDIRECTS):
            response = self.client.get(path, secure=True)
            if response.status_code in (301, 302, 307, 308):
                target = urlsplit(response["Location"])
                if target.netloc and target.hostname != self.host:
                    return None  # leads off the site; not ours to judge
                path = target.path
                continue
            if response.status_code == 404:
                return self.explain_missing(path)
            if response.status_code >= 400:
                return f"{response.status_code} {response.reason_phrase}"
            return None
        return "too many redirects"

    def explain_missing(self, path: str) -> str:
        """Say why an article link is missing when the article exists but is not live."""
        try:
            match = resolve(path)
        except Resolver404:
            return "404 Not Found"
        if match.view_name != "blog:article_detail":
            return "404 Not Found"
        article = Article.objects.filter(slug=match.kwargs["slug"]).first()
        if article is None:
            return "404 Not Found (no article has this address)"
        if article.status == Status.DRAFT:
            return "404 Not Found (the article is a draft)"
        when = timezone.localtime(article.publish_at).strftime("%B %-d, %Y")
        return f"404 Not Found until {when} (the article is scheduled)"
