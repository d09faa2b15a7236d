from .home_page import HomePage, HomePromise, HomeStep
from .menus import Menu, MenuItem
from .site_settings import NextStep, SiteSettings

__all__ = [
    "HomePage",
    "HomePromise",
    "HomeStep",
    "Menu",
    "MenuItem",
    "NextStep",
    "SiteSettings",
]
