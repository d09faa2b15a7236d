from django.http import HttpResponsePermanentRedirect

from editing.links import is_site_path
from editing.models import Redirect


class RedirectFallbackMiddleware:
    """Answer a 404 with a permanent redirect when the address belonged to a renamed page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A null byte (from %00 in the address) is never a stored path, and PostgreSQL
        # refuses it in a query.
        if response.status_code != 404 or "\x00" in request.path:
            return response
        new_path = (
            Redirect.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if new_path is None or not is_site_path(new_path):
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(
            f"{new_path}?{query}" if query else new_path
        )
