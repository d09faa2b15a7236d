import io

import factory
from django.core.files.base import ContentFile
from PIL import Image

from pictures.models import Picture


def jpeg_bytes(size=(1600, 1000), colour=(40, 110, 100)) -> bytes:
    """A photo-sized JPEG with a bright square in its top-left quarter, so crops differ."""
    image = Image.new("RGB", size, colour)
    image.paste((250, 240, 200), (100, 100, size[0] // 4, size[1] // 4))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=80)
    return output.getvalue()


class PictureFactory(factory.django.DjangoModelFactory):
    """A described picture in the library; PictureFactory(alt="") for one without alt text."""

    class Meta:
        model = Picture
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Garden path {n}")
    alt = "A garden path between tall grasses"
    file = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="garden.jpg"))
