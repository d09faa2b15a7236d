from django import template
from django.conf import settings
from django.template.loader import render_to_string

from rehab_site.cache import cached_content

from ..search import highlight as highlight_marks
from ..sidebar import sidebar_data

register = template.Library()


@register.simple_tag
def blog_sidebar(query: str = ""):
    """Search box, recent articles and categories, on every blog page.

    Its HTML is cached until content changes, except on search results, where the box
    holds what the visitor typed.
    """
    sidebar = sidebar_data()  # also notices a scheduled article coming due

    def render() -> str:
        return render_to_string(
            "blog/includes/sidebar.html", {"sidebar": sidebar, "query": query}
        )

    if query or not settings.CACHE_FRAGMENTS:
        return render()
    return cached_content("fragment:blog-sidebar", render, in_process=True)


@register.filter
def highlight(marked_text: str):
    """Search headline text as safe HTML: escaped, with only <mark> around the matches."""
    return highlight_marks(marked_text)
