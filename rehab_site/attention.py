from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """One thing on the admin dashboard that needs a staff member's attention."""

    title: str  # "3 articles due for medical review"
    url: str  # where to act on it (a filtered changelist, a report)
    tone: str = "info"  # "info", "warning" or "urgent"
    detail: str = ""
