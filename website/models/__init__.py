from .menus import Menu, MenuItem
from .site_settings import NextStep, SiteSettings

__all__ = [
    "Menu",
    "MenuItem",
    "NextStep",
    "SiteSettings",
]
