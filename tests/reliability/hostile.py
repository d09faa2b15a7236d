"""The hostile-input corpus (tests/data/hostile_inputs.json) and the checks every answer to
it must pass: no server error, and nothing in the page that a browser would run."""

import json
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

CORPUS_FILE = Path(__file__).resolve().parent.parent / "data" / "hostile_inputs.json"
CORPUS = json.loads(CORPUS_FILE.read_text())["cases"]
TEXT_CASES = [case for case in CORPUS if "value" in case]
RAW_CASES = [case for case in CORPUS if "raw" in case]

# Characters that could open markup or leave an attribute value if a page echoed them as is.
MARKUP_CHARACTERS = set("<>\"'")
ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
SCRIPT_DATA_TYPES = {"application/ld+json", "application/json"}


def text_of(case: dict) -> str:
    return case["value"] * case.get("times", 1)


def query_value(case: dict) -> str:
    """The case as it goes into a URL: percent-encoded text, or its raw bytes as given."""
    if "raw" in case:
        return case["raw"]
    return urllib.parse.quote(text_of(case), safe="")


class ActiveContentFinder(HTMLParser):
    """Collects what a browser would execute or load that our own templates never produce."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script" and not (
            "nonce" in attributes
            or _same_site(attributes.get("src") or "")
            or attributes.get("type") in SCRIPT_DATA_TYPES
        ):
            self.problems.append(f"<script {attributes}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            squeezed = "".join((value or "").split()).lower()
            if name in {"href", "src", "action", "formaction", "xlink:href"} and (
                squeezed.startswith(ACTIVE_SCHEMES)
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def _same_site(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def run_cases(cases: list[dict], check) -> int:
    """Run `check(case)` on every case and report every failure at once; returns the count."""
    failures = []
    for case in cases:
        try:
            check(case)
        except AssertionError as failure:
            failures.append(f"{case['id']}: {failure}")
    assert failures == [], "\n".join(failures)
    return len(cases)


def assert_safe_page(response, case: dict | None = None) -> None:
    """A 4xx or a normal page; and a page that runs nothing it was sent."""
    assert response.status_code < 500, (case, response.status_code)
    content_type = response.get("Content-Type", "")
    if "html" not in content_type or getattr(response, "streaming", False):
        return
    body = response.content.decode("utf-8", "replace")
    finder = ActiveContentFinder()
    finder.feed(body)
    assert finder.problems == [], (case, finder.problems)
    if case is not None and "value" in case:
        text = text_of(case)
        if MARKUP_CHARACTERS & set(text) and len(text) > 4:
            assert text not in body, (case, "echoed unescaped")
