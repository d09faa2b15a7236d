"""An inquiry's story on its detail page: arrival, notification, every contact attempt and
note, the escalation if there was one, and its closing, in order."""

from dataclasses import dataclass
from datetime import datetime

from .display import duration_words, staff_name
from .models import Inquiry


@dataclass(frozen=True)
class Event:
    at: datetime
    title: str
    kind: str  # a CSS modifier: "received", "attempt", "note", "alert", "closed"...
    by: str = ""
    body: str = ""


def timeline(inquiry: Inquiry, notes) -> list[Event]:
    events = [Event(inquiry.received_at, "Inquiry received", "received")]
    if inquiry.notified_at:
        events.append(Event(inquiry.notified_at, "Admissions team emailed", "system"))
    if inquiry.escalated_at:
        events.append(
            Event(
                inquiry.escalated_at,
                "Escalation emailed: nobody had made contact",
                "alert",
            )
        )
    for note in notes:
        title = note.get_kind_display() if note.is_contact_attempt else "Note"
        events.append(
            Event(
                note.created_at,
                title,
                "attempt" if note.is_contact_attempt else "note",
                staff_name(note.author),
                note.body,
            )
        )
    if inquiry.first_contact_at:
        waited = duration_words(inquiry.waited())
        target = duration_words(inquiry.contact_target)
        verdict = "within" if inquiry.waited() <= inquiry.contact_target else "over"
        events.append(
            Event(
                inquiry.first_contact_at,
                f"First contact, {waited} after it arrived ({verdict} the {target} target)",
                "first-contact",
                staff_name(inquiry.first_contact_by),
            )
        )
    if inquiry.closed_at:
        events.append(
            Event(
                inquiry.closed_at, f"Closed as {inquiry.get_status_display()}", "closed"
            )
        )
    # Stable: a first contact made by a note shows right after that note.
    return sorted(events, key=lambda event: event.at)
