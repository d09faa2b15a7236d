from .draft_change import DraftChange
from .editor_image import EditorImage
from .enrolment import EnrolmentLink
from .home_page import HomePage, HomePromise, HomeStep
from .menus import Menu, MenuItem
from .redirect import Redirect
from .site_settings import NextStep, SiteSettings

__all__ = [
    "DraftChange",
    "EditorImage",
    "EnrolmentLink",
    "HomePage",
    "HomePromise",
    "HomeStep",
    "Menu",
    "MenuItem",
    "NextStep",
    "Redirect",
    "SiteSettings",
]
