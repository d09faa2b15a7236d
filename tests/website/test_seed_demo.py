import pytest
from django.apps import apps
from django.core.management import call_command

from tests.demo import forget_demo_staff
from website.models import Menu, MenuItem, SiteSettings


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


# The one test that seeds an empty database, on each database the suite runs on (the
# others start from the snapshot that `demo` loads, which the first run's seeding made).
@pytest.mark.django_db
def test_seed_demo_twice_leaves_the_same_rows(capsys):
    call_command("seed_demo")
    first = row_counts()
    call_command("seed_demo")

    assert row_counts() == first


def test_seed_demo_prints_the_admin_password_only_when_it_creates_the_admin(
    demo, capsys
):
    forget_demo_staff()
    call_command("seed_demo")
    first_output = capsys.readouterr().out
    call_command("seed_demo")
    second_output = capsys.readouterr().out

    assert "with password:" in first_output
    assert "with password:" not in second_output
    assert "already exists" in second_output


def test_seed_demo_builds_the_center_and_its_navigation(demo):

    assert SiteSettings.load().phone
    main = Menu.objects.get(slug="main")
    top_level = list(main.items.filter(parent=None).values_list("label", flat=True))
    assert top_level[:5] == ["Home", "Tour", "Treatment", "Reviews", "About"]
    assert "Admissions" in top_level
    treatment = MenuItem.objects.get(menu=main, label="Treatment")
    assert [child.label for child in treatment.children.order_by("order")] == [
        "Detox",
        "Residential",
        "Partial Hospitalization",
        "Intensive Outpatient",
        "Outpatient",
        "Family Program",
        "Aftercare",
    ]
    footer_titles = set(
        Menu.objects.filter(placement=Menu.Placement.FOOTER).values_list(
            "title", flat=True
        )
    )
    assert {
        "Site map",
        "Treatment solutions",
        "Addictions",
        "About",
        "Areas we serve",
        "Who we help",
    } <= footer_titles


def test_seed_demo_does_not_overwrite_what_staff_edited(demo):
    SiteSettings.objects.filter(pk=1).update(phone="(828) 555-0199")
    call_command("seed_demo")

    assert SiteSettings.objects.get().phone == "(828) 555-0199"
