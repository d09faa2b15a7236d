from django.db import models

from editing.links import site_path_constraint, validate_site_path


class Redirect(models.Model):
    """A permanent redirect from an address a page used to have to the one it has now."""

    old_path = models.CharField(
        max_length=300,
        unique=True,
        validators=[validate_site_path],
        help_text="For example /blog/old-title/",
    )
    new_path = models.CharField(
        max_length=300,
        validators=[validate_site_path],
        help_text="A path on this site, for example /blog/new-title/",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "rehab_site_redirect"
        ordering = ["old_path"]
        constraints = [
            site_path_constraint("old_path", "redirect_from_site_path"),
            site_path_constraint("new_path", "redirect_to_site_path"),
        ]

    def __str__(self) -> str:
        return f"{self.old_path} → {self.new_path}"

    @classmethod
    def record_move(cls, old_path: str, new_path: str) -> None:
        """Send old_path (and everything that already led to it) to new_path."""
        if old_path == new_path:
            return
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        cls.objects.filter(old_path=new_path).delete()  # the page moved back: no loop
        cls.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
