import hashlib
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from ..cache import cached_content
from ..page_cache import per_visitor_placeholder

register = template.Library()


# Characters that could end the <script> element or start markup inside it.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict) -> str:
    """Structured data for search engines, safe to embed whatever text `data` holds."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """The full address of a path on this site, for canonical links, feeds and JSON-LD."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def breadcrumb_list(context, breadcrumbs) -> str:
    """BreadcrumbList JSON-LD for a list of (label, path) pairs, home first."""
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": label,
            "item": absolute_url(context, path),
        }
        for position, (label, path) in enumerate(breadcrumbs, start=1)
    ]
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }
    )


@register.simple_tag
def cacheable_csrf_token() -> str:
    """A CSRF field for forms on pages that are cached whole for anonymous visitors.

    It renders a placeholder; AnonymousPageCacheMiddleware puts each visitor's own token in
    its place on the way out, so the cached HTML holds no one's token.
    """
    return mark_safe(
        '<input type="hidden" name="csrfmiddlewaretoken" '
        f'value="{per_visitor_placeholder("csrf_token")}">'
    )


@register.tag
def fragment(parser, token):
    """{% fragment "name" vary_on ... [in_process] %}...{% endfragment %}: the enclosed HTML,
    rendered once per content version and per vary_on values, then served from the cache.
    A last bare `in_process` keeps it in each process too (see cached_content): for the
    few fragments on nearly every page.

    Like Django's {% cache %}, but retired by any content save (rehab_site.cache). What the
    enclosed HTML shows must depend only on content and on the vary_on values: never on the
    visitor, a CSRF token or a CSP nonce.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name.")
    in_process = bits[-1] == "in_process"
    if in_process:
        bits.pop()
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
        in_process,
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, in_process):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.in_process = in_process

    def render(self, context) -> str:
        # Error pages render without a request, and perhaps without the database: their
        # stand-in header and footer must not be kept for other pages.
        if not settings.CACHE_FRAGMENTS or context.get("request") is None:
            return self.nodelist.render(context)
        key = f"fragment:{self.name.resolve(context)}"
        if self.vary_on:
            values = "\0".join(str(value.resolve(context)) for value in self.vary_on)
            key += ":" + hashlib.sha256(values.encode()).hexdigest()[:32]
        return cached_content(
            key, lambda: self.nodelist.render(context), in_process=self.in_process
        )


@register.filter
def current_menu_href(menus: dict, path: str) -> str:
    """`path` if the main menu links to it (it is marked as the current page there), else ""."""
    return path if path in menus.get("main_hrefs", ()) else ""
