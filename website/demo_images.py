"""Pictures for the demo center, painted by Pillow from shapes and gradients.

Each scene is a small illustration in one palette (dusk hills, a lit lodge, a quiet room, a
trail through trees, a circle of chairs, a portrait), so the demo looks like a real center's
site without shipping photographs. Only `seed_demo` uses this module.
"""

import functools
import io
import math
import random
from collections.abc import Callable

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter

from pictures.models import Picture

SIZE = (1600, 1200)

PALETTES = [
    # (sky top, sky bottom, far hills, near hills, accent)
    ((126, 160, 176), (244, 226, 204), (92, 128, 136), (34, 74, 78), (232, 170, 110)),
    ((150, 170, 200), (250, 232, 214), (110, 130, 160), (48, 66, 96), (236, 182, 120)),
    ((170, 196, 180), (246, 240, 220), (104, 142, 118), (40, 84, 64), (214, 160, 96)),
    ((196, 170, 190), (250, 228, 210), (140, 116, 140), (70, 58, 84), (240, 176, 128)),
]


def _mix(a, b, share):
    return tuple(round(x * (1 - share) + y * share) for x, y in zip(a, b, strict=True))


def _gradient(draw, box, top, bottom):
    left, upper, right, lower = box
    for y in range(upper, lower):
        draw.line(
            [(left, y), (right, y)],
            fill=_mix(top, bottom, (y - upper) / (lower - upper)),
        )


def _hills(draw, width, height, far, near, rng, base=0.55, layers=4):
    for layer in range(layers):
        share = layer / max(1, layers - 1)
        colour = _mix(far, near, share)
        level = height * (base + 0.1 * layer)
        phase = rng.uniform(0, 6)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = math.sin(x / (300 - layer * 40) + phase) * (60 - layer * 10)
            wave += math.sin(x / 90 + phase * 1.7) * 10
            points.append((x, level + wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)


def _tree(draw, x, ground, height, colour):
    trunk = max(4, height // 18)
    draw.rectangle(
        [x - trunk, ground - height * 0.25, x + trunk, ground], fill=(70, 54, 44)
    )
    for tier in range(3):
        top = ground - height + tier * height * 0.22
        half = height * (0.18 + tier * 0.07)
        draw.polygon(
            [
                (x, top),
                (x - half, top + height * 0.42),
                (x + half, top + height * 0.42),
            ],
            fill=_mix(colour, (20, 40, 36), tier * 0.15),
        )


def _sky(draw, palette, rng, width, height, sun=True):
    sky_top, sky_bottom, *_rest, accent = palette
    _gradient(draw, (0, 0, width, height), sky_top, sky_bottom)
    if sun:
        x = width * rng.uniform(0.6, 0.85)
        y = height * 0.28
        for ring in range(6, 0, -1):
            radius = 70 + ring * 28
            draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius],
                fill=_mix(sky_bottom, (255, 240, 214), 0.12 * (7 - ring)),
            )
        draw.ellipse([x - 70, y - 70, x + 70, y + 70], fill=(255, 242, 220))


def paint_hills(palette, rng, width, height):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _sky(draw, palette, rng, width, height)
    _hills(draw, width, height, palette[2], palette[3], rng)
    for _ in range(9):
        x = rng.uniform(0, width)
        _tree(
            draw, x, height * rng.uniform(0.9, 1.0), rng.uniform(160, 260), palette[3]
        )
    return image


def paint_lodge(palette, rng, width, height):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _sky(draw, palette, rng, width, height)
    _hills(
        draw, width, height, palette[2], _mix(palette[2], palette[3], 0.6), rng, 0.5, 3
    )
    ground = height * 0.86
    draw.rectangle([0, ground, width, height], fill=_mix(palette[3], (60, 90, 60), 0.4))
    # The lodge: a long timber building with a pitched roof and lit windows.
    left, right, eaves = width * 0.22, width * 0.78, height * 0.56
    draw.polygon(
        [(left - 60, eaves), (width / 2, height * 0.36), (right + 60, eaves)],
        fill=(72, 60, 56),
    )
    draw.rectangle([left, eaves, right, ground], fill=(150, 112, 84))
    for plank in range(int(eaves), int(ground), 22):
        draw.line([(left, plank), (right, plank)], fill=(134, 98, 74), width=2)
    windows = 6
    for index in range(windows):
        wx = left + 40 + index * (right - left - 80) / windows
        draw.rectangle([wx, eaves + 60, wx + 90, eaves + 170], fill=(255, 214, 140))
        draw.line(
            [(wx + 45, eaves + 60), (wx + 45, eaves + 170)], fill=(120, 90, 64), width=4
        )
    door = width / 2
    draw.rectangle([door - 55, ground - 170, door + 55, ground], fill=(96, 64, 46))
    draw.rectangle(
        [door - 40, ground - 150, door + 40, ground - 90], fill=(255, 214, 140)
    )
    draw.polygon(
        [
            (door - 40, height),
            (door - 70, ground),
            (door + 70, ground),
            (door + 40, height),
        ],
        fill=(214, 196, 170),
    )
    for x in (width * 0.08, width * 0.15, width * 0.86, width * 0.94):
        _tree(draw, x, ground + 20, rng.uniform(300, 420), palette[3])
    return image


def paint_room(palette, rng, width, height):
    """A quiet room: a window onto the hills, an armchair, a lamp and a plant."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    wall = _mix(palette[1], (236, 228, 214), 0.5)
    _gradient(draw, (0, 0, width, height), _mix(wall, (255, 255, 255), 0.3), wall)
    floor = height * 0.78
    _gradient(draw, (0, int(floor), width, height), (176, 140, 104), (140, 104, 76))
    # The window, with the landscape behind it.
    wx0, wy0, wx1, wy1 = (
        int(width * 0.42),
        int(height * 0.12),
        int(width * 0.9),
        int(height * 0.6),
    )
    view = paint_hills(palette, rng, wx1 - wx0, wy1 - wy0)
    image.paste(view, (wx0, wy0))
    draw.rectangle([wx0, wy0, wx1, wy1], outline=(250, 248, 244), width=18)
    draw.line(
        [((wx0 + wx1) / 2, wy0), ((wx0 + wx1) / 2, wy1)], fill=(250, 248, 244), width=12
    )
    draw.rectangle([wx0 - 30, wy1, wx1 + 30, wy1 + 22], fill=(246, 242, 236))
    # Armchair.
    cx, cy = width * 0.24, floor
    chair = _mix(palette[3], (120, 140, 130), 0.3)
    draw.rounded_rectangle(
        [cx - 190, cy - 340, cx + 190, cy - 120], 50, fill=_mix(chair, (0, 0, 0), 0.1)
    )
    draw.rounded_rectangle([cx - 230, cy - 200, cx + 230, cy - 40], 40, fill=chair)
    draw.rounded_rectangle(
        [cx - 250, cy - 240, cx - 170, cy - 40], 30, fill=_mix(chair, (0, 0, 0), 0.15)
    )
    draw.rounded_rectangle(
        [cx + 170, cy - 240, cx + 250, cy - 40], 30, fill=_mix(chair, (0, 0, 0), 0.15)
    )
    for leg in (cx - 200, cx + 190):
        draw.rectangle([leg, cy - 40, leg + 14, cy + 10], fill=(80, 60, 44))
    draw.rounded_rectangle([cx - 70, cy - 300, cx + 60, cy - 200], 24, fill=palette[4])
    # Lamp.
    lx = width * 0.05
    draw.line(
        [(lx + 60, floor + 10), (lx + 60, floor - 420)], fill=(60, 54, 50), width=8
    )
    draw.polygon(
        [
            (lx, floor - 420),
            (lx + 120, floor - 420),
            (lx + 95, floor - 520),
            (lx + 25, floor - 520),
        ],
        fill=(250, 236, 206),
    )
    # Plant.
    px, py = width * 0.94, floor + 20
    draw.rounded_rectangle([px - 60, py - 120, px + 60, py], 16, fill=(196, 120, 90))
    for leaf in range(9):
        angle = math.pi * (0.15 + 0.7 * leaf / 8)
        tip = (
            px + math.cos(angle) * 200 * (1 if leaf % 2 else -1) * 0.6,
            py - 120 - math.sin(angle) * 260,
        )
        draw.polygon(
            [(px, py - 110), tip, (px + (tip[0] - px) * 0.3 + 20, py - 150)],
            fill=_mix((60, 120, 80), palette[3], 0.2),
        )
    # A rug.
    draw.ellipse(
        [width * 0.3, floor + 60, width * 0.8, height - 20],
        fill=_mix(palette[4], (240, 230, 210), 0.5),
    )
    return image


def paint_trail(palette, rng, width, height):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _sky(draw, palette, rng, width, height)
    _hills(draw, width, height, palette[2], palette[3], rng, 0.45, 3)
    meadow = _mix(palette[3], (120, 160, 90), 0.45)
    draw.rectangle([0, height * 0.7, width, height], fill=meadow)
    draw.polygon(
        [
            (width * 0.42, height),
            (width * 0.5, height * 0.7),
            (width * 0.54, height * 0.7),
            (width * 0.72, height),
        ],
        fill=(222, 204, 172),
    )
    for index in range(14):
        side = -1 if index % 2 else 1
        depth = index / 13
        x = width / 2 + side * (
            width * 0.12 + width * 0.4 * (1 - depth) * rng.uniform(0.6, 1.0)
        )
        ground = height * (0.72 + 0.28 * (1 - depth))
        _tree(draw, x, ground, 180 + 360 * (1 - depth), palette[3])
    return image


def paint_circle(palette, rng, width, height):
    """A circle of chairs in a bright room: group therapy, without faces."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    wall = _mix(palette[1], (240, 236, 226), 0.4)
    _gradient(draw, (0, 0, width, height), wall, _mix(wall, palette[2], 0.15))
    for index in range(3):
        x0 = width * (0.1 + index * 0.3)
        draw.rectangle(
            [x0, height * 0.1, x0 + width * 0.2, height * 0.45],
            fill=_mix(palette[0], (255, 255, 255), 0.4),
        )
        draw.rectangle(
            [x0, height * 0.1, x0 + width * 0.2, height * 0.45],
            outline=(250, 248, 244),
            width=12,
        )
    floor = height * 0.55
    _gradient(draw, (0, int(floor), width, height), (196, 164, 126), (160, 124, 92))
    draw.ellipse(
        [width * 0.2, height * 0.62, width * 0.8, height * 0.95],
        fill=_mix(palette[4], (240, 230, 210), 0.55),
    )
    colours = [
        palette[3],
        palette[4],
        _mix(palette[2], palette[4], 0.5),
        (90, 110, 140),
    ]
    for seat in range(8):
        angle = 2 * math.pi * seat / 8 + 0.2
        x = width / 2 + math.cos(angle) * width * 0.3
        y = height * 0.78 + math.sin(angle) * height * 0.15
        scale = 0.7 + 0.3 * (y - height * 0.63) / (height * 0.3)
        w, h = 120 * scale, 150 * scale
        colour = colours[seat % len(colours)]
        draw.rounded_rectangle(
            [x - w / 2, y - h, x + w / 2, y - h * 0.35],
            18,
            fill=_mix(colour, (0, 0, 0), 0.12),
        )
        draw.rounded_rectangle(
            [x - w / 2 - 8, y - h * 0.45, x + w / 2 + 8, y - h * 0.2], 14, fill=colour
        )
        draw.line(
            [(x - w / 2, y - h * 0.2), (x - w / 2, y)], fill=(70, 60, 50), width=6
        )
        draw.line(
            [(x + w / 2, y - h * 0.2), (x + w / 2, y)], fill=(70, 60, 50), width=6
        )
    plant_x = width * 0.92
    draw.rounded_rectangle(
        [plant_x - 50, floor - 20, plant_x + 50, floor + 80], 14, fill=(196, 120, 90)
    )
    draw.ellipse([plant_x - 110, floor - 280, plant_x + 110, floor], fill=(70, 126, 88))
    return image


def paint_portrait(palette, rng, width, height):
    """A head-and-shoulders silhouette on a soft background: a person without a real face."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _gradient(draw, (0, 0, width, height), palette[0], palette[1])
    skin = rng.choice([(236, 200, 170), (198, 150, 116), (150, 104, 76), (110, 76, 56)])
    hair = rng.choice([(60, 44, 36), (120, 84, 54), (30, 26, 24), (180, 170, 160)])
    shirt = palette[3]
    cx = width / 2
    draw.ellipse(
        [cx - width * 0.42, height * 0.68, cx + width * 0.42, height * 1.3], fill=shirt
    )
    draw.rectangle(
        [cx - width * 0.08, height * 0.55, cx + width * 0.08, height * 0.74],
        fill=_mix(skin, (0, 0, 0), 0.08),
    )
    draw.ellipse(
        [cx - width * 0.23, height * 0.13, cx + width * 0.23, height * 0.6], fill=hair
    )
    draw.ellipse(
        [cx - width * 0.18, height * 0.24, cx + width * 0.18, height * 0.66], fill=skin
    )
    draw.pieslice(
        [cx - width * 0.2, height * 0.16, cx + width * 0.24, height * 0.42],
        180,
        300,
        fill=hair,
    )
    return image


SCENES = {
    "hills": paint_hills,
    "lodge": paint_lodge,
    "room": paint_room,
    "trail": paint_trail,
    "circle": paint_circle,
    "portrait": paint_portrait,
}


@functools.cache
def paint(scene: str, seed: int, size: tuple[int, int] = SIZE) -> bytes:
    """A JPEG of `scene` in one of the palettes, the same for the same seed: painted once
    per process (the blur is most of seeding's time), so seeding again costs no painting."""
    rng = random.Random(seed)
    palette = PALETTES[seed % len(PALETTES)]
    image = SCENES[scene](palette, rng, *size)
    image = image.filter(ImageFilter.GaussianBlur(1.1))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=84, optimize=True, progressive=True)
    return output.getvalue()


def library_picture(
    name: str,
    painted: Callable[[], bytes],
    *,
    title: str,
    alt: str,
    tags: list[str],
    **fields,
) -> Picture:
    """The library's demo picture titled `title`: the JPEG `painted()` makes, stored as
    `name`.jpg, described by `alt` and tagged the first time; found by its title after
    that, so seeding again paints nothing and changes nothing. `fields`: more of the
    picture's own (a focal point)."""
    picture = Picture.objects.filter(title=title).first()
    if picture is not None:
        return picture
    picture = Picture(title=title, alt=alt, **fields)
    # Stored first, so the picture reads its size and makes its renditions from it.
    picture.file.save(f"{name}.jpg", ContentFile(painted()), save=False)
    picture.save()
    picture.tags.add(*tags)
    return picture


# What each scene shows, for the image's description (alt text).
DESCRIPTIONS = {
    "hills": "Layered blue-green hills under a soft evening sun",
    "lodge": "A timber lodge with lit windows among pine trees, hills behind it",
    "room": "A quiet room with an armchair, a reading lamp and a window onto the hills",
    "trail": "A walking trail through pine trees toward the mountains",
    "circle": "A circle of chairs in a bright room, ready for a group session",
    "portrait": "A portrait",
}
