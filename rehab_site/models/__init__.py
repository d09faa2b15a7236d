from .draft_change import DraftChange
from .editor_image import EditorImage
from .menus import Menu, MenuItem
from .redirect import Redirect
from .site_settings import SiteSettings

__all__ = ["DraftChange", "EditorImage", "Menu", "MenuItem", "Redirect", "SiteSettings"]
