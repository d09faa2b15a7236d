"""Migration programs 0010 (issue 26 item 2): a database holding today's home page and site
pages migrates to composed pages with every word and picture kept, compared field by
field, and migrates back to the same words."""

import pytest

from tests.migrations import migrate

BEFORE = [("programs", "0009_page_sections"), ("website", "0001_initial")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("programs", "0010_page_content_into_sections")]

HOME = {
    "hero_eyebrow": "Dual-diagnosis care",
    "hero_headline": "Help is one call away.",
    "hero_lede": "Doctors, nurses and counselors, around the clock.",
    "hero_admission_label": "Begin admission",
    "hero_image": "home/lodge.jpg",
    "hero_image_alt": "The lodge at dusk",
    "steps_heading": "Three steps",
    "programs_heading": "Our care",
    "programs_intro": "From detox to aftercare.",
    "programs_link_label": "Every program",
    "conditions_heading": "What we treat",
    "conditions_intro": "Each substance, its own care.",
    "conditions_link_label": "Every addiction",
    "audiences_heading": "People we serve",
    "audiences_intro": "Groups that share your life.",
    "audiences_link_label": "Everyone",
    "testimonials_heading": "Their words",
    "articles_heading": "Reading",
}


@pytest.fixture
def old_apps(old_schema):
    # The tests fill the old tables themselves.
    old_schema.get_model("programs", "Page").objects.filter(is_home=True).delete()
    old_schema.get_model("website", "HomePage").objects.all().delete()
    return old_schema


def fill_old_site(apps):
    SiteSettings = apps.get_model("website", "SiteSettings")
    SiteSettings.objects.update_or_create(
        pk=1, defaults={"name": "Test Center", "locality": "Brevard", "region": "NC"}
    )
    home = apps.get_model("website", "HomePage").objects.create(pk=1, **HOME)
    home.promises.create(text="Free assessment", order=0)
    home.promises.create(text="Insurance accepted", order=1)
    home.steps.create(title="Call us", text="We listen.", order=0)
    home.steps.create(title="Come in", text="We arrange it.", order=1)
    OldPage = apps.get_model("programs", "Page")
    about = OldPage.objects.create(
        name="About",
        slug="about",
        body="<p>Our story.</p>",
        status="published",
        show_center_details=True,
        show_testimonials=True,
    )
    team = OldPage.objects.create(
        name="Team", slug="team", body="<p>People.</p>", show_team=True
    )
    tour = OldPage.objects.create(name="Tour", slug="tour", body="<p>Walk.</p>")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type, _ = ContentType.objects.get_or_create(app_label="programs", model="page")
    apps.get_model("programs", "Photo").objects.create(
        content_type=page_type,
        object_id=tour.pk,
        image="galleries/room.jpg",
        alt="A room",
        caption="The room",
    )
    apps.get_model("programs", "Video").objects.create(
        page=tour, title="A walk", embed_url="https://www.youtube-nocookie.com/embed/x"
    )
    return about, team, tour


def sections(apps, page_id) -> list[tuple[str, dict]]:
    found = []
    for name in (
        "HeroSection",
        "ListSection",
        "CardsSection",
        "TestimonialsSection",
        "ArticlesSection",
        "GallerySection",
        "VideosSection",
        "TeamSection",
        "CenterDetailsSection",
        "AccreditationsSection",
    ):
        model = apps.get_model("programs", name)
        for row in model.objects.filter(parent_id=page_id).values():
            row.pop("id")
            row.pop("parent_id")
            row.pop("region")
            found.append((row.pop("ordering"), name, row))
    return [(name, row) for _, name, row in sorted(found, key=lambda item: item[0])]


def test_the_home_page_becomes_a_composed_page_with_every_word_and_picture(old_apps):
    fill_old_site(old_apps)

    apps = migrate(AFTER)

    home = apps.get_model("programs", "Page").objects.get(is_home=True)
    assert (home.name, home.status, home.summary) == (
        "Home",
        "published",
        HOME["hero_lede"],
    )
    assert (str(home.hero_image), home.hero_image_alt) == (
        "home/lodge.jpg",
        "The lodge at dusk",
    )
    found = sections(apps, home.pk)
    assert [name for name, _ in found] == [
        "HeroSection",
        "ListSection",
        "ListSection",
        "CardsSection",
        "CardsSection",
        "CardsSection",
        "TestimonialsSection",
        "ArticlesSection",
    ]
    hero = found[0][1]
    assert hero["eyebrow"] == "Dual-diagnosis care in Brevard, NC"
    assert hero["headline"] == HOME["hero_headline"]
    assert hero["introduction"] == HOME["hero_lede"]
    assert hero["admission_label"] == HOME["hero_admission_label"]
    assert (hero["image"], hero["image_alt"]) == ("home/lodge.jpg", "The lodge at dusk")
    assert (hero["first_action"], hero["second_action"]) == ("call", "admissions")
    promises, steps = found[1][1], found[2][1]
    assert (promises["style"], promises["items"]) == (
        "promises",
        "Free assessment\nInsurance accepted",
    )
    assert (steps["style"], steps["heading"], steps["items"]) == (
        "steps",
        "Three steps",
        "Call us: We listen.\nCome in: We arrange it.",
    )
    for (_, cards), kind in zip(
        found[3:6], ("programs", "conditions", "audiences"), strict=True
    ):
        assert cards["kind"] == kind
        assert cards["which"] == "featured"
        assert cards["heading"] == HOME[f"{kind}_heading"]
        assert cards["introduction"] == HOME[f"{kind}_intro"]
        assert cards["link_label"] == HOME[f"{kind}_link_label"]
    assert found[6][1]["heading"] == "Their words"
    assert found[6][1]["featured_only"] is True
    assert found[7][1]["heading"] == "Reading"


def test_each_pages_checkboxes_and_lists_become_its_sections_in_order(old_apps):
    about, team, tour = fill_old_site(old_apps)

    apps = migrate(AFTER)

    assert [name for name, _ in sections(apps, about.pk)] == [
        "CenterDetailsSection",
        "AccreditationsSection",
        "TestimonialsSection",
    ]
    assert [name for name, _ in sections(apps, team.pk)] == ["TeamSection"]
    assert [name for name, _ in sections(apps, tour.pk)] == [
        "GallerySection",
        "VideosSection",
    ]
    # The page's own words and lists stay where they were.
    NewPage = apps.get_model("programs", "Page")
    assert NewPage.objects.get(pk=tour.pk).body == "<p>Walk.</p>"
    photo = apps.get_model("programs", "Photo").objects.get()
    assert (photo.object_id, photo.alt, photo.caption) == (
        tour.pk,
        "A room",
        "The room",
    )


def test_migrating_back_gives_the_home_page_and_the_checkboxes_back(old_apps):
    about, team, _ = fill_old_site(old_apps)
    migrate(AFTER)

    apps = migrate(BEFORE)

    home = apps.get_model("website", "HomePage").objects.get()
    assert home.hero_headline == HOME["hero_headline"]
    assert home.programs_heading == HOME["programs_heading"]
    assert list(home.promises.values_list("text", flat=True)) == [
        "Free assessment",
        "Insurance accepted",
    ]
    assert list(home.steps.values_list("title", "text")) == [
        ("Call us", "We listen."),
        ("Come in", "We arrange it."),
    ]
    OldPage = apps.get_model("programs", "Page")
    assert OldPage.objects.filter(is_home=True).count() == 0
    about = OldPage.objects.get(pk=about.pk)
    assert (about.show_center_details, about.show_testimonials, about.show_team) == (
        True,
        True,
        False,
    )
    assert OldPage.objects.get(pk=team.pk).show_team
