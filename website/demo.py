"""Demo content for the site-wide pieces: the fictional center's details and its menus.

Everything is created only when missing, so running seed_demo again changes nothing and
never overwrites what someone edited in the admin.
"""

import secrets

from django.contrib.auth import get_user_model

from staff_access import demo_sign_ins
from website.models import Menu, MenuItem, NextStep, SiteSettings
from website.models.site_settings import DEFAULT_NEXT_STEPS

CENTER = {
    "name": "Willow Ridge Recovery",
    "tagline": "Addiction treatment in the Blue Ridge Mountains",
    "phone": "(828) 555-0142",
    "admissions_email": "admissions@willowridge.example",
    "street_address": "1450 Laurel Creek Road",
    "locality": "Brevard",
    "region": "NC",
    "postal_code": "28712",
    "hours": "Admissions answers 24 hours a day, 7 days a week",
    "crisis_text": "If you or someone you love is in danger right now, call 911. If you are thinking about suicide, call or text 988.",
    "facebook_url": "https://www.facebook.com/willowridge.example",
    "instagram_url": "https://www.instagram.com/willowridge.example",
}

TREATMENT = [
    ("Detox", "/treatment/detox/"),
    ("Residential", "/treatment/residential/"),
    ("Partial Hospitalization", "/treatment/partial-hospitalization/"),
    ("Intensive Outpatient", "/treatment/intensive-outpatient/"),
    ("Outpatient", "/treatment/outpatient/"),
    ("Family Program", "/treatment/family-program/"),
    ("Aftercare", "/treatment/aftercare/"),
]

# (slug, title, placement, items); an item is (label, url) or (label, url, children).
MENUS = [
    (
        "main",
        "Main menu",
        Menu.Placement.HEADER,
        [
            ("Home", "/"),
            ("Tour", "/tour/"),
            ("Treatment", "/treatment/", TREATMENT),
            ("Reviews", "/reviews/"),
            ("About", "/about/"),
            ("Blog", "/blog/"),
            ("Admissions", "/admissions/"),
        ],
    ),
    (
        "site-map",
        "Site map",
        Menu.Placement.FOOTER,
        [
            ("Home", "/"),
            ("Tour", "/tour/"),
            ("Reviews", "/reviews/"),
            ("Blog", "/blog/"),
            ("Careers", "/careers/"),
        ],
    ),
    ("treatment-solutions", "Treatment solutions", Menu.Placement.FOOTER, TREATMENT),
    (
        "addictions",
        "Addictions",
        Menu.Placement.FOOTER,
        [
            ("Alcohol", "/addictions/alcohol/"),
            ("Opioids", "/addictions/opioids/"),
            ("Heroin", "/addictions/heroin/"),
            ("Benzodiazepines", "/addictions/benzodiazepines/"),
            ("Cocaine", "/addictions/cocaine/"),
            ("Methamphetamine", "/addictions/methamphetamine/"),
            ("Other drugs", "/addictions/other-drugs/"),
        ],
    ),
    (
        "treatment-programs",
        "Treatment programs",
        Menu.Placement.FOOTER,
        [
            ("30-day program", "/treatment/30-day-program/"),
            ("60-day program", "/treatment/60-day-program/"),
            ("90-day program", "/treatment/90-day-program/"),
        ],
    ),
    (
        "who-we-help",
        "Who we help",
        Menu.Placement.FOOTER,
        [
            ("Men", "/who-we-help/men/"),
            ("Women", "/who-we-help/women/"),
            ("Professionals", "/who-we-help/professionals/"),
            ("LGBTQIA+", "/who-we-help/lgbtqia/"),
            ("College students", "/who-we-help/college-students/"),
        ],
    ),
    (
        "areas-we-serve",
        "Areas we serve",
        Menu.Placement.FOOTER,
        [
            ("Asheville, NC", "/areas-we-serve/asheville-nc/"),
            ("Greenville, SC", "/areas-we-serve/greenville-sc/"),
            ("Charlotte, NC", "/areas-we-serve/charlotte-nc/"),
            ("Knoxville, TN", "/areas-we-serve/knoxville-tn/"),
        ],
    ),
    (
        "about",
        "About",
        Menu.Placement.FOOTER,
        [
            ("About us", "/about/"),
            ("Tour the campus", "/tour/"),
            ("Media and videos", "/media-and-videos/"),
            ("Privacy policy", "/privacy-policy/"),
            ("Admissions", "/admissions/"),
        ],
    ),
]


# Issue 16: directions, a text-capable number and the state license.
PLACE_AND_LICENSE = {
    "text_phone": "(828) 555-0199",
    "latitude": "35.233412",
    "longitude": "-82.727683",
    "license_number": "MHL-088-0412",
    "license_authority": "the North Carolina Department of Health and Human Services",
}


def seed(stdout) -> None:
    SiteSettings.objects.get_or_create(pk=1, defaults=CENTER)
    _seed_place_and_license()
    for order, (slug, title, placement, items) in enumerate(MENUS):
        menu, _ = Menu.objects.get_or_create(
            slug=slug, defaults={"title": title, "placement": placement, "order": order}
        )
        _seed_items(menu, items, parent=None)
    _seed_team_menu_item()
    _seed_site_words()
    _seed_admin(stdout)


FOOTER_DESCRIPTION = (
    "Willow Ridge Recovery is a licensed addiction and dual-diagnosis treatment center in "
    "Brevard, North Carolina, offering medical detox, residential care and outpatient "
    "programs for adults and their families."
)


def _seed_site_words() -> None:
    """The center's one-sentence description and the steps after an inquiry."""
    site = SiteSettings.objects.get(pk=1)
    if not site.footer_description:
        site.footer_description = FOOTER_DESCRIPTION
        site.save(update_fields=["footer_description"])
    if not site.next_steps.exists():
        NextStep.objects.bulk_create(
            NextStep(site=site, title=title, text=text, order=order)
            for order, (title, text) in enumerate(DEFAULT_NEXT_STEPS)
        )


def _seed_items(menu: Menu, items, parent: MenuItem | None) -> None:
    for order, (label, url, *children) in enumerate(items):
        item, _ = MenuItem.objects.get_or_create(
            menu=menu, parent=parent, label=label, defaults={"url": url, "order": order}
        )
        if children:
            _seed_items(menu, children[0], parent=item)


def _seed_admin(stdout) -> None:
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        stdout.write(
            "Demo administrator 'admin' already exists (its password was printed when it was created; "
            "reset it with: python manage.py changepassword admin)."
        )
        return
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser("admin", "admin@willowridge.example", password)
    demo_sign_ins.remember("admin", "administrator", password)
    stdout.write(
        f"Demo administrator created. Sign in at /admin/ as 'admin' with password: {password}"
    )


def _seed_place_and_license() -> None:
    """Fill the directions, texting and license fields once, while all of them are empty."""
    site = SiteSettings.objects.get(pk=1)
    if any(getattr(site, field) not in ("", None) for field in PLACE_AND_LICENSE):
        return
    for field, value in PLACE_AND_LICENSE.items():
        setattr(site, field, value)
    site.save()


def _seed_team_menu_item() -> None:
    menu = Menu.objects.filter(slug="about").first()
    if menu is None or menu.items.filter(label="Our team").exists():
        return
    MenuItem.objects.create(menu=menu, label="Our team", url="/our-team/", order=1)
