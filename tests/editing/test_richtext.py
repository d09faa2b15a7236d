import pytest

from editing.richtext import RichTextField, sanitize_html


@pytest.mark.parametrize(
    "dirty",
    [
        "<p>Hello</p><script>alert(1)</script>",
        '<p onclick="alert(1)">Hello</p>',
        '<img src="x.png" onerror="alert(1)" alt="">',
        '<a href="javascript:alert(1)">Hello</a>',
        '<a href="JaVaScRiPt:alert(1)">Hello</a>',
        '<p style="background:url(javascript:alert(1))">Hello</p>',
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">',
        "<iframe src='https://example.com'></iframe>",
        "<svg><script>alert(1)</script></svg>",
        "<style>body{display:none}</style><p>Hello</p>",
        '<form action="/x"><input name="y"></form>',
    ],
)
def test_sanitizer_removes_scripts_handlers_dangerous_urls_and_styles(dirty):
    clean = sanitize_html(dirty)

    lowered = clean.lower()
    for forbidden in (
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "style=",
        "data:",
        "<iframe",
        "<svg",
        "<style",
        "<form",
        "<input",
    ):
        assert forbidden not in lowered


@pytest.mark.parametrize(
    "markup",
    [
        "<h2>Heading</h2>",
        "<h3>Subheading</h3>",
        "<h4>Minor heading</h4>",
        "<p><strong>Bold</strong> and <i>italic</i></p>",
        '<p><a href="https://example.com/page" rel="noopener noreferrer">a link</a></p>',
        '<p><a href="/blog/article/" rel="noopener noreferrer">an internal link</a></p>',
        "<ul><li>One</li><li>Two</li></ul>",
        '<ol start="3"><li>Three</li></ol>',
        "<blockquote><p>Quoted</p></blockquote>",
        '<p class="text-align-center">Centred</p>',
        '<figure class="table"><table><thead><tr><th>Day</th></tr></thead><tbody><tr><td colspan="2">Group</td></tr></tbody></table></figure>',
        '<figure class="image image-style-side"><img src="/media/editor/a.jpg" alt="A garden" width="800" height="600"><figcaption>The garden</figcaption></figure>',
    ],
)
def test_sanitizer_keeps_what_the_editor_toolbar_produces(markup):
    assert sanitize_html(markup) == markup


def test_sanitizer_drops_classes_the_editor_does_not_use():
    assert (
        sanitize_html('<p class="text-align-center evil">Hi</p>')
        == '<p class="text-align-center">Hi</p>'
    )


def test_sanitizer_removes_null_bytes_and_comments():
    assert sanitize_html("<p>A\x00B<!-- secret --></p>") == "<p>AB</p>"


def test_rich_text_field_sanitizes_on_save():
    field = RichTextField()
    field.set_attributes_from_name("body")

    class Holder:
        body = '<p onmouseover="steal()">Text</p><script>x()</script>'

    holder = Holder()
    assert field.pre_save(holder, add=True) == "<p>Text</p>"
    assert holder.body == "<p>Text</p>"
