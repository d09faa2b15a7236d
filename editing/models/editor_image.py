from django.conf import settings
from django.db import models


class EditorImage(models.Model):
    """An image uploaded through the rich-text editor, re-encoded and stripped of metadata."""

    image = models.ImageField(upload_to="editor/%Y/%m/")
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "rehab_site_editorimage"
        ordering = ["-uploaded_at"]
        verbose_name = "editor image"

    def __str__(self) -> str:
        return self.original_name or self.image.name
