"""The rich-text editor's image upload endpoint (replaces django-ckeditor-5's own view).

The package's view lets through too much (see DESIGN.md, known pitfalls); this one is
mounted inside the admin, requires the permission to add editor images, accepts only real
images within size and pixel limits, and stores a re-encoded copy without metadata.
"""

import logging
import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.views.decorators.http import require_POST

from editing.images import InvalidImage, clean_image, refuse_oversized
from editing.models import EditorImage

logger = logging.getLogger(__name__)

STORAGE_FAILURE_MESSAGE = (
    "The image could not be stored: the server's media storage is not accepting files. "
    "Nothing was saved. Try again later, and tell the site administrator if it persists."
)


def upload_error(message: str, status: int = 400) -> JsonResponse:
    # CKEditor 5's upload adapter shows error.message to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def upload_editor_image(request):
    if not request.user.has_perm("editing.add_editorimage"):
        return upload_error("You do not have permission to upload images.", status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return upload_error("Choose an image file to upload.")
    try:
        refuse_oversized(upload)
        clean = clean_image(upload)
    except InvalidImage as error:
        return upload_error(str(error))
    editor_image = EditorImage(
        original_name=upload.name[:255],
        uploaded_by=request.user,
        width=clean.width,
        height=clean.height,
    )
    try:
        with transaction.atomic():
            editor_image.image.save(
                f"{uuid.uuid4().hex}.{clean.extension}",
                ContentFile(clean.content),
                save=True,
            )
    except OSError:
        logger.exception("Storing an editor image failed.")
        editor_image.image.delete(save=False)
        return upload_error(STORAGE_FAILURE_MESSAGE, status=503)
    return JsonResponse({"url": editor_image.image.url})


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
