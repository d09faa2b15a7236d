"""The rich-text editor's image upload endpoint (replaces django-ckeditor-5's own view).

The package's view lets through too much (see DESIGN.md, known pitfalls); this one is
mounted inside the admin, requires the permission to add pictures, accepts only real
images within size and pixel limits, and stores a re-encoded copy without metadata in the
picture library, where its alt text (typed in the editor) is kept once it is saved.
"""

import logging
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from editing.images import InvalidImage, clean_image, refuse_oversized
from editing.uploads import STORAGE_FAILURE_MESSAGE

from .models import Picture, title_from

logger = logging.getLogger(__name__)


def upload_error(message: str, status: int = 400) -> JsonResponse:
    # CKEditor 5's upload adapter shows error.message to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def upload_editor_image(request):
    if not request.user.has_perm("pictures.add_picture"):
        return upload_error("You do not have permission to upload images.", status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return upload_error("Choose an image file to upload.")
    try:
        refuse_oversized(upload)
        clean = clean_image(upload)
    except InvalidImage as error:
        return upload_error(str(error))
    picture = Picture(
        title=title_from(upload.name),
        uploaded_by=request.user,
        width=clean.width,
        height=clean.height,
    )
    try:
        with transaction.atomic():
            picture.file.save(
                f"{uuid.uuid4().hex}.{clean.extension}",
                ContentFile(clean.content),
                save=True,
            )
    except OSError:
        logger.exception("Storing an editor image failed.")
        picture.file.delete(save=False)
        return upload_error(STORAGE_FAILURE_MESSAGE, status=503)
    return JsonResponse({"url": picture.file.url})
