import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from blog.models import Article, Category, Person, Tag
from editing.publishing import Status
from tests.pictures.factories import PictureFactory


def jpeg_bytes(size=(1600, 900), colour=(40, 110, 120)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG")
    return output.getvalue()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Writer {n}")
    slug = factory.Sequence(lambda n: f"writer-{n}")
    credentials = "LCSW"
    role = "Clinical Therapist"

    class Params:
        with_portrait = factory.Trait(
            portrait=factory.SubFactory(
                PictureFactory,
                title=factory.LazyAttribute(
                    lambda picture: f"{picture.factory_parent.name}, portrait"
                ),
                alt=factory.LazyAttribute(
                    lambda picture: f"Portrait of {picture.factory_parent.name}"
                ),
                file=factory.LazyFunction(
                    lambda: ContentFile(jpeg_bytes((600, 600)), name="portrait.jpg")
                ),
            )
        )


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "Articles on one subject."


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live article; ArticleFactory(draft=True) or (scheduled=True) for hidden ones."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
        )
        with_picture = factory.Trait(
            featured_picture=factory.SubFactory(
                PictureFactory,
                title="Hills",
                alt="Hills at sunrise",
                file=factory.LazyFunction(
                    lambda: ContentFile(jpeg_bytes(), name="featured.jpg")
                ),
            )
        )

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "A short summary of the article."
    body = "<p>Recovery takes time, patience and support from people who care.</p>"
    status = Status.PUBLISHED
    publish_at = factory.Sequence(lambda n: timezone.now() - timedelta(hours=n + 1))

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        if create and extracted:
            article.authors.set(extracted)

    @factory.post_generation
    def categories(article, create, extracted, **kwargs):
        if create and extracted:
            article.categories.set(extracted)

    @factory.post_generation
    def tags(article, create, extracted, **kwargs):
        if create and extracted:
            article.tags.set(extracted)
