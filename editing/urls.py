"""The editor's own endpoints, under the admin's prefix (rehab_site/urls.py mounts them)."""

from django.contrib import admin
from django.urls import path

from editing.content_admin import keep_alive
from editing.uploads import upload_editor_image

urlpatterns = [
    path(
        "editor-images/upload/",
        admin.site.admin_view(upload_editor_image),
        name="editor_image_upload",
    ),
    path("keep-alive/", keep_alive, name="admin_keep_alive"),
]
