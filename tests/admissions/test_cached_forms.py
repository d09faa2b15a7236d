"""Every public page is the same for every visitor, first visits and pages with a form
included (issue 25): no cookie, no token, kept by the edge. A form fetches its tokens when
the visitor starts it; a form sent without them comes back filled in, to be sent again."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from admissions.models import Inquiry
from tests.demo import crawl

from .conftest import valid_post

URL = "/admissions/"
TOKENS = "/admissions/form-tokens/"
FILLED_TOKEN = re.compile(r'name="(csrfmiddlewaretoken|form_key)" value="([^"]+)"')
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def visitor() -> Client:
    """A browser that sends the CSRF cookie and token as a real one must."""
    return Client(enforce_csrf_checks=True)


def tokens_for(client: Client) -> dict:
    answer = client.get(TOKENS)
    assert answer.status_code == 200
    tokens = json.loads(answer.content)
    return {"csrfmiddlewaretoken": tokens["csrf_token"], "form_key": tokens["form_key"]}


def hidden_fields(html: str) -> dict:
    return dict(HIDDEN.findall(html))


@pytest.mark.django_db
def test_every_public_page_is_the_same_for_every_first_visitor(demo):
    problems, forms = [], []

    def get(path):
        response = Client().get(path)
        if response.status_code == 200 and "html" in response["Content-Type"]:
            html = response.content.decode()
            if response.cookies:
                problems.append(f"{path} sets {sorted(response.cookies)}")
            if "Cookie" in response.get("Vary", ""):
                problems.append(f"{path} varies on cookies")
            if FILLED_TOKEN.search(html):
                problems.append(f"{path} carries a token")
            if not response["Cache-Control"].startswith("public"):
                problems.append(f"{path}: Cache-Control {response['Cache-Control']}")
            if "data-form-tokens" in html:
                forms.append(path)
        return response

    # The carriers' pages are linked from their list, which the menus leave to marketing.
    pages = crawl(get, start=("/", "/insurance/"))

    assert len(pages) > 60
    assert not problems, "\n".join(problems)
    # The pages with a form are among them: the full form, the insurance form, the
    # program, addiction and carrier pages with theirs.
    assert {URL, "/admissions/verify-insurance/"} <= set(forms)
    assert any(path.startswith("/treatment/") for path in forms)
    assert any(path.startswith("/addictions/") for path in forms)
    assert any(path.startswith("/insurance/") for path in forms), forms


@pytest.mark.django_db
def test_the_tokens_come_from_an_endpoint_no_one_keeps():
    client = visitor()
    first, second = tokens_for(client), tokens_for(client)

    answer = client.get(TOKENS)
    assert "no-store" in answer["Cache-Control"]
    assert first["form_key"] != second["form_key"]
    assert client.cookies["csrftoken"].value
    refused = client.post(TOKENS)
    assert refused.status_code in (403, 405)
    assert b"form_key" not in refused.content


@pytest.mark.django_db
def test_a_visitor_sends_the_short_form_of_a_cached_page_with_the_fetched_tokens(
    settings, demo
):
    from programs.models import Program

    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    program = Program.objects.live().first()
    Client().get(program.get_absolute_url())  # someone else filled the caches
    client = visitor()
    page = client.get(program.get_absolute_url())
    fields = hidden_fields(page.content.decode())
    assert not page.cookies and fields["form_key"] == ""

    response = client.post(
        URL,
        {
            **fields,
            **tokens_for(client),
            "landing_page": "/blog/the-link-between-chronic-pain-and-opioid-addiction/",
            "referrer_host": "www.google.com",
            "utm_source": "google",
            "utm_campaign": "detox-asheville",
            "name": "Alex",
            "phone": "(828) 555-0187",
            "for_whom": "self",
            "consent": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    inquiry = Inquiry.objects.get(name="Alex")
    assert inquiry.program_id == program.pk
    assert inquiry.form_page == program.get_absolute_url()
    assert inquiry.landing_page == (
        "/blog/the-link-between-chronic-pain-and-opioid-addiction/"
    )
    assert (inquiry.referrer_host, inquiry.utm_source, inquiry.utm_campaign) == (
        "www.google.com",
        "google",
        "detox-asheville",
    )


@pytest.mark.django_db
def test_a_form_sent_without_tokens_comes_back_filled_in_and_the_second_send_lands(
    settings,
):
    """Without JavaScript: the cached form has no token. Nothing is stored, nothing
    typed is lost, and the form shown again carries its own tokens; the time the visitor
    took the first time counts for the time trap."""
    assert settings.ADMISSIONS_MIN_FILL_SECONDS > 0
    client = visitor()
    data = valid_post(form_key="", message="I want to stop drinking, please call.")

    shown = client.post(URL, data, HTTP_REFERER="https://www.bing.com/")

    assert shown.status_code == 200
    assert not Inquiry.objects.exists()
    html = shown.content.decode()
    assert "Your request is not sent yet" in html
    assert "I want to stop drinking, please call." in html
    assert 'value="Jordan Smith"' in html
    assert "no-store" in shown["Cache-Control"]
    fields = hidden_fields(html)
    assert fields["csrfmiddlewaretoken"] and fields["form_key"]

    sent = client.post(URL, {**data, **fields}, HTTP_REFERER="http://testserver/")

    assert sent.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "I want to stop drinking, please call."
    # No script: the page the form was on is the landing page.
    assert inquiry.landing_page == "/admissions/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forged",
    [
        {"csrfmiddlewaretoken": "x" * 64},  # a made-up token
        {"csrfmiddlewaretoken": ""},  # a key without a token
    ],
    ids=["made-up token", "no token"],
)
def test_a_post_with_a_form_key_but_no_valid_token_stores_nothing(forged):
    """A forged cross-site post: it may carry a form key it fetched itself, never the
    visitor's CSRF token."""
    attacker, victim = visitor(), visitor()
    key = tokens_for(attacker)["form_key"]
    tokens_for(victim)  # the victim's browser has its CSRF cookie

    shown = victim.post(URL, valid_post(form_key=key, **forged))

    assert shown.status_code == 200
    assert "Your request is not sent yet" in shown.content.decode()
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_what_the_script_sends_about_the_first_visit_is_checked(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    client = visitor()

    client.post(
        URL,
        valid_post(
            **tokens_for(client),
            landing_page="https://evil.example/phish",
            referrer_host="<script>alert(1)</script>",
            utm_source="x" * 500,
            utm_medium="  paid \n social ",
            form_page="/treatment/detox/",
        ),
    )

    inquiry = Inquiry.objects.get()
    assert (
        inquiry.landing_page == "/treatment/detox/"
    )  # not a path here: the form's page
    assert inquiry.referrer_host == ""
    assert inquiry.utm_source == "x" * 100
    assert inquiry.utm_medium == "paid social"


@pytest.mark.django_db
def test_the_site_itself_is_never_recorded_as_the_referrer(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    client = visitor()

    client.post(
        URL,
        valid_post(
            **tokens_for(client), landing_page="/blog/", referrer_host="testserver"
        ),
    )

    assert Inquiry.objects.get().referrer_host == ""


@pytest.mark.django_db
def test_the_thank_you_page_is_still_kept_by_no_one(client):
    response = client.get(reverse("admissions:thank_you"))

    assert "no-store" in response["Cache-Control"]


def exempt_views(patterns, prefix=""):
    from django.urls import URLPattern

    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            if getattr(pattern.callback, "csrf_exempt", False):
                yield f"{prefix}{pattern.pattern}", pattern.callback
        else:
            yield from exempt_views(pattern.url_patterns, f"{prefix}{pattern.pattern}")


def test_the_only_views_exempt_from_the_csrf_middleware_check_each_post_themselves():
    """A view exempt from Django's CSRF middleware must check each post itself, as the
    public form views do (is_confirmed); a new exemption fails here by name."""
    from django.apps import apps
    from django.conf import settings
    from django.urls import get_resolver

    from admissions.views import inquiry_form
    from insurance_verification.views import verification_form

    ours = {
        config.name
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR))
    } | {"rehab_site"}
    exempt = {
        path: view
        for path, view in exempt_views(get_resolver().url_patterns)
        if view.__module__.split(".")[0] in ours
    }

    assert set(exempt.values()) == {inquiry_form, verification_form}, sorted(exempt)
