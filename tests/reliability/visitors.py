"""Simulated visitors for the tests against real servers: each keeps its own cookies, fetches
the inquiry form the way a browser does, asks for its tokens as the page's script does when
the visitor starts the form, and posts it back with them."""

import html
import http.cookiejar
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass

INQUIRY_PATH = "/admissions/"
FORM_TOKENS_PATH = "/admissions/form-tokens/"
_HIDDEN_INPUT = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


@dataclass
class Answer:
    status: int
    url: str
    body: str
    headers: dict


class Visitor:
    def __init__(self, base_url: str, timeout: float = 30.0):
        self.base_url = base_url
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> Answer:
        return self._open(urllib.request.Request(self.base_url + path))

    def post(self, path: str, fields: dict) -> Answer:
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        return self._open(
            urllib.request.Request(
                self.base_url + path,
                data=data,
                headers={"Referer": self.base_url + path},
            )
        )

    def fetch_form(self) -> dict:
        """The hidden fields of a freshly shown form, tokens included."""
        page = self.get(INQUIRY_PATH)
        assert page.status == 200, page.status
        return self.with_tokens(hidden_fields(page))

    def with_tokens(self, fields: dict) -> dict:
        """`fields` with the CSRF token and form key the page's script fetches."""
        answer = self.get(FORM_TOKENS_PATH)
        assert answer.status == 200, answer.status
        tokens = json.loads(answer.body)
        return {
            **fields,
            "csrfmiddlewaretoken": tokens["csrf_token"],
            "form_key": tokens["form_key"],
        }

    def submit_inquiry(self, fields: dict, hidden: dict | None = None) -> Answer:
        hidden = hidden if hidden is not None else self.fetch_form()
        return self.post(INQUIRY_PATH, {**hidden, **fields})

    def _open(self, request) -> Answer:
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(
                    response.status,
                    response.url,
                    response.read().decode("utf-8", "replace"),
                    dict(response.headers),
                )
        except urllib.error.HTTPError as error:
            return Answer(
                error.code,
                error.url,
                error.read().decode("utf-8", "replace"),
                dict(error.headers),
            )


def hidden_fields(page: Answer) -> dict:
    return {
        name: html.unescape(value) for name, value in _HIDDEN_INPUT.findall(page.body)
    }


def inquiry_fields(number: int) -> dict:
    """A complete, valid short-form inquiry that differs from every other number's."""
    return {
        "name": f"Visitor {number}",
        "phone": f"(828) 555-{number % 10000:04d}",
        "email": f"visitor{number}@example.com",
        "for_whom": "self",
        "message": f"Inquiry number {number}.",
        "consent": "on",
    }


def is_thank_you(answer: Answer) -> bool:
    return answer.status == 200 and "/admissions/thank-you/" in answer.url


class Load:
    """Visitors reading `paths` and sending inquiries in a loop until told to stop."""

    def __init__(self, base_url: str, paths: Iterable[str] = ("/", INQUIRY_PATH)):
        self.base_url = base_url
        self.paths = tuple(paths)
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.statuses: list[int] = []
        self.thanked: list[str] = []  # emails of inquiries that got the thank-you page
        self.next_number = 0

    def visitor(self) -> None:
        visitor = Visitor(self.base_url, timeout=20)
        while not self.stopping.is_set():
            with self.lock:
                number = self.next_number = self.next_number + 1
            for path in self.paths:
                self.record(visitor.get(path))
            form = visitor.get(INQUIRY_PATH)
            self.record(form)
            if form.status != 200:
                continue
            answer = visitor.submit_inquiry(
                inquiry_fields(number), visitor.with_tokens(hidden_fields(form))
            )
            self.record(answer)
            if is_thank_you(answer):
                with self.lock:
                    self.thanked.append(inquiry_fields(number)["email"])

    def record(self, answer: Answer) -> None:
        with self.lock:
            self.statuses.append(answer.status)
