from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from editing.links import is_safe_link, link_constraint, validate_link
from rehab_site.caching import remember

# Content types a menu item may point at: anything with a public page.
LINKABLE_APPS = ("blog", "programs")


class Menu(models.Model):
    """A named list of links: the header's main menu or one footer column."""

    class Placement(models.TextChoices):
        HEADER = "header", "Header"
        FOOTER = "footer", "Footer column"
        BLOG_SIDEBAR = "sidebar", "Blog sidebar (key resources)"

    title = models.CharField(
        max_length=80,
        help_text="Shown as the footer column's or sidebar block's heading.",
    )
    slug = models.SlugField(
        unique=True, help_text='The header menu is the one called "main".'
    )
    placement = models.CharField(
        max_length=10, choices=Placement.choices, default=Placement.FOOTER
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "rehab_site_menu"
        ordering = ["placement", "order", "title"]

    def __str__(self) -> str:
        return self.title


class MenuItem(models.Model):
    """One link in a menu; it points at a page of the site or at a URL, and may have children."""

    menu = models.ForeignKey(Menu, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text="Leave empty for a top-level item; pick one to make a submenu entry.",
    )
    label = models.CharField(max_length=80)
    url = models.CharField(
        "URL",
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text="A path on this site (/admissions/), a full address (https://…) or a "
        "tel:, sms: or mailto: link. Leave empty when a page is chosen.",
    )
    content_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        limit_choices_to={"app_label__in": LINKABLE_APPS},
        verbose_name="page type",
    )
    object_id = models.PositiveBigIntegerField("page ID", null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "rehab_site_menuitem"
        ordering = ["menu", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="")
                | models.Q(content_type__isnull=False, object_id__isnull=False),
                name="menu_item_has_destination",
            ),
            link_constraint("url", "menu_item_url_is_safe"),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        has_page = self.content_type_id is not None and self.object_id is not None
        if not self.url and not has_page:
            raise ValidationError(
                "Give the item a URL or choose a page for it to point at."
            )
        if self.url and has_page:
            raise ValidationError("Give the item either a URL or a page, not both.")
        if has_page and self.target is None:
            raise ValidationError({"object_id": "No page of that type has this ID."})
        if self.parent_id and self.parent.menu_id != self.menu_id:
            raise ValidationError(
                {"parent": "The parent item must be in the same menu."}
            )

    @property
    def href(self) -> str | None:
        """Where the item leads, or None when its page is missing or not published."""
        if self.content_type_id is None:
            return self.url if is_safe_link(self.url) else None
        target = self.target
        if target is None or not getattr(target, "is_live", True):
            return None
        return target.get_absolute_url()


def load_menus() -> dict:
    """Every menu as plain data, cached until content changes: {"main": {...}, "footer": [...]}."""
    return remember("menus", _build_menus)


def _build_menus() -> dict:
    items = MenuItem.objects.prefetch_related("target").order_by("order", "pk")
    menus = {
        menu.pk: {
            "title": menu.title,
            "slug": menu.slug,
            "placement": menu.placement,
            "order": menu.order,
            "items": [],
        }
        for menu in Menu.objects.all()
    }
    nodes = {}
    for item in items:
        href = item.href
        if href is None:
            continue
        nodes[item.pk] = {
            "label": item.label,
            "href": href,
            "children": [],
            "parent_id": item.parent_id,
            "menu_id": item.menu_id,
        }
    for node in nodes.values():
        if node["parent_id"] is None:
            menus[node["menu_id"]]["items"].append(node)
        elif node["parent_id"] in nodes:
            nodes[node["parent_id"]]["children"].append(node)
    ordered = sorted(menus.values(), key=lambda menu: (menu["order"], menu["title"]))
    by_slug = {menu["slug"]: menu for menu in ordered}
    main_items = by_slug.get("main", {}).get("items", [])
    return {
        "by_slug": by_slug,
        # The header's links: a page among them is marked current, so the header varies.
        "main_hrefs": {
            href
            for item in main_items
            for href in [item["href"], *(child["href"] for child in item["children"])]
        },
        "footer": [
            menu
            for menu in ordered
            if menu["placement"] == Menu.Placement.FOOTER and menu["items"]
        ],
        "blog_sidebar": [
            menu
            for menu in ordered
            if menu["placement"] == Menu.Placement.BLOG_SIDEBAR and menu["items"]
        ],
    }
