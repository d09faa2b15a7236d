"""The sections a site page is composed of, stacked in the order marketing chose.

Each kind of section is a model of its own, tied to its page by django-content-editor's
plugin base (a `parent`, a `region` and an `ordering`), so each has its own fields, its own
form in the admin, and its own template: `programs/sections/<model name>.html`. The page
lists them through `programs.sections.sections_of()`, one query per kind of section
whatever their number; a preview lists them as typed.
"""

from content_editor.models import Region, create_plugin_base
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from editing.richtext import RichTextField
from pictures.fields import PictureField
from website import page_parts

from .page import Page
from .program import Program
from .testimonial import Testimonial
from .topics import Audience, Condition, Location

SECTIONS_REGION = Region(key="sections", title="Sections")

PageSection = create_plugin_base(Page)


class SectionKind:
    """What the page's template needs of every kind of section: its name and template."""

    @property
    def section_type(self) -> str:
        return self._meta.model_name

    @property
    def template_name(self) -> str:
        return f"programs/sections/{self.section_type}.html"


class Section(SectionKind, PageSection):
    """What every section shares: an optional heading (a level-two heading of the page)."""

    heading = models.CharField(max_length=120, blank=True)

    class Meta(PageSection.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.heading or str(self._meta.verbose_name).capitalize()


class Action(models.TextChoices):
    CALL = "call", "Call the center"
    ADMISSIONS = "admissions", "Start an admission"
    VERIFY = "verify", "Verify insurance"
    PAGE = "page", "Open a page (choose it below)"


class HeroSection(Section):
    """The opening of a page: its headline, a sentence or two, a picture and buttons. As
    a page's first section it takes the place of the page's own title."""

    eyebrow = models.CharField(max_length=120, blank=True)
    headline = models.CharField(max_length=120)
    introduction = models.TextField(max_length=400, blank=True)
    picture = PictureField("picture", blank=True)
    first_action = models.CharField(
        "first button", max_length=20, choices=Action.choices, default=Action.CALL
    )
    second_action = models.CharField(
        "second button",
        max_length=20,
        choices=Action.choices,
        default=Action.ADMISSIONS,
        blank=True,
    )
    admission_label = models.CharField(
        "label of the admission button",
        max_length=40,
        blank=True,
        help_text="Empty: the site's own (Site settings).",
    )
    linked_page = models.ForeignKey(
        Page,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The page a button that opens a page leads to.",
    )
    page_button_label = models.CharField(
        "label of the page button", max_length=40, blank=True
    )

    class Meta(Section.Meta):
        verbose_name = "hero"

    def __str__(self) -> str:
        return self.headline

    def clean(self) -> None:
        super().clean()
        if Action.PAGE in (self.first_action, self.second_action):
            if self.linked_page_id is None:
                raise ValidationError(
                    {"linked_page": "Choose the page the button opens."}
                )
            if not self.page_button_label.strip():
                raise ValidationError(
                    {"page_button_label": "Say what the button opens, in a few words."}
                )
        if self.linked_page_id is not None and not self.linked_page.is_live:
            raise ValidationError(
                {
                    "linked_page": "That page is not published: visitors would find "
                    "nothing there."
                }
            )

    @property
    def actions(self) -> list[str]:
        return [action for action in (self.first_action, self.second_action) if action]


class TextSection(Section):
    body = RichTextField("text")

    class Meta(Section.Meta):
        verbose_name = "text"


class PictureSection(Section):
    # Empty in the table only where the move into the library found no file (programs
    # 0014); every form asks for one.
    picture = PictureField("picture", null=True)
    caption = models.CharField(max_length=200, blank=True)

    class Meta(Section.Meta):
        verbose_name = "picture"


class GallerySection(Section):
    """The page's gallery photos (edited under Gallery photos), placed here."""

    class Meta(Section.Meta):
        verbose_name = "gallery of the page's photos"


class VideosSection(Section):
    """The page's videos (edited under Videos), placed here."""

    class Meta(Section.Meta):
        verbose_name = "the page's videos"


class ListSection(Section):
    """Short claims, features or numbered steps, one a line."""

    class Style(models.TextChoices):
        PROMISES = "promises", "Promises (short claims with a tick)"
        FEATURES = "features", "Features (a title and a sentence each)"
        STEPS = "steps", "Steps (numbered)"

    style = models.CharField(
        max_length=20, choices=Style.choices, default=Style.PROMISES
    )
    introduction = models.TextField(max_length=400, blank=True)
    items = models.TextField(
        max_length=3000,
        help_text="One item a line. For features and steps, start with the title and "
        "put the sentence after a colon: “Get an assessment: A clinician helps you "
        "choose…”.",
    )

    class Meta(Section.Meta):
        verbose_name = "promises, features or steps"

    def clean(self) -> None:
        super().clean()
        if not self.item_list:
            raise ValidationError({"items": "Write at least one item."})

    @property
    def item_list(self) -> list[dict]:
        """Each line as {"title", "text"}: the text after the first colon, if any."""
        found = []
        for line in self.items.splitlines():
            title, colon, text = line.partition(":")
            if not colon or self.style == self.Style.PROMISES:
                title, text = line, ""
            if title.strip():
                found.append({"title": title.strip(), "text": text.strip()})
        return found


class CardsSection(Section):
    """Cards of pages: the featured or every live one of a kind, or pages ticked one by one.

    Ticked pages are kept on the section itself as "kind:id" keys, not through a join
    table, so a draft change, a preview, a version and a restore carry them as they carry
    every other field of a section (editing/drafts.py stores sections as rows)."""

    class Kind(models.TextChoices):
        PROGRAMS = "programs", "Levels of care"
        CONDITIONS = "conditions", "Addictions"
        AUDIENCES = "audiences", "Who we help"
        LOCATIONS = "locations", "Areas we serve"

    class Which(models.TextChoices):
        FEATURED = "featured", "The ones marked “show on the home page”"
        ALL = "all", "Every published one"
        CHOSEN = "chosen", "The pages ticked below (of any kind)"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PROGRAMS)
    which = models.CharField(
        max_length=20, choices=Which.choices, default=Which.FEATURED
    )
    chosen = models.JSONField(
        "pages",
        default=list,
        blank=True,
        help_text="With “The pages ticked below”: shown in the order of this list.",
    )
    introduction = models.CharField(max_length=300, blank=True)
    link_label = models.CharField(
        max_length=60,
        blank=True,
        help_text="A link to the overview of this kind below the cards, such as "
        "“All treatment programs”. Empty: no link.",
    )

    class Meta(Section.Meta):
        verbose_name = "cards of pages"

    @staticmethod
    def models_by_kind() -> dict:
        return {
            CardsSection.Kind.PROGRAMS: Program,
            CardsSection.Kind.CONDITIONS: Condition,
            CardsSection.Kind.AUDIENCES: Audience,
            CardsSection.Kind.LOCATIONS: Location,
        }

    @staticmethod
    def key(kind: str, pk: int) -> str:
        return f"{kind}:{pk}"

    @property
    def chosen_keys(self) -> list[tuple[str, int]]:
        """The ticked pages as (kind, id), leaving out what names no kind of page."""
        found = []
        for key in self.chosen if isinstance(self.chosen, list) else []:
            kind, _, pk = str(key).partition(":")
            if kind in self.Kind.values and pk.isdigit():
                found.append((kind, int(pk)))
        return found

    def clean(self) -> None:
        super().clean()
        if self.which == self.Which.CHOSEN and not self.chosen:
            raise ValidationError(
                {"chosen": "Tick at least one page, or show the featured or every one."}
            )
        if self.which != self.Which.CHOSEN and self.chosen:
            raise ValidationError(
                {
                    "which": "You ticked pages: choose “The pages ticked below” to show "
                    "them, or untick them."
                }
            )
        keys = self.chosen_keys
        if len(keys) != len(self.chosen):
            raise ValidationError({"chosen": "Tick pages from the list only."})
        for kind, model in self.models_by_kind().items():
            wanted = {pk for key_kind, pk in keys if key_kind == kind}
            if not wanted:
                continue
            pages = {page.pk: page for page in model.objects.filter(pk__in=wanted)}
            if len(pages) < len(wanted):
                raise ValidationError(
                    {"chosen": "A ticked page no longer exists: untick it."}
                )
            for page in pages.values():
                if not page.is_live:
                    raise ValidationError(
                        {
                            "chosen": f"“{page}” is not published: visitors would find "
                            "nothing there. Untick it, or publish it first."
                        }
                    )

    @property
    def overview_url(self) -> str:
        """The overview of this kind of page."""
        return reverse(
            f"programs:{self.kind if self.kind != 'programs' else 'treatment'}"
        )


def chosen_ids(value) -> list[int]:
    """The ids a list of ticked rows holds (a JSON list of numbers)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, int) and item > 0]


def refuse_unknown(name: str, value, known: set, message: str) -> None:
    """`value` (a JSON list of ids) names only rows in `known`, or `message` is raised
    for the field `name`."""
    ids = chosen_ids(value)
    if len(ids) != len(value) or not set(ids) <= known:
        raise ValidationError({name: message})


class TestimonialsSection(Section):
    """Testimonials whose writers consented to their publication: the ones ticked, or
    the newest (of those featured, if asked)."""

    chosen = models.JSONField(
        "testimonials",
        default=list,
        blank=True,
        help_text="Tick testimonials to show exactly those. None ticked: the newest, "
        "as set below.",
    )
    featured_only = models.BooleanField(
        "only the ones marked “show on the home page”", default=False
    )
    limit = models.PositiveSmallIntegerField(
        "show at most", default=3, help_text="The newest first."
    )

    class Meta(Section.Meta):
        verbose_name = "testimonials"

    def clean(self) -> None:
        super().clean()
        if not self.chosen:
            return
        publishable = set(
            Testimonial.objects.publishable().values_list("pk", flat=True)
        )
        for testimonial in Testimonial.objects.filter(pk__in=chosen_ids(self.chosen)):
            if testimonial.pk not in publishable:
                raise ValidationError(
                    {
                        "chosen": f"The testimonial by {testimonial.attribution} has no "
                        "recorded consent: it cannot be shown. Untick it."
                    }
                )
        refuse_unknown(
            "chosen",
            self.chosen,
            publishable,
            "A ticked testimonial no longer exists: untick it.",
        )


class TeamSection(Section):
    """The clinical leadership and staff who chose to appear (Blog › People): everyone,
    one group of them, or the people ticked."""

    group = models.CharField(
        max_length=20,
        blank=True,
        help_text="Empty: everyone who agreed to appear on the team page.",
    )
    people = models.JSONField(
        default=list,
        blank=True,
        help_text="Tick people to show exactly those (only people who agreed to appear "
        "on the team page are listed).",
    )

    class Meta(Section.Meta):
        verbose_name = "team"

    def clean(self) -> None:
        super().clean()
        groups = {value for value, _label in page_parts.part("team_groups")}
        if self.group and self.group not in groups:
            raise ValidationError({"group": "Choose a group of the team page."})
        if self.people:
            refuse_unknown(
                "people",
                self.people,
                {person.pk for person in page_parts.part("team")},
                "A ticked person no longer appears on the team page: untick them.",
            )


class QuestionSection(Section):
    """One frequently asked question; consecutive ones read as one list, and every one on
    the page is described to search engines together."""

    question = models.CharField(max_length=200)
    answer = RichTextField()

    class Meta(Section.Meta):
        verbose_name = "question and answer"

    def __str__(self) -> str:
        return self.question


class CallBoxSection(Section):
    """The call to action with the phone: the site's own words unless given here."""

    text = models.CharField(max_length=300, blank=True)

    class Meta(Section.Meta):
        verbose_name = "call box"


class InsuranceSection(Section):
    """The carriers the center accepts, each linking to its page where it has one."""

    heading = models.CharField(max_length=120, default="Insurance plans we accept")

    introduction = models.CharField(max_length=300, blank=True)
    link_label = models.CharField(
        max_length=60,
        blank=True,
        default="Check your benefits, free",
        help_text="A link to the verify-insurance form below the carriers. Empty: no link.",
    )

    class Meta(Section.Meta):
        verbose_name = "insurance carriers accepted"


class AccreditationsSection(Section):
    """Current accreditations and the license line."""

    heading = models.CharField(max_length=120, default="Accreditations and licenses")

    class Meta(Section.Meta):
        verbose_name = "accreditations"


class CenterDetailsSection(Section):
    """The address, phone, hours and directions; described to search engines."""

    heading = models.CharField(max_length=120, default="Visit or call")

    class Meta(Section.Meta):
        verbose_name = "the center's details and directions"


class ArticlesSection(Section):
    heading = models.CharField(max_length=120, default="From our blog")
    category = models.SlugField(
        max_length=100,
        blank=True,
        help_text="Only the articles of this category. Empty: the newest of all.",
    )
    MOST = 12  # articles a section may show

    limit = models.PositiveSmallIntegerField(
        "show at most", default=3, validators=[MaxValueValidator(MOST)]
    )

    class Meta(Section.Meta):
        verbose_name = "latest articles"

    def clean(self) -> None:
        super().clean()
        categories = {slug for slug, _name in page_parts.part("article_categories")}
        if self.category and self.category not in categories:
            raise ValidationError(
                {"category": "That category no longer exists: choose another."}
            )


class InquiryFormSection(Section):
    """The short inquiry form (its answers go to the admissions queue)."""

    class Meta(Section.Meta):
        verbose_name = "short inquiry form"


class VerifyInsuranceSection(Section):
    heading = models.CharField(max_length=120, default="Check your insurance")
    text = models.CharField(max_length=300, blank=True)

    class Meta(Section.Meta):
        verbose_name = "verify-insurance box"


class BlockSection(SectionKind, PageSection):
    """A reusable block (a page with the reusable-block layout) placed here: its sections
    are shown in its place, and editing the block changes every page that places it."""

    block = models.ForeignKey(
        Page,
        on_delete=models.PROTECT,
        related_name="placements",
        limit_choices_to={"layout": "block"},
        help_text="Pages › a page with the layout “Reusable block”.",
    )

    class Meta(PageSection.Meta):
        verbose_name = "reusable block"

    def __str__(self) -> str:
        return str(self.block) if self.block_id else "Reusable block"

    def clean(self) -> None:
        super().clean()
        if self.block_id is None:
            return
        if not self.block.is_block:
            raise ValidationError(
                {"block": "Choose a page whose layout is “Reusable block”."}
            )
        if self.parent_id == self.block_id or self.parent.is_block:
            raise ValidationError(
                {
                    "block": "A reusable block cannot place a block: place both on "
                    "the page instead."
                }
            )


class PlacedBlock(models.Model):
    """A reusable block placed below a program, addiction, group or area page: those keep
    their typed fields and show the blocks' sections after them, in this order."""

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to={"app_label": "programs"},
    )
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    block = models.ForeignKey(
        Page,
        on_delete=models.PROTECT,
        related_name="typed_placements",
        limit_choices_to={"layout": "block"},
        help_text="Pages › a page with the layout “Reusable block”.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "section below the page (a reusable block)"
        verbose_name_plural = "sections below the page (reusable blocks)"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return str(self.block) if self.block_id else "Reusable block"

    def clean(self) -> None:
        super().clean()
        if self.block_id is not None and not self.block.is_block:
            raise ValidationError(
                {"block": "Choose a page whose layout is “Reusable block”."}
            )


SECTION_MODELS = (
    HeroSection,
    TextSection,
    PictureSection,
    GallerySection,
    VideosSection,
    ListSection,
    CardsSection,
    TestimonialsSection,
    TeamSection,
    QuestionSection,
    CallBoxSection,
    InsuranceSection,
    AccreditationsSection,
    CenterDetailsSection,
    ArticlesSection,
    InquiryFormSection,
    VerifyInsuranceSection,
    BlockSection,
)
