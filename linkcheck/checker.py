"""Find internal links that no longer lead anywhere, in everything marketing edits.

Every rich-text field, every URL field and every field called `url` or `*_url` of every
model in the content apps is read (articles, every program and page type, menus, site
settings, and whatever those apps add later); a menu item whose chosen page is missing or
unpublished counts too. Each distinct address is requested once through Django itself (no
network), the way a visitor's browser would ask for it, so redirects left by renamed pages
count as working and anything that ends in a 404 is reported. Links to uploaded files are
checked against the file storage, since the web server, not Django, serves those. Links to
other sites are not followed: nothing here reaches another host.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.http.request import validate_host
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from editing.admin_links import change_url, edit_target
from editing.publishing import Publishable, Status
from editing.richtext import html_fields

CHECKED_APPS = ("website", "blog", "programs")
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


@dataclass(frozen=True)
class Finding:
    obj: models.Model
    where: str
    field: str
    url: str
    problem: str
    edit_url: str


def link_fields(model) -> list:
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.URLField)
        or (
            isinstance(f, models.CharField)
            and (f.name == "url" or f.name.endswith("_url"))
        )
    ]


def checked_models() -> list:
    return [
        model
        for label in CHECKED_APPS
        for model in apps.get_app_config(label).get_models()
        if html_fields(model) or link_fields(model)
    ]


def edit_url(obj: models.Model) -> str:
    return change_url(edit_target(obj))


def describe(obj: models.Model) -> str:
    target = edit_target(obj)
    label = f"{target._meta.verbose_name.capitalize()} “{target}”"
    if target is not obj:
        label += f", {obj._meta.verbose_name} “{obj}”"
    return label[:300]


class LinkChecker:
    def __init__(self):
        self.host = self.site_host()
        self.client = Client(HTTP_HOST=self.host, raise_request_exception=False)
        self.results: dict[str, str | None] = {}
        self.checked = 0

    @staticmethod
    def site_host() -> str:
        for host in settings.ALLOWED_HOSTS:
            if host != "*":
                return host.lstrip(".")
        return "localhost"

    def findings(self) -> Iterator[Finding]:
        with quiet_not_found_log():
            for model in checked_models():
                html = html_fields(model)
                plain = link_fields(model)
                for obj in model._default_manager.order_by("pk").iterator():
                    for field in html:
                        for link in links_in(getattr(obj, field.attname)):
                            yield from self.check_link(obj, field, link)
                    for field in plain:
                        link = getattr(obj, field.attname)
                        if link:
                            yield from self.check_link(obj, field, link)
                    yield from self.check_chosen_page(obj)

    def check_link(self, obj, field, link: str) -> Iterator[Finding]:
        path = self.internal_path(link)
        if path is None:
            return
        self.checked += 1
        problem = self.check_path(path)
        if problem:
            yield Finding(
                obj=obj,
                where=describe(obj),
                field=str(field.verbose_name),
                url=link,
                problem=problem,
                edit_url=edit_url(obj),
            )

    def check_chosen_page(self, obj) -> Iterator[Finding]:
        """A menu item (or anything with a `target` page) whose page is gone or not live."""
        if getattr(obj, "content_type_id", None) is None or not hasattr(obj, "href"):
            return
        self.checked += 1
        if obj.href is None:
            target = obj.target
            problem = (
                "the page it points at no longer exists"
                if target is None
                else f"the page “{target}” is not published"
            )
            yield Finding(
                obj=obj,
                where=describe(obj),
                field="page",
                url=f"{obj.content_type.name} #{obj.object_id}",
                problem=problem,
                edit_url=edit_url(obj),
            )

    def internal_path(self, link: str) -> str | None:
        """The path of a link to this site, or None for other sites, anchors and mail."""
        parts = urlsplit(link.strip())
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None  # mailto:, tel:
        if parts.netloc:
            host = parts.hostname or ""
            if not validate_host(host, [self.host, *settings.ALLOWED_HOSTS]):
                return None
        if not parts.path or not parts.path.startswith("/"):
            return None  # "#section"; relative links mean nothing on many pages
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
        """Say why a link to a page of ours is missing when the page exists but is not live."""
        try:
            match = resolve(path)
        except Resolver404:
            return "404 Not Found"
        slug = match.kwargs.get("slug")
        if slug is None:
            return "404 Not Found"
        for model in apps.get_models():
            if not issubclass(model, Publishable) or not hasattr(model, "slug"):
                continue
            page = model._default_manager.filter(slug=slug).first()
            if page is None or page.get_absolute_url() != path:
                continue
            if page.status == Status.DRAFT:
                return f"404 Not Found (the {model._meta.verbose_name} is a draft)"
            when = timezone.localtime(page.publish_at).strftime("%B %-d, %Y")
            return f"404 Not Found until {when} (the {model._meta.verbose_name} is scheduled)"
        return "404 Not Found (no page has this address)"


@contextmanager
def quiet_not_found_log():
    # Every broken link would otherwise also be logged as a "Not Found" request.
    request_logger = logging.getLogger("django.request")
    previous_level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        request_logger.setLevel(previous_level)


def check_all_links() -> tuple[int, list[Finding]]:
    """Check every link and replace the report with what was found, recording the run:
    (links checked, broken)."""
    from .models import BrokenLink, CheckRun

    checker = LinkChecker()
    findings = list(checker.findings())
    now = timezone.now()
    with transaction.atomic():
        CheckRun.objects.create(
            finished_at=now, links_checked=checker.checked, broken=len(findings)
        )
        CheckRun.objects.filter(
            finished_at__lt=now - timedelta(days=CheckRun.KEPT_DAYS)
        ).delete()
        BrokenLink.objects.all().delete()
        BrokenLink.objects.bulk_create(
            BrokenLink(
                content_type=ContentType.objects.get_for_model(finding.obj),
                object_id=finding.obj.pk,
                where=finding.where,
                field=finding.field[:100],
                url=finding.url[:2000],
                problem=finding.problem[:200],
                edit_url=finding.edit_url,
            )
            for finding in findings
        )
    return checker.checked, findings
