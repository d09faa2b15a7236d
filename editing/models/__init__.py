from .draft_change import DraftChange
from .redirect import Redirect

__all__ = ["DraftChange", "Redirect"]
