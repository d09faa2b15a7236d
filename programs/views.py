"""Public pages of the programs app. Each view runs a fixed number of queries: one for the
page itself and, when its cached fragments have to be built, one per related list,
whatever the amount of content."""

from csp.decorators import csp_update
from django.db.models import Prefetch
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import DetailView, ListView

from editing.drafts import DraftPreviewMixin, preview_draft
from editing.preview import prefetch_details, related
from rehab_site.caching import FragmentCache, kept_object_or_404, remember
from website import page_parts
from website.models import SiteSettings

from .home import default_home_page
from .models import (
    FAQ,
    Audience,
    Condition,
    Insurer,
    Location,
    Overview,
    Page,
    Photo,
    Program,
    Testimonial,
    Video,
)
from .models.sections import HeroSection, QuestionSection
from .sections import placed_sections, sections_of

HOME = ("Home", "/")


# The page types with a photo gallery, each photo with its picture.
GALLERY = (Prefetch("photos", queryset=Photo.objects.select_related("picture")),)


class LivePageMixin(DraftPreviewMixin):
    """Visitors see live pages only; staff who may view the model also preview drafts.

    A preview is never cached and asks search engines to stay away. The page's parts are
    cached fragments (programs/detail_base.html), so what it lists besides its own fields
    (get_details, and the lazy lists in the context) is loaded only when they are built.
    The admin's preview hands the view a page built in memory from the change form
    (`preview_of`, editing/preview.py).
    """

    preview_of = None

    def get_queryset(self):
        queryset = super().get_queryset().select_related("hero_picture")
        if self.can_preview():
            return queryset
        return queryset.live()

    details: tuple[str, ...] = ()

    def get_details(self) -> list:
        placed = ["placed_blocks"] if hasattr(self.model, "placed_blocks") else []
        return [
            Prefetch("faqs", queryset=FAQ.objects.order_by("order", "pk")),
            *self.details,
            *placed,
        ]

    @cached_property
    def placed_sections(self) -> list:
        """The sections of the reusable blocks placed below a typed page."""
        if not hasattr(self.model, "placed_blocks"):
            return []
        return placed_sections(self.page_with_details)

    @cached_property
    def page_with_details(self):
        prefetch_details(self.object, *self.get_details())
        return self.object

    @property
    def fragment_key(self) -> str:
        return f"{self.object._meta.label}:{self.object.pk}:{self.is_preview}"

    def can_preview(self) -> bool:
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        )

    def object_lookup(self) -> dict:
        """How the address names the page."""
        return {"slug": self.kwargs[self.slug_url_kwarg]}

    def get_object(self, queryset=None):
        if self.preview_of is not None:
            self.draft_change, self.is_preview = None, True
            return self.preview_of
        # These pages carry a form, so they are rendered for every visitor: kept, the
        # page costs no query (about a fifth of its time, bench/results.md).
        page = kept_object_or_404(
            self.request,
            f"page:{self.model._meta.label}",
            lambda: queryset if queryset is not None else self.get_queryset(),
            **self.object_lookup(),
        )
        # Staff who may edit the page see its draft change here, at its real address.
        self.draft_change = preview_draft(self.request, page)
        self.is_preview = not page.is_live or self.draft_change is not None
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context.update(
            page=page,
            faqs=SimpleLazyObject(
                lambda: list(related(self.page_with_details, "faqs"))
            ),
            is_preview=self.is_preview,
            typed_preview=self.preview_of is not None,
            draft_change=self.draft_change,
            noindex=page.noindex or self.is_preview,
            # Read only where a fragment is built (a page kept whole reads neither).
            share_image=SimpleLazyObject(
                lambda: page.hero_picture.file.url if page.hero_picture else ""
            ),
            breadcrumbs=SimpleLazyObject(lambda: self.get_breadcrumbs(page)),
        )
        return context

    def get_breadcrumbs(self, page):
        return [HOME, *self.parents, (page.name, page.get_absolute_url())]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


def _live_programs():
    return Program.objects.live().only(
        "name", "slug", "summary", "kind", "typical_length", "order"
    )


RELATED_ARTICLES = 3


def related_articles(page) -> list:
    """The newest live articles the blog's editors linked to `page`, with what a card
    shows: one query with a LIMIT. (A prefetch of a slice numbers every linked article
    in a window function: 3.6 ms to build against 0.8, on every cold render.)"""
    if page.pk is None:
        return []
    # The article's field that links to pages of this kind (the blog names it).
    linked_by = page._meta.get_field("articles").field.name
    cards = page_parts.part("article_cards").filter(**{linked_by: page})
    return list(cards[:RELATED_ARTICLES])


def _siblings(page) -> list:
    """The other live pages of the same model, for the "other ..." list beside a page."""
    return list(
        type(page).objects.live().exclude(pk=page.pk).only("name", "slug", "order")
    )


class ProgramDetailView(LivePageMixin, DetailView):
    model = Program
    template_name = "programs/program_detail.html"
    parents = [("Treatment", "/treatment/")]

    def get_details(self):
        return [
            *super().get_details(),
            Prefetch("conditions", queryset=Condition.objects.live()),
            Prefetch("audiences", queryset=Audience.objects.live()),
            Prefetch("testimonials", queryset=Testimonial.objects.publishable()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        program = self.object
        context["related_articles"] = SimpleLazyObject(
            lambda: related_articles(program)
        )
        context["other_programs"] = SimpleLazyObject(
            lambda: list(
                _live_programs().filter(kind=program.kind).exclude(pk=program.pk)
            )
        )
        return context


class ConditionDetailView(LivePageMixin, DetailView):
    model = Condition
    template_name = "programs/condition_detail.html"
    parents = [("Addictions we treat", "/addictions/")]

    def get_details(self):
        return [
            *super().get_details(),
            Prefetch("programs", queryset=_live_programs().levels_of_care()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = SimpleLazyObject(
            lambda: related_articles(self.object)
        )
        context["other_conditions"] = SimpleLazyObject(lambda: _siblings(self.object))
        return context


class AudienceDetailView(LivePageMixin, DetailView):
    model = Audience
    template_name = "programs/audience_detail.html"
    parents = [("Who we help", "/who-we-help/")]

    def get_details(self):
        return [
            *super().get_details(),
            Prefetch("programs", queryset=_live_programs().levels_of_care()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["other_audiences"] = SimpleLazyObject(lambda: _siblings(self.object))
        return context


class LocationDetailView(LivePageMixin, DetailView):
    model = Location
    details = GALLERY
    template_name = "programs/location_detail.html"
    parents = [("Areas we serve", "/areas-we-serve/")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programs"] = SimpleLazyObject(
            lambda: list(_live_programs().levels_of_care())
        )
        context["conditions"] = SimpleLazyObject(
            lambda: list(Condition.objects.live().only("name", "slug", "order"))
        )
        context["other_locations"] = SimpleLazyObject(lambda: _siblings(self.object))
        return context


def video_csp(page) -> dict:
    """What a page's videos add to its Content-Security-Policy: frame-src for the hosts it
    embeds from, media-src 'self' for files of its own; nothing for a page without video.
    Remembered until content changes, so a cached page costs no query."""

    def build() -> dict:
        origins, files = set(), False
        for video in related(page, "videos"):
            if video.embed:
                origins.add(video.embed.origin)
            elif video.file:
                files = True
        update = {"frame-src": sorted(origins)} if origins else {}
        if files:
            update["media-src"] = ["'self'"]
        return update

    return remember(f"page-video-csp:{page.pk}", build)


class PageDetailView(LivePageMixin, DetailView):
    """A site page: its text, then the sections marketing stacked (programs/sections.py).
    A landing page (Page.Layout.LANDING) has the slim header, and a page with a campaign
    number shows that number wherever the site's phone appears."""

    model = Page
    details = (
        *GALLERY,
        Prefetch("videos", queryset=Video.objects.select_related("poster_picture")),
    )
    template_name = "programs/page_detail.html"
    parents = []

    def get_queryset(self):
        # The home page answers at / only (HomePageView); a reusable block nowhere.
        return (
            super()
            .get_queryset()
            .filter(is_home=False)
            .exclude(layout=Page.Layout.BLOCK)
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        update = video_csp(self.object)
        if not update:
            return response
        # django-csp's own per-view decorator, applied to this one response.
        return csp_update(update)(lambda request: response)(self.request)

    @cached_property
    def sections(self) -> list:
        return sections_of(self.page_with_details)

    @cached_property
    def opening_hero(self):
        """The hero that opens the page, if its first section is one: it takes the
        place of the page's own header."""
        first = self.sections[0] if self.sections else None
        return first if isinstance(first, HeroSection) else None

    @cached_property
    def places(self) -> dict[str, bool]:
        """The kinds of section the page has, for its template (a page's photos and
        videos are shown where a section places them, and below its text when none
        does)."""
        return {section.section_type: True for section in self.sections}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["sections"] = SimpleLazyObject(lambda: self.sections)
        # The page's own questions are listed under its text; those in sections
        # where they stand. Search engines are given all of them, in one FAQPage.
        context["described_faqs"] = SimpleLazyObject(
            lambda: [
                *related(self.page_with_details, "faqs"),
                *(s for s in self.sections if isinstance(s, QuestionSection)),
            ]
        )
        if page.campaign_phone:
            # Every fragment of the page (header, footer, call boxes) shows the
            # number, so each is kept apart from the same fragment with the main one.
            context["site"] = SimpleLazyObject(
                lambda: SiteSettings.load().with_phone(page.campaign_phone)
            )
            context["fragments"] = FragmentCache.for_request(self.request).varied_by(
                page.campaign_phone
            )
        return context


class HomePageView(PageDetailView):
    """The home page: the site page marked as such, composed of sections like any other,
    drafted, previewed, scheduled and versioned like any other."""

    def get_queryset(self):
        return super(PageDetailView, self).get_queryset().filter(is_home=True)

    def object_lookup(self) -> dict:
        return {"is_home": True}

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            # No home page row (deleted outside the admin, a database emptied): the
            # words a new site starts with, rather than a 404 at the site's address.
            self.draft_change, self.is_preview = None, False
            return default_home_page()

    def get_breadcrumbs(self, page):
        return [HOME]


class IndexView(ListView):
    """The overview of one kind of page, listing every live one in order."""

    overview_kind = ""
    template_name = "programs/index.html"

    def get_queryset(self):
        return self.model.objects.live().only("name", "slug", "summary", "order")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = Overview.for_kind(self.overview_kind)
        context.update(
            overview=overview,
            title=overview.title,
            lede=overview.lede,
            breadcrumbs=[HOME, (overview.title, self.request.path)],
        )
        return context


class TreatmentIndexView(IndexView):
    model = Program
    overview_kind = Overview.Kind.TREATMENT
    template_name = "programs/treatment_index.html"

    def get_queryset(self):
        return _live_programs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programs = context["object_list"]
        context["levels_of_care"] = [
            p for p in programs if p.kind == Program.Kind.LEVEL_OF_CARE
        ]
        context["lengths"] = [p for p in programs if p.kind == Program.Kind.LENGTH]
        return context


class ConditionIndexView(IndexView):
    model = Condition
    overview_kind = Overview.Kind.CONDITIONS


class AudienceIndexView(IndexView):
    model = Audience
    overview_kind = Overview.Kind.AUDIENCES


class LocationIndexView(IndexView):
    model = Location
    overview_kind = Overview.Kind.LOCATIONS


class InsuranceIndexView(ListView):
    """/insurance/: every carrier the inquiry and verification forms offer, from the same
    staff-managed list: the accepted ones, then those the center does not take, each with
    its line, so whatever a family picks on a form is explained here."""

    template_name = "programs/insurance_index.html"
    title = "Insurance we accept"
    lede = "We are in network with these insurers. Coverage differs from plan to plan, so we check your benefits for you, free, before you decide anything."

    def get_queryset(self):
        return Insurer.objects.only(
            "name", "slug", "summary", "has_page", "is_accepted", "order"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        insurers = list(context["object_list"])
        context.update(
            title=self.title,
            lede=self.lede,
            accepted=[insurer for insurer in insurers if insurer.is_accepted],
            not_accepted=[insurer for insurer in insurers if not insurer.is_accepted],
            breadcrumbs=[HOME, (self.title, self.request.path)],
        )
        return context


class InsurerDetailView(DetailView):
    """One accepted carrier's page: what its plans usually cover here, FAQs (and their
    FAQPage data), and the verification form with the carrier preselected. The form is
    each visitor's own (CSRF token, form key), so the page is never cached whole."""

    template_name = "programs/insurer_detail.html"
    context_object_name = "insurer"

    def get_queryset(self):
        return Insurer.objects.with_pages().prefetch_related(
            Prefetch("faqs", queryset=FAQ.objects.order_by("order", "pk"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        insurer = self.object
        context.update(
            faqs=list(insurer.faqs.all()),
            breadcrumbs=[
                HOME,
                ("Insurance we accept", "/insurance/"),
                (insurer.name, insurer.get_absolute_url()),
            ],
        )
        return context
