"""Volume data for the benchmark (`manage.py seed_bench`): each app that holds volume
(articles, inquiries) registers a `Volume` in its `AppConfig.ready()`, with the option
that asks for it and how to top its table up in bulk; the core command never imports
the apps.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Volume:
    option: str  # --articles
    help: str
    count: Callable[[], int]  # the rows there are now
    top_up: Callable[[int, random.Random, Callable[[str], None]], int]  # rows added
    changes_content: bool = False  # a new content generation afterwards (caching.py)


# Plausible words for articles and inquiries alike.
TOPICS = [
    "recovery",
    "relapse prevention",
    "family support",
    "sleep in early recovery",
    "naloxone",
    "alcohol withdrawal",
    "opioid treatment",
    "medication-assisted treatment",
    "outpatient care",
    "returning to work",
    "stress and cravings",
    "peer support",
    "nutrition",
    "exercise",
    "talking to teenagers",
    "insurance and cost",
]
OPENINGS = [
    "Many people ask what {topic} looks like in practice.",
    "If you are new to {topic}, this guide walks you through the first weeks.",
    "Our clinicians answer the questions families ask most about {topic}.",
    "Here is what the research says about {topic}, in plain words.",
]
SENTENCES = [
    "Recovery is rarely a straight line, and setbacks are part of learning what works.",
    "A steady routine of sleep, meals and movement makes cravings easier to manage.",
    "Families do best when they get support of their own, not only for their loved one.",
    "Withdrawal can be dangerous without medical care, so talk to a doctor before stopping.",
    "Medication for opioid use disorder lowers the risk of overdose and is used for years.",
    "Counseling helps people notice the thoughts and places that lead back to using.",
    "Peer groups offer something clinicians cannot: people who have been there too.",
    "Insurance usually covers treatment, and our admissions team checks benefits for free.",
    "Returning to work is easier with a plan for stress, schedules and honest conversations.",
    "Keeping naloxone at home saves lives; pharmacies can give it without a prescription.",
    "Small goals, written down and reviewed each week, keep progress visible.",
    "Shame keeps people from asking for help; clear facts and kindness bring them in.",
]
HEADINGS = [
    "What to expect",
    "How families can help",
    "Warning signs",
    "Questions to ask",
    "When to call",
    "The first week",
]
FIRST_NAMES = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie"]


_volumes: dict[str, Volume] = {}


def register(volume: Volume) -> None:
    _volumes[volume.option] = volume


def volumes() -> list[Volume]:
    """In the order the apps registered them (INSTALLED_APPS): content before the
    inquiries that point at it."""
    return list(_volumes.values())
