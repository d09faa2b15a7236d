"""The crisis words that make an inquiry urgent, and spreadsheet-safe cells for exports."""

import re

_CRISIS_PATTERNS = [
    r"suicid\w*",
    r"kill(?:ing)? (?:my|him|her|them)sel(?:f|ves)",
    r"end (?:my|his|her|their) (?:own )?life",
    r"take (?:my|his|her|their) (?:own )?life",
    r"(?:want|wants|wanting) to die",
    r"better off dead",
    r"no reason to live",
    r"self[- ]?harm\w*",
    r"hurt(?:ing)? (?:my|him|her|them)sel(?:f|ves)",
    r"over ?dos\w*",
    r"o\.?d\.?'?(?:ed|d|ing)",
    r"not breathing",
    r"unresponsive",
    r"narcan",
    r"naloxone",
    r"seizur\w*",
]
CRISIS_WORDS = re.compile(r"\b(?:" + "|".join(_CRISIS_PATTERNS) + r")\b", re.IGNORECASE)


def mentions_crisis(*texts: str) -> bool:
    """True when any text speaks of suicide, overdose or another emergency."""
    return any(CRISIS_WORDS.search(text) for text in texts if text)


# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
