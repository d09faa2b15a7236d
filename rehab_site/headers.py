"""Response headers Django does not set by itself: Permissions-Policy, and a CSP that is
strict on public pages and relaxed only where the admin's rich-text editor needs it."""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.utils.functional import cached_property


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
    gets 'unsafe-inline' styles and blob: images; public pages never do.

    A public page that used no nonce gets the same policy every time, so it is built once
    per process rather than twice per response.
    """

    @cached_property
    def public_policy(self) -> str:
        return build_policy()

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or request.path_info.startswith(f"/{settings.ADMIN_URL}")
            # django-csp's per-view decorators leave _csp_* attributes on the response.
            or any(name.startswith("_csp_") for name in vars(response))
        ):
            return super().process_response(request, response)
        response.headers.setdefault(HEADER, self.public_policy)
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CSP_UPDATES}
        return parts
