"""The rich-text editor's image upload endpoint (replaces django-ckeditor-5's own view).

The package's view lets through too much (see DESIGN.md, known pitfalls); this one is
mounted inside the admin, requires the permission to add editor images, accepts only real
images within size and pixel limits, and stores a re-encoded copy without metadata.
"""

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .images import InvalidImage, clean_image
from .models import EditorImage


def upload_error(message: str, status: int = 400) -> JsonResponse:
    # CKEditor 5's upload adapter shows error.message to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def upload_editor_image(request):
    if not request.user.has_perm("rehab_site.add_editorimage"):
        return upload_error("You do not have permission to upload images.", status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return upload_error("Choose an image file to upload.")
    limit = settings.MAX_UPLOAD_IMAGE_BYTES
    if upload.size > limit:
        return upload_error(
            f"This file is larger than {limit // (1024 * 1024)} MB. Upload a smaller image."
        )
    try:
        clean = clean_image(upload)
    except InvalidImage as error:
        return upload_error(str(error))
    editor_image = EditorImage(
        original_name=upload.name[:255],
        uploaded_by=request.user,
        width=clean.width,
        height=clean.height,
    )
    editor_image.image.save(
        f"{uuid.uuid4().hex}.{clean.extension}", ContentFile(clean.content), save=True
    )
    return JsonResponse({"url": editor_image.image.url})
