"""The apps whose models are the site's content: what marketing edits, what a save starts a
new content generation for (caching.py) and what the Marketing role may change (roles.py).

Each such app registers itself in its `AppConfig.ready()`; the core asks here instead of
naming feature apps.
"""

_registered: frozenset[str] = frozenset()


def register(app_config) -> None:
    global _registered
    _registered = _registered | {app_config.label}


def content_app_labels() -> frozenset[str]:
    """Read on every save (caching.py): a frozen set, built as apps register, not copied
    on each read."""
    return _registered
