from .draft_change import DraftChange
from .editor_image import EditorImage
from .home_page import HomePage, HomePromise, HomeStep
from .menus import Menu, MenuItem
from .redirect import Redirect
from .site_settings import NextStep, SiteSettings

__all__ = [
    "DraftChange",
    "EditorImage",
    "HomePage",
    "HomePromise",
    "HomeStep",
    "Menu",
    "MenuItem",
    "NextStep",
    "Redirect",
    "SiteSettings",
]
