"""The library's endpoint outside its admin: the rich-text editor's upload (rehab_site/urls.py
mounts it under the admin's prefix)."""

from django.contrib import admin
from django.urls import path

from .views import upload_editor_image

urlpatterns = [
    path(
        "editor-images/upload/",
        admin.site.admin_view(upload_editor_image),
        name="editor_image_upload",
    ),
]
