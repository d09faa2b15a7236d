"""Reaching the person in one tap: tel:, sms: and mailto: links for an inquiry, the one they
prefer first, with their preferred time and whether it is that time now at the center."""

import re
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import quote

import phonenumbers
from django.utils import timezone

from .models import Inquiry

NOT_DIALED = re.compile(r"[^\d+]")

# Local hours (at the center) of the times people choose on the form.
CONTACT_HOURS = {
    Inquiry.ContactTime.MORNING: (time(8), time(12)),
    Inquiry.ContactTime.AFTERNOON: (time(12), time(17)),
    Inquiry.ContactTime.EVENING: (time(17), time(21)),
}

SHORT_TIME = {
    Inquiry.ContactTime.ANY: "any time",
    Inquiry.ContactTime.MORNING: "mornings 8–12",
    Inquiry.ContactTime.AFTERNOON: "afternoons 12–5",
    Inquiry.ContactTime.EVENING: "evenings 5–9",
}

METHOD_FOR_LINK = {
    "call": Inquiry.ContactMethod.PHONE,
    "text": Inquiry.ContactMethod.TEXT,
    "email": Inquiry.ContactMethod.EMAIL,
}


@dataclass(frozen=True)
class Link:
    kind: str  # "call", "text" or "email"
    href: str
    label: str  # what the link says: "Call", "Text", "Email"
    value: str  # the number or address, as people read it
    preferred: bool

    @property
    def order(self) -> int:
        """Call, text, email: the order of the queue's columns, whatever is preferred."""
        return ["call", "text", "email"].index(self.kind)


def phone_for_people(phone: str) -> str:
    """(828) 555-0187 at home, +44 20 7946 0958 abroad."""
    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(
        number,
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )


def dialable(phone: str) -> str:
    """The number as a tel: or sms: link needs it: '+18285550187' (the form stores numbers
    so; older or imported ones lose their spaces and punctuation)."""
    digits = NOT_DIALED.sub("", phone or "")
    digits = digits[:1] + digits[1:].replace("+", "")
    return digits if sum(character.isdigit() for character in digits) >= 7 else ""


def contact_links(record) -> list[Link]:
    """Links for anything with a `phone` and an `email` (an inquiry, a verification); the
    way it prefers, when it records one (`contact_method`), is marked and comes first."""
    links = []
    number = dialable(record.phone)
    if number:
        shown = phone_for_people(record.phone)
        links.append(Link("call", f"tel:{number}", "Call", shown, False))
        links.append(Link("text", f"sms:{number}", "Text", shown, False))
    if record.email:
        href = "mailto:" + quote(record.email, safe="@+")
        links.append(Link("email", href, "Email", record.email, False))
    preferred = getattr(record, "contact_method", None)
    if preferred is not None and preferred not in METHOD_FOR_LINK.values():
        preferred = Inquiry.ContactMethod.PHONE
    links = [
        Link(
            link.kind,
            link.href,
            link.label,
            link.value,
            METHOD_FOR_LINK[link.kind] == preferred,
        )
        for link in links
    ]
    # The way they asked to be reached comes first.
    return sorted(links, key=lambda link: not link.preferred)


def preference(inquiry: Inquiry) -> str:
    """'Prefers a text, evenings 5–9' in a few words."""
    method = {
        Inquiry.ContactMethod.PHONE: "a call",
        Inquiry.ContactMethod.TEXT: "a text",
        Inquiry.ContactMethod.EMAIL: "an email",
    }.get(inquiry.contact_method)
    when = SHORT_TIME.get(inquiry.contact_time or Inquiry.ContactTime.ANY)
    if method:
        return f"Prefers {method}, {when}"
    return f"No preferred way; {when}"


def is_preferred_time(inquiry: Inquiry, now: datetime | None = None) -> bool:
    hours = CONTACT_HOURS.get(inquiry.contact_time)
    if hours is None:
        return True
    local = timezone.localtime(now or timezone.now()).time()
    start, end = hours
    return start <= local < end
