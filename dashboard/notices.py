"""The admin index as a dashboard of what needs attention.

An app contributes by registering a provider in its `AppConfig.ready()`:
`notices.provide(attention)`, where `attention(request) -> list[Notice]` returns only
what the request's user may act on. Urgent notices come first, then warnings, then the
rest.
"""

from collections.abc import Callable
from dataclasses import dataclass

TONE_ORDER = {"urgent": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Notice:
    """One thing on the admin dashboard that needs a staff member's attention."""

    title: str  # "3 articles due for medical review"
    url: str  # where to act on it (a filtered changelist, a report)
    tone: str = "info"  # "info", "warning" or "urgent"
    detail: str = ""


Provider = Callable[..., list[Notice]]
_providers: list[Provider] = []


def provide(provider: Provider) -> None:
    """Add an app's provider of notices (from its `AppConfig.ready()`), once."""
    if provider not in _providers:
        _providers.append(provider)


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


def attention_notices(request) -> list[Notice]:
    notices = [notice for provider in _providers for notice in provider(request)]
    return sorted(notices, key=lambda notice: TONE_ORDER.get(notice.tone, 3))


# Panels ---------------------------------------------------------------------------
# Below the notices, the work itself: an app provides panels the way it provides
# notices, `notices.provide_panel(provider)` with `provider(request) -> list[Panel]`,
# each holding only what the user may open.


@dataclass(frozen=True)
class PanelRow:
    """One line of a panel: a page and what is true of it, or a count and its list."""

    label: str
    url: str
    detail: str = ""  # "Article · saved Dec 7, 10:40 a.m. by Maria Lopez"
    count: str = ""  # a count panel's number, read with its label: "12 Waiting"


@dataclass(frozen=True)
class Panel:
    title: str  # "Your drafts"
    rows: tuple[PanelRow, ...]
    empty: str  # what the panel says with no rows: "You have no drafts."
    order: int = 50  # lower first
    more: str = ""  # "and 4 more": when the rows are the first of a longer list


_panel_providers: list[Provider] = []


def provide_panel(provider: Provider) -> None:
    """Add an app's provider of dashboard panels (from its `AppConfig.ready()`), once."""
    if provider not in _panel_providers:
        _panel_providers.append(provider)


def dashboard_panels(request) -> list[Panel]:
    panels = [panel for provider in _panel_providers for panel in provider(request)]
    return sorted(panels, key=lambda panel: panel.order)
