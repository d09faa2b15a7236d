import io

import factory
from django.core.files.base import ContentFile
from PIL import Image

from pictures.models import Picture


def jpeg_bytes(size=(1600, 1000), colour=(40, 110, 100)) -> bytes:
    """A JPEG (photo-sized by default) with a bright square in its top-left quarter, so
    crops differ."""
    image = Image.new("RGB", size, colour)
    image.paste((250, 240, 200), (100, 100, size[0] // 4, size[1] // 4))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=80)
    return output.getvalue()


class PictureFactory(factory.django.DjangoModelFactory):
    """A described picture in the library; PictureFactory(alt="") for one without alt text.

    800 px wide, so it has two of the library's widths: its renditions take a quarter of
    a photo's time to make (0.07 s against 0.24). PictureFactory(wide=True) for one
    that has all three."""

    class Meta:
        model = Picture
        skip_postgeneration_save = True

    class Params:
        wide = factory.Trait(
            file=factory.LazyFunction(
                lambda: ContentFile(jpeg_bytes(), name="garden.jpg")
            )
        )

    title = factory.Sequence(lambda n: f"Garden path {n}")
    alt = "A garden path between tall grasses"
    file = factory.LazyFunction(
        lambda: ContentFile(jpeg_bytes((800, 500)), name="garden.jpg")
    )
