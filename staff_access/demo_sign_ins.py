"""The demo's three sign-ins, kept so that `make run` shows them each time it starts.

The demo users' passwords are random and stored hashed like any other. With DEBUG on, the
plain ones are also written, when the users are created, to `var/demo-sign-ins.json`
(readable by its owner only), beside the development database they open. Without DEBUG
nothing is written: the password is shown once, when the user is created.
"""

import json
import os

from django.conf import settings
from django.contrib.auth import get_user_model

SIGN_INS_FILE = "demo-sign-ins.json"


def _path():
    return settings.VAR_DIR / SIGN_INS_FILE


def _read() -> dict[str, dict[str, str]]:
    try:
        return json.loads(_path().read_text())
    except (FileNotFoundError, ValueError):
        return {}


def remember(username: str, role: str, password: str) -> None:
    """Keep `username`'s first password for `make run` (with DEBUG on only)."""
    if not settings.DEBUG:
        return
    sign_ins = {**_read(), username: {"role": role, "password": password}}
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(sign_ins, file, indent=2)


def lines() -> list[str]:
    """One line per demo user that still exists: who, in which role, with what password."""
    sign_ins = _read()
    existing = set(
        get_user_model()
        .objects.filter(username__in=sign_ins)
        .values_list("username", flat=True)
    )
    return [
        f"  {username:<11} {sign_in['role']:<14} password: {sign_in['password']}"
        for username, sign_in in sign_ins.items()
        if username in existing
    ]
