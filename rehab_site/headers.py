"""Response headers Django does not set by itself: Permissions-Policy, and a CSP that is
strict on public pages and relaxed only where the admin's rich-text editor needs it."""

import base64
import functools
import hashlib
import re

from content_editor.admin import importmap as section_editor_importmap
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# Admin URLs name inquiries and staff pages: no other site may learn them from a Referer.
ADMIN_REFERRER_POLICY = "same-origin"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            response.headers["Referrer-Policy"] = ADMIN_REFERRER_POLICY
        return response


@functools.cache
def section_editor_script_hash() -> str:
    """The CSP source of the section editor's import map (django-content-editor), an
    inline <script type="importmap"> that Django's form media cannot give a nonce: its
    SHA-256, computed once from the map as rendered (its static files' URLs included)."""
    content = re.search(
        r"<script[^>]*>(.*)</script>", section_editor_importmap.render(), re.S
    ).group(1)
    digest = base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
    return f"'sha256-{digest}'"


class SiteCSPMiddleware(CSPMiddleware):
    """CKEditor 5 injects <style> elements and previews uploads from blob: URLs, so the admin
    gets 'unsafe-inline' styles and blob: images; public pages never do. The admin also
    runs the section editor's import map, allowed by its hash alone."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            parts.update = {
                **(parts.update or {}),
                **settings.ADMIN_CSP_UPDATES,
                "script-src": [section_editor_script_hash()],
            }
        return parts
