"""Demo content for the programs app: every page of the seeded navigation, with FAQs and
testimonials, and the seeded menu items pointed at those pages.

Everything is created only when missing and nothing is overwritten, so running seed_demo
again changes no row and never undoes an edit made in the admin.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from editing.publishing import Status
from pictures.models import Picture
from website.models import Menu, MenuItem

from . import demo_content as content
from . import demo_notices
from .home import save_default_home_page
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
from .models.overview import DEFAULTS as OVERVIEW_DEFAULTS
from .models.sections import CardsSection, HeroSection, PlacedBlock


def seed(stdout) -> None:
    conditions = _seed_pages(Condition, content.CONDITIONS, _condition_fields)
    audiences = _seed_pages(Audience, content.AUDIENCES, _audience_fields)
    _seed_pages(Location, content.LOCATIONS, _location_fields)
    _seed_pages(Page, content.BLOCKS, _page_fields)
    _seed_pages(Page, content.PAGES, _page_fields)
    programs = _seed_pages(
        Program, content.LEVELS_OF_CARE, _level_fields, conditions, audiences
    )
    programs |= _seed_pages(Program, content.LENGTHS, _length_fields)
    _seed_testimonials(programs)
    # After what their sections tick: programs, addictions, groups and testimonials.
    _seed_pages(Page, content.LANDING_PAGES, _page_fields)
    _seed_insurers()
    _seed_notices()
    _seed_team_page()
    _seed_key_resources()
    _correct_cookie_policy()
    _seed_overviews()
    _place_blocks()
    _seed_home_picture()
    _seed_hero_pictures()
    _seed_galleries()
    _seed_media_videos()
    linked = _link_menu_items()
    stdout.write(f"Programs demo content ready; {linked} menu item(s) linked to pages.")


def _seed_pages(model, entries, fields, conditions=None, audiences=None) -> dict:
    pages = {}
    for order, entry in enumerate(entries):
        page, created = model.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "summary": entry["summary"],
                "body": entry["body"],
                "status": Status.PUBLISHED,
                "order": order * 10,
                **fields(entry),
            },
        )
        pages[page.slug] = page
        if not created:
            continue
        _seed_sections(page, entry)
        for faq_order, (question, answer) in enumerate(entry.get("faqs", [])):
            FAQ.objects.create(
                page=page, question=question, answer=answer, order=faq_order
            )
        if conditions is not None:
            page.conditions.set(conditions[slug] for slug in entry["conditions"])
            page.audiences.set(audiences[slug] for slug in entry["audiences"])
    return pages


def _level_fields(entry) -> dict:
    return {
        "kind": Program.Kind.LEVEL_OF_CARE,
        "typical_length": entry["typical_length"],
        "day_in_the_life": entry["day"],
        "who_it_suits": entry["suits"],
        "featured": entry["featured"],
    }


def _length_fields(entry) -> dict:
    return {
        "kind": Program.Kind.LENGTH,
        "typical_length": entry["typical_length"],
        "length_in_days": entry["days"],
    }


def _condition_fields(entry) -> dict:
    return {
        "signs": entry["signs"],
        "risks": entry["risks"],
        "how_we_treat": entry["how_we_treat"],
        "featured": entry["featured"],
    }


def _audience_fields(entry) -> dict:
    return {"featured": entry["featured"]}


def _location_fields(entry) -> dict:
    return {
        "city": entry["city"],
        "state": entry["state"],
        "drive_time": entry["drive_time"],
        "distance_miles": entry["distance_miles"],
    }


def _page_fields(entry) -> dict:
    return {
        "layout": entry.get("layout", Page.Layout.STANDARD),
        "campaign_phone": entry.get("campaign_phone", ""),
        "noindex": entry.get("noindex", False),
    }


def _seed_sections(page, entry) -> None:
    """The page's sections, in the order the entry lists them; a hero gets a picture."""
    for position, (model_name, fields) in enumerate(entry.get("sections", []), 1):
        if model_name == "BlockSection":
            fields = {"block": Page.objects.get(slug=fields["block"])}
        elif model_name == "CardsSection" and "chosen" in fields:
            models = CardsSection.models_by_kind()
            fields = fields | {
                "chosen": [
                    CardsSection.key(kind, models[kind].objects.get(slug=slug).pk)
                    for kind, slug in fields["chosen"]
                ]
            }
        elif model_name == "TestimonialsSection" and "chosen" in fields:
            fields = fields | {
                "chosen": [
                    Testimonial.objects.get(attribution=name).pk
                    for name in fields["chosen"]
                ]
            }
        section = apps.get_model("programs", model_name)(
            parent=page, region="sections", ordering=position * 10, **fields
        )
        if model_name == "HeroSection" and entry.get("hero_scene"):
            section.picture = demo_picture(
                page.slug,
                entry["hero_scene"],
                90 + position,
                title=f"{page.name}: hero",
                tags=["hero"],
            )
        section.full_clean()
        section.save()


def _seed_notices() -> None:
    """The required notices, each awaiting the center's counsel's review."""
    for order, entry in enumerate(demo_notices.NOTICES):
        if Page.objects.filter(notice=entry["notice"]).exists():
            continue
        Page.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "summary": entry["summary"],
                "body": entry["body"],
                "notice": entry["notice"],
                "counsel_review_pending": True,
                "status": Status.PUBLISHED,
                "order": 900 + order * 10,
            },
        )


def _seed_team_page() -> None:
    entry = demo_notices.TEAM_PAGE
    page, created = Page.objects.get_or_create(
        slug=entry["slug"],
        defaults={
            "name": entry["name"],
            "summary": entry["summary"],
            "body": entry["body"],
            "status": Status.PUBLISHED,
            "order": 15,
        },
    )
    if created:
        _seed_sections(page, entry)


def _seed_testimonials(programs: dict) -> None:
    for order, (attribution, detail, program, consent, featured, quote) in enumerate(
        content.TESTIMONIALS
    ):
        Testimonial.objects.get_or_create(
            attribution=attribution,
            detail=detail,
            defaults={
                "quote": quote,
                "program": programs.get(program),
                "consent_recorded": consent,
                "featured": featured,
                "order": order * 10,
            },
        )


def _seed_insurers() -> None:
    """The carriers a center in the region typically lists, each with its line; Medicaid
    and Medicare are on the forms but not accepted, as at many private centers, and the
    insurance page says what to do instead."""
    for order, (name, accepted, line) in enumerate(content.INSURERS):
        Insurer.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "is_accepted": accepted,
                "order": order * 10,
                "summary": line,
            },
        )
    _seed_insurer_pages()


def _seed_insurer_pages() -> None:
    """Pages for the carriers families ask about most, each with its FAQs."""
    for name, page in content.INSURER_PAGES.items():
        insurer = Insurer.objects.filter(name=name, has_page=False, coverage="").first()
        if insurer is None:
            continue
        insurer.has_page = True
        insurer.summary = page["summary"]
        insurer.coverage = page["coverage"]
        insurer.save()
        for order, (question, answer) in enumerate(page["faqs"]):
            FAQ.objects.create(
                page=insurer, question=question, answer=answer, order=order
            )


KEY_RESOURCES = [
    ("Medical detox", "/treatment/detox/"),
    ("Residential treatment", "/treatment/residential/"),
    ("Intensive outpatient (IOP)", "/treatment/intensive-outpatient/"),
    ("Outpatient treatment", "/treatment/outpatient/"),
    ("Family program", "/treatment/family-program/"),
    ("Opioid addiction", "/addictions/opioids/"),
    ("Alcohol addiction", "/addictions/alcohol/"),
]


def _seed_key_resources() -> None:
    """The blog sidebar's "Key resources": treatment pages, edited like any menu."""
    menu, created = Menu.objects.get_or_create(
        slug="key-resources",
        defaults={"title": "Key resources", "placement": Menu.Placement.BLOG_SIDEBAR},
    )
    if created:
        MenuItem.objects.bulk_create(
            MenuItem(menu=menu, label=label, url=url, order=order)
            for order, (label, url) in enumerate(KEY_RESOURCES)
        )


# The painted scene for each kind of page (website/demo_images.py), in turn.
HERO_SCENES = {
    Program: ("room", "circle", "trail", "lodge"),
    Condition: ("trail", "hills", "room"),
    Audience: ("circle", "trail", "room"),
    Location: ("hills", "lodge", "trail"),
    Page: ("lodge", "room", "circle", "hills", "trail"),
}


def _seed_overviews() -> None:
    """The four overview pages with their default words. A migration makes them; a
    database emptied since (a browser test's, between tests) gets them back here."""
    for kind, words in OVERVIEW_DEFAULTS.items():
        Overview.objects.get_or_create(kind=kind, defaults=words)


def _place_blocks() -> None:
    """The insurance block below the detox and residential program pages too."""
    block = Page.objects.filter(slug="block-insurance-we-accept").first()
    if block is None:
        return
    for program in Program.objects.filter(slug__in=["detox", "residential"]):
        if not program.placed_blocks.exists():
            PlacedBlock.objects.create(page=program, block=block, order=0)


# What each painted scene is, for finding it in the library.
SCENE_TAGS = {
    "hills": "landscape",
    "lodge": "campus",
    "room": "rooms",
    "trail": "outdoors",
    "circle": "group therapy",
}


def demo_picture(
    name: str, scene: str, seed: int, size=None, *, title: str, tags: list[str], alt=""
) -> Picture:
    """The library's picture titled `title`: painted, described (by `alt`, or what the
    scene shows) and tagged the first time, found after that, so seeding again paints
    nothing and changes nothing."""
    from website.demo_images import DESCRIPTIONS, SIZE, library_picture, paint

    return library_picture(
        name,
        lambda: paint(scene, seed, size or SIZE),
        title=title,
        alt=alt or DESCRIPTIONS[scene],
        tags=["demo", SCENE_TAGS[scene], *tags],
    )


def _seed_home_picture() -> None:
    """The home page (made by the migrations) gets the lodge at dusk for its hero, and
    the same picture for search engines and shares."""
    home = save_default_home_page()
    hero = HeroSection.objects.filter(parent=home, picture=None).first()
    if hero is None:
        return
    picture = demo_picture(
        "home-hero",
        "lodge",
        3,
        title="The lodge at dusk",
        tags=["hero", "home"],
        alt="The Willow Ridge lodge at dusk, its windows lit, with the Blue Ridge "
        "hills behind",
    )
    hero.eyebrow = "Addiction & dual-diagnosis treatment in Brevard, NC"
    hero.picture = picture
    hero.save()
    home.hero_picture = picture
    home.save()


def _seed_hero_pictures() -> None:
    """A picture for every demo page and overview that has none yet, so every page's
    hero shows the designed layout."""
    seed = 10
    for model, scenes in HERO_SCENES.items():
        for index, page in enumerate(model.objects.filter(hero_picture=None)):
            page.hero_picture = demo_picture(
                page.slug,
                scenes[index % len(scenes)],
                seed,
                (1200, 900),
                title=f"{page.name}: hero",
                tags=["hero"],
            )
            page.save()
            seed += 1
    overview_scenes = {
        "treatment": "lodge",
        "conditions": "trail",
        "audiences": "circle",
    }
    for overview in Overview.objects.filter(hero_picture=None):
        overview.hero_picture = demo_picture(
            overview.kind,
            overview_scenes.get(overview.kind, "hills"),
            seed,
            (1200, 900),
            title=f"{overview.title}: hero",
            tags=["hero", "overview"],
        )
        overview.save()
        seed += 1


# (page model, slug or None for every page of the model, [(scene, caption), ...])
GALLERIES = [
    (
        Page,
        "tour",
        [
            ("lodge", "The main lodge, where every stay begins"),
            ("room", "A private room in the detox wing"),
            ("circle", "The group room, with space for twelve"),
            ("trail", "The walking trail behind the campus"),
            ("hills", "The view from the meditation deck"),
        ],
    ),
    (
        Location,
        None,
        [
            ("hills", "The drive in along the Blue Ridge"),
            ("lodge", "Our campus, where families visit on Sundays"),
            ("trail", "The trail families walk together on visiting days"),
        ],
    ),
]


def _seed_galleries() -> None:
    """Photos for the tour page and every location page that has none yet."""
    seed = 60
    for model, slug, photos in GALLERIES:
        pages = model.objects.filter(slug=slug) if slug else model.objects.all()
        for page in pages:
            if page.photos.exists():
                continue
            for order, (scene, caption) in enumerate(photos):
                picture = demo_picture(
                    f"{page.slug}-{order}",
                    scene,
                    seed,
                    (1200, 900),
                    title=f"{page.name}: {caption}",
                    tags=["gallery"],
                )
                Photo.objects.create(
                    page=page, picture=picture, caption=caption, order=order
                )
                seed += 1


# The media page's videos: (title, YouTube address as staff would paste it, poster scene,
# caption). The embed is a stand-in film, said so in the caption.
MEDIA_VIDEOS = [
    (
        "How to talk to someone you love about their drinking",
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "room",
        "With our lead family therapist, 9 minutes. In this demo the player shows a "
        "stand-in film (Big Buck Bunny, © Blender Foundation, CC BY 3.0).",
    ),
]


def _seed_media_videos() -> None:
    """Videos for the media page when it has none yet; posters painted, no network."""
    page = Page.objects.filter(slug="media-and-videos").first()
    if page is None or page.videos.exists():
        return
    for order, (title, address, scene, caption) in enumerate(MEDIA_VIDEOS):
        poster = demo_picture(
            f"{page.slug}-video-{order}",
            scene,
            80 + order,
            (1280, 720),
            title=f"Video poster: {title}",
            tags=["video poster"],
        )
        video = Video(
            page=page,
            title=title,
            embed_url=address,
            poster_picture=poster,
            caption=caption,
            order=order,
        )
        video.full_clean()
        video.save()


def _correct_cookie_policy() -> None:
    """A demo seeded with an earlier cookie section of the policy gets today's text; a
    policy someone edited is left alone."""
    policy = Page.objects.filter(slug="privacy-policy").first()
    if policy is None:
        return
    current = next(page for page in content.PAGES if page["slug"] == "privacy-policy")
    start = current["body"].index("<h2>Cookies</h2>")
    end = current["body"].index("<h2>Contact</h2>")
    for superseded in content.SUPERSEDED_COOKIE_SECTIONS:
        section = f"<h2>Cookies</h2>\n{superseded}"
        if section in policy.body:
            policy.body = policy.body.replace(
                section, current["body"][start:end].rstrip()
            )
            policy.save()
            return


def _link_menu_items() -> int:
    """Point the menu items still holding a seeded URL at the page now living there."""
    linked = 0
    for model in (Program, Condition, Audience, Location, Page):
        content_type = ContentType.objects.get_for_model(model)
        pages = {page.get_absolute_url(): page for page in model.objects.all()}
        for item in MenuItem.objects.filter(url__in=pages):
            item.object_id = pages[item.url].pk
            item.content_type = content_type
            item.url = ""
            item.save()
            linked += 1
    return linked
