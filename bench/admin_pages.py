"""Staff pages at volume, timed in process: the admin half of `make bench`.

Run by bench/run.py with the environment of a seeded site (DATABASE_URL and the rest) and
the checkout's root on PYTHONPATH, so the same script times this checkout and the
baseline. Signed in as a superuser (who sees every page and every dashboard notice), it
finds the pages the way a staff member would: the dashboard, every changelist the admin
registers, and on each changelist the links that change the query (each filter's
choices, the date links, each column's sorting, the last page, the queue's saved views,
a report's periods; see `links_to_time`), plus a search for SEARCH_WORD. Each page is
requested once to warm up, then REPEATS times; it prints JSON: each page's median time
and its query count.
"""

import json
import os
import statistics
import sys
import time
from html.parser import HTMLParser
from urllib.parse import parse_qsl

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rehab_site.settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

REPEATS = 5
SEARCH_WORD = "recovery"
USERNAME = "bench-admin"
VALUES_PER_PARAMETER = 8


class QueryLinks(HTMLParser):
    """Every link in the page that only changes the query string ("?…"), and each choice
    of a select that a GET form sends (a report's period)."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.in_get_form = False
        self.select = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("?"):
            self.links.append(href)
        elif tag == "form":
            self.in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag == "select" and self.in_get_form:
            self.select = attrs.get("name") or ""
        elif tag == "option" and self.select:
            self.links.append(f"?{self.select}={attrs.get('value', '')}")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = ""
        elif tag == "form":
            self.in_get_form = False


def query_links(html: str) -> list[str]:
    parser = QueryLinks()
    parser.feed(html)
    return parser.links


def links_to_time(links: list[str]) -> list[str]:
    """One link for each set of query parameters, each column's sorting a set of its own;
    of the page links, the last page; of a link with one parameter (a filter's choice,
    a report's period), every value, up to VALUES_PER_PARAMETER."""
    chosen: dict[frozenset, list[str]] = {}
    for link in links:
        params = dict(parse_qsl(link[1:], keep_blank_values=True))
        kind = frozenset(params)
        if "o" in params:  # each column's sorting is a kind of its own
            kind |= {"o=" + params["o"].split(".")[0].lstrip("-")}
        if not kind:
            continue
        found = chosen.setdefault(kind, [])
        if kind == {"p"}:
            last = int(params["p"])
            if not found or last > int(dict(parse_qsl(found[0][1:]))["p"]):
                found[:] = [link]
        elif link not in found and (
            not found or (len(kind) == 1 and len(found) < VALUES_PER_PARAMETER)
        ):
            found.append(link)
    return [link for found in chosen.values() for link in found]


def changelists() -> list[tuple[str, str, str | None]]:
    """(label, URL, how it searches) of every changelist in the admin: "get" for the
    admin's own search box, the URL a search is posted to where a list keeps the term
    out of its URLs (the admissions queue), None for a list without a search."""
    found = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        opts = model._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        model_admin = admin.site.get_model_admin(model)
        try:
            search = reverse(f"admin:{opts.app_label}_{opts.model_name}_search")
        except NoReverseMatch:
            search = "get" if model_admin.get_search_fields(None) else None
        found.append((str(opts.verbose_name_plural), url, search))
    return sorted(found, key=lambda item: item[1])


def timed(client: Client, url: str) -> dict:
    response = client.get(url)  # to warm up
    if response.status_code == 302:
        # A page that is only ever one object (site settings, the home page) sends the
        # list on to that object's form: time the form.
        url = response["Location"]
        client.get(url)
    times = []
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
    return {
        "url": url,
        "status": response.status_code,
        "ms": round(statistics.median(times), 1),
        "queries": len(queries),
        "html": response.content.decode() if response.status_code == 200 else "",
    }


def main() -> None:
    user, _ = get_user_model().objects.get_or_create(
        username=USERNAME,
        defaults={"is_staff": True, "is_superuser": True, "first_name": "Bench"},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    results = []

    def measure(label: str, url: str) -> dict:
        result = timed(client, url)
        results.append(
            {"page": label, **{k: v for k, v in result.items() if k != "html"}}
        )
        print(
            f"{result['ms']:8.1f} ms {result['queries']:3d} q  {label}", file=sys.stderr
        )
        return result

    with override_settings(REQUIRE_TWO_FACTOR=False):
        measure("dashboard", reverse("admin:index"))
        for label, url, search in changelists():
            page = measure(label, url)
            for link in links_to_time(query_links(page["html"])):
                measure(f"{label} {link}", url + link)
            if search == "get":
                measure(f"{label} search “{SEARCH_WORD}”", f"{url}?q={SEARCH_WORD}")
            elif search:
                # Posted, and the list shown at a token's URL: time that list.
                found = client.post(search, {"q": SEARCH_WORD})["Location"]
                measure(f"{label} search “{SEARCH_WORD}”", found)
    json.dump(
        {
            "rows": {
                label: apps.get_model(label).objects.count()
                for label in ("blog.Article", "admissions.Inquiry")
            },
            "pages": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
