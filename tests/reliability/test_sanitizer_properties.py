"""Property-based tests of the rich-text sanitizer: whatever goes in, what comes out is
well-formed and inside the allow-lists."""

import urllib.parse
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editing.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_CLASSES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    sanitize_html,
)

VOID_TAGS = {"br", "img", "col"}
URL_ATTRIBUTES = {"href", "src"}


class AllowListChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open_tags: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        allowed = set(ALLOWED_ATTRIBUTES.get(tag, set()))
        if tag in ALLOWED_CLASSES:
            allowed.add("class")
        if tag == "a":
            allowed = allowed | {"rel"}
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "class":
                extra = set((value or "").split()) - ALLOWED_CLASSES.get(tag, set())
                if extra:
                    self.problems.append(f"classes {extra} on <{tag}>")
            if name in URL_ATTRIBUTES:
                scheme = urllib.parse.urlsplit((value or "").strip()).scheme.lower()
                if scheme and scheme not in URL_SCHEMES:
                    self.problems.append(f"{scheme}: URL in <{tag} {name}>")
        if tag not in VOID_TAGS:
            self.open_tags.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.open_tags.pop()

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self.open_tags or self.open_tags[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open_tags[-1:] or 'nothing'}")
        else:
            self.open_tags.pop()

    def handle_comment(self, data):
        self.problems.append("comment")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl}")

    def handle_pi(self, data):
        self.problems.append("processing instruction")


def assert_within_allow_list(html: str) -> None:
    """Well-formed (every element closed, in order) and nothing outside the allow-lists."""
    checker = AllowListChecker()
    checker.feed(html)
    checker.close()
    assert checker.problems == [], (html, checker.problems)
    assert checker.open_tags == [], (html, "unclosed", checker.open_tags)


TAGS = sorted(ALLOWED_TAGS | {"script", "style", "iframe", "svg", "math", "div", "span",
                              "object", "template", "noscript", "textarea", "title", "form"})  # fmt: skip
ATTRIBUTE_NAMES = ["href", "src", "class", "style", "onclick", "onerror", "title", "alt",
                   "width", "colspan", "xlink:href", "srcdoc", "formaction", "id"]  # fmt: skip
CLASS_NAMES = sorted(
    {name for names in ALLOWED_CLASSES.values() for name in names} | {"evil", "x"}
)
URL_VALUES = st.sampled_from(
    ["https://example.com/", "/blog/", "#top", "mailto:a@example.com", "tel:+18285550142",
     "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
     "vbscript:x", "&#106;avascript:alert(1)", "file:///etc/passwd", "//evil.example/x"]
)  # fmt: skip
ATTRIBUTE_VALUES = st.one_of(
    URL_VALUES,
    st.lists(st.sampled_from(CLASS_NAMES), max_size=3).map(" ".join),
    st.text(max_size=20),
)
TEXT = st.text(
    st.characters(blacklist_categories=["Cs"]) | st.sampled_from("<>&\"'=/\x00\u202e"),
    max_size=20,
)


@st.composite
def elements(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(
        st.lists(
            st.tuples(st.sampled_from(ATTRIBUTE_NAMES), ATTRIBUTE_VALUES), max_size=3
        )
    )
    attribute_text = "".join(
        f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in attributes
    )
    children = draw(
        st.lists(TEXT | (elements(depth + 1) if depth < 3 else TEXT), max_size=3)
    )
    closing = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}", "</p>"]))
    return f"<{tag}{attribute_text}>{''.join(children)}{closing}"


HTML_SOUP = st.lists(TEXT | elements(), max_size=5).map("".join)
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(HTML_SOUP)
def test_sanitized_html_is_well_formed_and_within_the_allow_lists(html):
    assert_within_allow_list(sanitize_html(html))


@FAST
@given(st.text(max_size=200))
def test_sanitizing_any_text_stays_within_the_allow_lists(text):
    assert_within_allow_list(sanitize_html(text))
