from .editor_image import EditorImage
from .enrolment import EnrolmentLink
from .menus import Menu, MenuItem
from .redirect import Redirect
from .site_settings import SiteSettings

__all__ = [
    "EditorImage",
    "EnrolmentLink",
    "Menu",
    "MenuItem",
    "Redirect",
    "SiteSettings",
]
