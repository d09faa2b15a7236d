"""The editor's own endpoints, under the admin's prefix (rehab_site/urls.py mounts them)."""

from django.urls import path

from editing.content_admin import keep_alive

urlpatterns = [
    path("keep-alive/", keep_alive, name="admin_keep_alive"),
]
