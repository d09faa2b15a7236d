from django import template

from website.models.menus import load_menus

from ..search import highlight as highlight_marks
from ..sidebar import sidebar_data

register = template.Library()


@register.inclusion_tag("blog/includes/sidebar.html")
def blog_sidebar(query: str = ""):
    """Search box, key resources (menus placed in the blog sidebar), recent articles and
    categories, on every blog page (blog/base.html caches it, except on search results,
    where the box holds what the visitor typed)."""
    return {
        "sidebar": sidebar_data(),
        "resources": load_menus()["blog_sidebar"],
        "query": query,
    }


@register.filter
def highlight(marked_text: str):
    """Search headline text as safe HTML: escaped, with only <mark> around the matches."""
    return highlight_marks(marked_text)
