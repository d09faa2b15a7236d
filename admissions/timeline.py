"""An inquiry's story on its detail page: arrival, notification, every contact attempt and
note, the first attempt and the reach, the escalation if there was one, and its closing,
in order."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from .display import duration_words, staff_name
from .models import Inquiry


@dataclass(frozen=True)
class Event:
    at: datetime
    title: str
    kind: str  # a CSS modifier: "received", "attempt", "note", "alert", "closed"...
    by: str = ""
    body: str = ""


def milestone(inquiry: Inquiry, moment: datetime, what: str, stops_clock: bool) -> str:
    """'First attempt, 1 min after it arrived', with the verdict on the target when this
    moment is the one that stops the inquiry's clock."""
    waited = duration_words(max(moment - inquiry.received_at, timedelta()))
    title = f"{what}, {waited} after it arrived"
    if not stops_clock:
        return title
    target = inquiry.contact_target
    verdict = "within" if moment - inquiry.received_at <= target else "over"
    return f"{title} ({verdict} the {duration_words(target)} target)"


def timeline(inquiry: Inquiry, notes) -> list[Event]:
    events = [Event(inquiry.received_at, "Inquiry received", "received")]
    if inquiry.notified_at:
        events.append(Event(inquiry.notified_at, "Admissions team emailed", "system"))
    if inquiry.escalated_at:
        missing = "reached them" if inquiry.waits_until_reached else "made contact"
        events.append(
            Event(
                inquiry.escalated_at,
                f"Escalation emailed: nobody had {missing}",
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
    if inquiry.first_attempt_at and inquiry.first_attempt_at != inquiry.reached_at:
        events.append(
            Event(
                inquiry.first_attempt_at,
                milestone(
                    inquiry,
                    inquiry.first_attempt_at,
                    "First attempt",
                    stops_clock=not inquiry.waits_until_reached,
                ),
                "first-contact",
                staff_name(inquiry.first_attempt_by),
            )
        )
    if inquiry.reached_at:
        events.append(
            Event(
                inquiry.reached_at,
                milestone(
                    inquiry,
                    inquiry.reached_at,
                    "Reached them"
                    if inquiry.reached_at != inquiry.first_attempt_at
                    else "Reached them on the first attempt",
                    stops_clock=inquiry.waits_until_reached
                    or inquiry.reached_at == inquiry.first_attempt_at,
                ),
                "first-contact",
                staff_name(inquiry.reached_by),
            )
        )
    if inquiry.closed_at:
        events.append(
            Event(
                inquiry.closed_at, f"Closed as {inquiry.get_status_display()}", "closed"
            )
        )
    # Stable: a first attempt or reach made by a note shows right after that note.
    return sorted(events, key=lambda event: event.at)
