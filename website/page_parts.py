"""Parts of a page that one app shows and another app's content fills: the articles beside
a program or in a page's section, the team on a page that lists it.

The app that owns the content provides each part in its `AppConfig.ready()`; the page
asks for it by name. So the core never imports a feature app, and programs never import
the blog (the blog's articles point at programs, so the blog imports programs).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_makers: dict[str, Callable[..., Any]] = {}


def provide(name: str, make: Callable[..., Any]) -> None:
    """`make(**options)` builds the part called `name`."""
    _makers[name] = make


def part(name: str, **options) -> Any:
    """What the provider of `name` makes now, given `options` (such as a category)."""
    try:
        make = _makers[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No installed app provides the page part {name!r} "
            "(website.page_parts.provide in its AppConfig.ready())."
        ) from None
    return make(**options)
