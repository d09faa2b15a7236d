"""Site pages become composed pages, with nothing lost:

- a page's checkboxes and lists become sections, in the order the page showed them: its
  gallery, its videos, the team, the center's details with its accreditations, the
  testimonials;
- the home page (website.HomePage, its promises and steps, or the words it showed before
  anyone edited it) becomes the site page marked as the home page: its hero, promises,
  steps and the headings of its four lists become its sections.

Going back ticks the boxes again from the sections, and puts the home page's words back.
"""

import datetime

from django.db import migrations

# (section model, heading) in the order the page showed each part.
GALLERY = ("GallerySection", "")
VIDEOS = ("VideosSection", "")
TEAM = ("TeamSection", "")
DETAILS = ("CenterDetailsSection", "Visit or call")
ACCREDITATIONS = ("AccreditationsSection", "Accreditations and licenses")
TESTIMONIALS = ("TestimonialsSection", "What people say")

# What the home page showed before anyone saved it (website/models/home_page.py as it
# was), for a site whose home page row was never written.
HOME_DEFAULTS = {
    "hero_eyebrow": "Addiction & dual-diagnosis treatment",
    "hero_headline": "Recovery starts with one honest conversation.",
    "hero_lede": (
        "Medically supervised detox, residential care and outpatient programs, with a "
        "team that treats you like a person, not a case number. Call any time; someone "
        "will answer."
    ),
    "hero_admission_label": "Start your admission",
    "hero_image": "",
    "hero_image_alt": "",
    "steps_heading": "Getting help takes three steps",
    "programs_heading": "Levels of care",
    "programs_intro": "Treatment that steps down with you, from medical detox to life in recovery.",
    "programs_link_label": "All treatment programs",
    "conditions_heading": "Addictions we treat",
    "conditions_intro": "Each substance needs its own care, from a safe withdrawal to treatment for what drove the use.",
    "conditions_link_label": "Every addiction we treat",
    "audiences_heading": "Who we help",
    "audiences_intro": "Groups for people who share your circumstances, within every program.",
    "audiences_link_label": "Everyone we help",
    "testimonials_heading": "In their words",
    "articles_heading": "From our blog",
}
DEFAULT_PROMISES = [
    "Free, confidential assessment",
    "Most major insurance accepted",
    "Same-day admission when beds are open",
]
DEFAULT_STEPS = [
    (
        "Call or write to us",
        "Tell us what is happening, in your own words. Calls are private and there is no obligation.",
    ),
    (
        "Get an assessment",
        "A clinician helps you choose the right level of care and we verify your insurance benefits.",
    ),
    (
        "Begin treatment",
        "We arrange your arrival, often within a day, and your family knows what to expect.",
    ),
]
HOME_SLUG = "home"
# The home page has always been live: a time before any a site could be moved back to.
ALWAYS = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def sections_from_checkboxes(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    Photo = apps.get_model("programs", "Photo")
    Video = apps.get_model("programs", "Video")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="programs", model="page").first()
    with_photos = set(
        Photo.objects.filter(content_type=page_type).values_list("object_id", flat=True)
        if page_type
        else ()
    )
    with_videos = set(Video.objects.values_list("page_id", flat=True))
    for page in Page.objects.all():
        wanted = []
        if page.pk in with_photos:
            wanted.append(GALLERY)
        if page.pk in with_videos:
            wanted.append(VIDEOS)
        if page.show_team:
            wanted.append(TEAM)
        if page.show_center_details:
            wanted += [DETAILS, ACCREDITATIONS]
        if page.show_testimonials:
            wanted.append(TESTIMONIALS)
        for position, (model_name, heading) in enumerate(wanted, start=1):
            apps.get_model("programs", model_name).objects.create(
                parent=page,
                region="sections",
                ordering=position * 10,
                heading=heading,
                **({"limit": 1000} if model_name == "TestimonialsSection" else {}),
            )


def eyebrow_with_town(eyebrow: str, site) -> str:
    """The eyebrow as the home page showed it: the center's town after it."""
    if not eyebrow or site is None or not site.locality:
        return eyebrow
    town = f"{site.locality}, {site.region}" if site.region else site.locality
    return f"{eyebrow} in {town}"


def home_page_into_sections(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    HomePage = apps.get_model("website", "HomePage")
    SiteSettings = apps.get_model("website", "SiteSettings")
    if Page.objects.filter(is_home=True).exists():
        return
    home = HomePage.objects.filter(pk=1).first()
    words = (
        {name: getattr(home, name) for name in HOME_DEFAULTS}
        if home
        else dict(HOME_DEFAULTS)
    )
    promises = (
        list(home.promises.order_by("order", "pk").values_list("text", flat=True))
        if home
        else DEFAULT_PROMISES
    )
    steps = (
        list(home.steps.order_by("order", "pk").values_list("title", "text"))
        if home
        else DEFAULT_STEPS
    )
    site = SiteSettings.objects.filter(pk=1).first()
    slug = HOME_SLUG
    while Page.objects.filter(slug=slug).exists():
        slug = f"{slug}-page"
    page = Page.objects.create(
        name="Home",
        slug=slug,
        summary=words["hero_lede"],
        hero_image=words["hero_image"],
        hero_image_alt=words["hero_image_alt"],
        status="published",
        publish_at=ALWAYS,
        is_home=True,
        order=0,
    )
    sections = [
        (
            "HeroSection",
            {
                "eyebrow": eyebrow_with_town(words["hero_eyebrow"], site),
                "headline": words["hero_headline"],
                "introduction": words["hero_lede"],
                "image": words["hero_image"],
                "image_alt": words["hero_image_alt"],
                "first_action": "call",
                "second_action": "admissions",
                "admission_label": words["hero_admission_label"],
            },
        )
    ]
    if promises:
        sections.append(
            ("ListSection", {"style": "promises", "items": "\n".join(promises)})
        )
    if steps:
        sections.append(
            (
                "ListSection",
                {
                    "heading": words["steps_heading"],
                    "style": "steps",
                    "items": "\n".join(f"{title}: {text}" for title, text in steps),
                },
            )
        )
    for kind in ("programs", "conditions", "audiences"):
        sections.append(
            (
                "CardsSection",
                {
                    "heading": words[f"{kind}_heading"],
                    "introduction": words[f"{kind}_intro"],
                    "link_label": words[f"{kind}_link_label"],
                    "kind": kind,
                    "which": "featured",
                },
            )
        )
    sections += [
        (
            "TestimonialsSection",
            {
                "heading": words["testimonials_heading"],
                "featured_only": True,
                "limit": 3,
            },
        ),
        ("ArticlesSection", {"heading": words["articles_heading"], "limit": 3}),
    ]
    for position, (model_name, fields) in enumerate(sections, start=1):
        apps.get_model("programs", model_name).objects.create(
            parent=page, region="sections", ordering=position * 10, **fields
        )


def forwards(apps, schema_editor):
    sections_from_checkboxes(apps, schema_editor)
    home_page_into_sections(apps, schema_editor)


def checkboxes_from_sections(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    for field, model_name in (
        ("show_team", "TeamSection"),
        ("show_center_details", "CenterDetailsSection"),
        ("show_testimonials", "TestimonialsSection"),
    ):
        section = apps.get_model("programs", model_name)
        Page.objects.filter(
            is_home=False,
            pk__in=section.objects.values_list("parent_id", flat=True),
        ).update(**{field: True})


def home_page_from_sections(apps, schema_editor):
    """The home page row from the home page's sections, as far as they say it."""
    Page = apps.get_model("programs", "Page")
    HomePage = apps.get_model("website", "HomePage")
    page = Page.objects.filter(is_home=True).first()
    if page is None:
        return
    home, _ = HomePage.objects.get_or_create(pk=1)
    hero = apps.get_model("programs", "HeroSection").objects.filter(parent=page).first()
    if hero:
        home.hero_eyebrow = hero.eyebrow
        home.hero_headline = hero.headline
        home.hero_lede = hero.introduction
        home.hero_image = hero.image
        home.hero_image_alt = hero.image_alt
        home.hero_admission_label = hero.admission_label or home.hero_admission_label
    lists = apps.get_model("programs", "ListSection").objects.filter(parent=page)
    home.promises.all().delete()
    home.steps.all().delete()
    for section in lists:
        for order, line in enumerate(section.items.splitlines()):
            if section.style == "promises":
                home.promises.create(text=line[:80], order=order)
            elif section.style == "steps":
                title, _, text = line.partition(":")
                home.steps.create(title=title.strip(), text=text.strip(), order=order)
                home.steps_heading = section.heading
    for section in apps.get_model("programs", "CardsSection").objects.filter(
        parent=page
    ):
        setattr(home, f"{section.kind}_heading", section.heading)
        setattr(home, f"{section.kind}_intro", section.introduction)
        setattr(home, f"{section.kind}_link_label", section.link_label)
    home.save()
    page.delete()


def backwards(apps, schema_editor):
    home_page_from_sections(apps, schema_editor)
    checkboxes_from_sections(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("website", "0001_initial"),
        ("programs", "0009_page_sections"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
