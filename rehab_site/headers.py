"""Response headers Django does not set by itself: Permissions-Policy, and a CSP that is
strict on public pages and relaxed only where the admin's rich-text editor needs it."""

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


class SiteCSPMiddleware(CSPMiddleware):
    """CKEditor 5 injects <style> elements and previews uploads from blob: URLs, so the admin
    gets 'unsafe-inline' styles and blob: images; public pages never do."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CSP_UPDATES}
        return parts
