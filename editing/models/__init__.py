from .draft_change import DraftChange
from .editor_image import EditorImage
from .redirect import Redirect

__all__ = ["DraftChange", "EditorImage", "Redirect"]
