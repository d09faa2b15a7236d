import factory

from editing.publishing import Status
from programs.models import (
    FAQ,
    Audience,
    Condition,
    Location,
    Page,
    Program,
    Testimonial,
)


class ContentPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    name = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "A short summary for cards and search results."
    body = "<p>What this page is about.</p>"
    status = Status.PUBLISHED


class ProgramFactory(ContentPageFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    typical_length = "2 to 4 weeks"


class ConditionFactory(ContentPageFactory):
    class Meta:
        model = Condition

    name = factory.Sequence(lambda n: f"Substance {n}")
    slug = factory.Sequence(lambda n: f"substance-{n}")


class AudienceFactory(ContentPageFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")


class LocationFactory(ContentPageFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Town {n}, NC")
    slug = factory.Sequence(lambda n: f"town-{n}-nc")
    city = factory.Sequence(lambda n: f"Town {n}")
    state = "NC"
    drive_time = "About an hour"


class PageFactory(ContentPageFactory):
    """A site page; `sections=[(SectionModel, {fields}), ...]` stacks sections below it."""

    class Meta:
        model = Page

    @factory.post_generation
    def sections(page, create, extracted, **kwargs):
        for position, (model, fields) in enumerate(extracted or (), start=1):
            model.objects.create(
                parent=page, region="sections", ordering=position * 10, **fields
            )


class FAQFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQ

    page = factory.SubFactory(ProgramFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An answer in plain words."


class TestimonialFactory(factory.django.DjangoModelFactory):
    __test__ = False  # not a test class, despite its name

    class Meta:
        model = Testimonial

    quote = factory.Sequence(lambda n: f"Treatment changed my life, story {n}.")
    attribution = factory.Sequence(lambda n: f"Person{n}")
    consent_recorded = True
