"""How admissions pages say who and when: staff by full name, times once, in the center's
time zone with its name, and ages in words ("12 min", "3 h ago")."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.dateformat import format as format_date

# "Mon, Nov 30, 2026, 9:14 AM EST": the zone is always named, so nobody wonders whether a
# time is the server's, UTC or their own.
TIME_FORMAT = "D, M j, Y, g:i A T"


def staff_name(user) -> str:
    """A staff member as colleagues know them: full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return format_date(timezone.localtime(moment), TIME_FORMAT)


def short_local_time(moment: datetime | None, now: datetime | None = None) -> str:
    """The same time, shorter, for a list: '9:14 PM EST' today, 'Nov 26, 10:00 PM EST'
    this year, with the year before that. Still one time, with its zone."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    today = timezone.localtime(now or timezone.now()).date()
    if local.date() == today:
        pattern = "g:i A T"
    elif local.year == today.year:
        pattern = "M j, g:i A T"
    else:
        pattern = "M j, Y, g:i A T"
    return format_date(local, pattern)


def duration_words(duration: timedelta) -> str:
    """'under 1 min', '12 min', '3 h', '2 d': rounded down, as a clock on the wall would."""
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return "under 1 min"
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} d"


def ago(moment: datetime | None, now: datetime | None = None) -> str:
    if moment is None:
        return ""
    elapsed = (now or timezone.now()) - moment
    if elapsed < timedelta(minutes=1):
        return "just now"
    return f"{duration_words(elapsed)} ago"


def local_time_and_age(moment: datetime | None, now: datetime | None = None) -> str:
    """'Mon, Nov 30, 2026, 9:14 AM EST (3 h ago)'."""
    if moment is None:
        return ""
    return f"{local_time(moment)} ({ago(moment, now)})"
