"""The Nu HTML Checker (vnu.jar, from npm's vnu-jar; `make test` installs it) on every
public page type, as a first visitor gets it, and on each form sent back with errors:
no errors. A browser forgives what a crawler, a screen reader or a future browser may
not; the checker knows the whole of the HTML standard, where axe knows accessibility."""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from programs.models import Page
from tests.page_types import page_types
from website.templatetags.site_tags import unbroken_numbers

pytestmark = pytest.mark.one_database(
    reason="checks the HTML the templates make, the same whichever database filled them"
)

VNU_JAR = Path(settings.BASE_DIR) / "node_modules/vnu-jar/build/dist/vnu.jar"

# A fault of the kind the checker once found on every page with a date (HTML allows at
# most three digits after the second), put into a copy of each page to show that the
# checker reads every page and would report it.
FAULT = '<time datetime="2026-10-28T12:51:29.836330-04:00">October 28</time>'

FORMS_WITH_ERRORS = ["/admissions/", "/admissions/verify-insurance/"]


def html_checker_errors(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors, by file name: one run of Java for every file."""
    assert VNU_JAR.exists(), (
        f"{VNU_JAR} is missing: `make test` installs it (npm ci --omit=dev)"
    )
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = {}
    for message in json.loads(checked.stderr)["messages"]:
        name = Path(message.get("url", "file:?")).name
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        errors.setdefault(name, []).append(f"{where}{message['message']}")
    return errors


def test_every_public_page_type_and_form_with_errors_is_valid_html(
    demo, client, tmp_path
):
    pages = {path: client.get(path) for path in page_types()}
    pages |= {
        f"{path} (sent empty)": client.post(path, {}) for path in FORMS_WITH_ERRORS
    }
    files, broken_copies = {}, {}
    for number, (label, response) in enumerate(pages.items()):
        assert response.status_code in (200, 404), f"{label}: {response.status_code}"
        html = response.content.decode()
        assert "</main>" in html, f"{label} has no main content"
        files[f"page-{number}.html"] = label
        (tmp_path / f"page-{number}.html").write_text(html)
        broken_copies[f"broken-{number}.html"] = label
        (tmp_path / f"broken-{number}.html").write_text(
            html.replace("</main>", f"{FAULT}</main>", 1)
        )

    errors = html_checker_errors(sorted(tmp_path.glob("*.html")))

    found = {
        files[name]: problems for name, problems in errors.items() if name in files
    }
    assert not found, "\n".join(
        f"{label}: {problem}"
        for label, problems in found.items()
        for problem in problems
    )
    unnoticed = [label for name, label in broken_copies.items() if name not in errors]
    assert unnoticed == [], "the checker missed the fault put into these pages"


def test_every_indexed_page_type_has_its_canonical_address_and_sharing_tags(
    demo, client
):
    """What a crawler and a link preview read: the home page, the page most often shared,
    included, with its hero picture and that picture's description."""
    missing = {}
    for path in page_types()[:-1]:
        html = client.get(path).content.decode()
        if '<meta name="robots" content="noindex">' in html:
            continue
        tags = ['rel="canonical"', 'property="og:title"', 'name="twitter:card"']
        missing[path] = [tag for tag in tags if tag not in html]
    assert {path: tags for path, tags in missing.items() if tags} == {}
    picture = Page.objects.get(is_home=True).hero_picture
    html = client.get("/").content.decode()
    assert '<link rel="canonical" href="http://testserver/">' in html
    assert (
        f'<meta property="og:image" content="http://testserver{picture.file.url}">'
        in html
    )
    assert f'<meta property="og:image:alt" content="{picture.alt_text}">' in html


@pytest.mark.parametrize(
    "text, html",
    [
        (
            "Licensed by NC DHHS, license no. MHL-088-0412",
            'Licensed by NC DHHS, license no. <span class="number">MHL-088-0412</span>',
        ),
        (
            "<b>no.</b> 12 & 3",
            '&lt;b&gt;no.&lt;/b&gt; <span class="number">12</span> &amp; '
            '<span class="number">3</span>',
        ),
        ("No numbers here", "No numbers here"),
    ],
)
def test_numbers_in_staff_written_text_are_kept_whole_and_the_rest_escaped(text, html):
    assert unbroken_numbers(text) == html
