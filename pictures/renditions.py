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
# Crops a page shows in a fixed shape, around the focal point: cards at 16:9, portraits
# in a circle. Made with the widths, so a list of cards costs no lookup.
CROPS = {"wide": ((480, 270), (800, 450)), "square": ((96, 96), (192, 192))}


def build_renditions(
    image: ImageFieldFile,
    widths: tuple[int, ...] = RENDITION_WIDTHS,
    crop: str = "50% 50%",
) -> dict:
    """{"source": the image's name, "sizes": [{"url", "width", "height"}, ...] narrowest
    first, "crop": `crop`, "crops": {"wide": [...], "square": [...]}}: the crops keep the
    point `crop` ("30% 60%", sorl-thumbnail's crop position) in view."""
    if not image:
        return {}
    original_width = image.width
    sizes = []
    for width in widths:
        target = min(width, original_width)
        if sizes and sizes[-1]["width"] >= target:
            break  # never upscale: the original is narrower than the next width
        thumbnail = get_thumbnail(image, str(target), upscale=False)
        sizes.append(size_of(thumbnail))
    crops = {
        name: [
            size_of(get_thumbnail(image, f"{width}x{height}", crop=crop))
            for width, height in shapes
        ]
        for name, shapes in CROPS.items()
    }
    return {"source": image.name, "sizes": sizes, "crop": crop, "crops": crops}


def size_of(thumbnail) -> dict:
    return {"url": thumbnail.url, "width": thumbnail.width, "height": thumbnail.height}


def srcset(renditions: dict, crop: str = "") -> str:
    """The `srcset` of the uncropped widths, or of the crop named `crop`."""
    sizes = (
        renditions.get("crops", {}).get(crop, [])
        if crop
        else renditions.get("sizes", [])
    )
    return ", ".join(f"{size['url']} {size['width']}w" for size in sizes)


def default_size(renditions: dict, preferred_width: int = 800) -> dict | None:
    """The rendition for `src`: the widest one no wider than `preferred_width`."""
    sizes = renditions.get("sizes", [])
    if not sizes:
        return None
    fitting = [size for size in sizes if size["width"] <= preferred_width]
    return fitting[-1] if fitting else sizes[0]
