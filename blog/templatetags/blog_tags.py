from django import template

from ..search import highlight as highlight_marks
from ..sidebar import sidebar_data

register = template.Library()


@register.inclusion_tag("blog/includes/sidebar.html", takes_context=True)
def blog_sidebar(context):
    """Search box, recent articles, categories and the monthly archive, on every blog page."""
    return {"sidebar": sidebar_data(), "query": context.get("query", "")}


@register.filter
def highlight(marked_text: str):
    """Search headline text as safe HTML: escaped, with only <mark> around the matches."""
    return highlight_marks(marked_text)
