"""Debian's Chromium as the browser tests and `make lighthouse` launch it.

Playwright's own browser download does not work here, so both use the system Chromium,
headless, with nothing that reaches another host.
"""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
