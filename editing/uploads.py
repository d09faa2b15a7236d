"""What every admin form that stores a file shares: a media storage that refuses a file
is a clear message, never a 500."""

import logging

from django.contrib import messages
from django.http import HttpResponseRedirect

logger = logging.getLogger(__name__)

STORAGE_FAILURE_MESSAGE = (
    "The image could not be stored: the server's media storage is not accepting files. "
    "Nothing was saved. Try again later, and tell the site administrator if it persists."
)


class MediaStorageFailureAdminMixin:
    """Turns a media storage that refuses a file (full, read-only, missing) into a clear
    message on the admin form instead of a 500. The admin saves inside a transaction, so
    the failed save leaves no row behind."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except OSError:
            if request.method != "POST":
                raise
            logger.exception("Storing an uploaded file from the admin failed.")
            self.message_user(request, STORAGE_FAILURE_MESSAGE, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
