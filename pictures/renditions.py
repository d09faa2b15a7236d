"""Responsive renditions of a picture, made once when its file is saved.

Making them at save time (with sorl-thumbnail, as WebP) and storing their addresses on the
row means a page can list twenty articles with pictures without one extra query or file
lookup, and the templates still get a `srcset` with real widths and heights. Crops (a 4:3
hero, a square portrait) are made by sorl-thumbnail's template tag around the picture's
focal point (`Picture.crop`).
"""

from django.db.models.fields.files import ImageFieldFile
from sorl.thumbnail import get_thumbnail

RENDITION_WIDTHS = (480, 800, 1200)


def build_renditions(
    image: ImageFieldFile, widths: tuple[int, ...] = RENDITION_WIDTHS
) -> dict:
    """{"source": the image's name, "sizes": [{"url", "width", "height"}, ...]}, narrowest first."""
    if not image:
        return {}
    original_width = image.width
    sizes = []
    for width in widths:
        target = min(width, original_width)
        if sizes and sizes[-1]["width"] >= target:
            break  # never upscale: the original is narrower than the next width
        thumbnail = get_thumbnail(image, str(target), upscale=False)
        sizes.append(
            {"url": thumbnail.url, "width": thumbnail.width, "height": thumbnail.height}
        )
    return {"source": image.name, "sizes": sizes}


def srcset(renditions: dict) -> str:
    return ", ".join(
        f"{size['url']} {size['width']}w" for size in renditions.get("sizes", [])
    )


def default_size(renditions: dict, preferred_width: int = 800) -> dict | None:
    """The rendition for `src`: the widest one no wider than `preferred_width`."""
    sizes = renditions.get("sizes", [])
    if not sizes:
        return None
    fitting = [size for size in sizes if size["width"] <= preferred_width]
    return fitting[-1] if fitting else sizes[0]
