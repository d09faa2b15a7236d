"""What visitors type, made safe to store, plus the crisis words that make an inquiry urgent."""

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates can make stored text display in a
# misleading order ("Trojan Source"); ordinary right-to-left text needs none of them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
# Control characters other than tab and line breaks (the null byte included).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Normalize a visitor's text: NFC, no bidi controls, no control characters."""
    value = unicodedata.normalize("NFC", value).translate(_BIDI_CONTROLS)
    value = _CONTROL_CHARACTERS.sub("", value)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    else:
        value = " ".join(value.split())
    return value.strip()


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
