from .models import SiteSettings
from .models.menus import load_menus


def site(request) -> dict:
    """The center's details and menus, for every template (both cached until content changes)."""
    return {"site": SiteSettings.load(), "menus": load_menus()}
