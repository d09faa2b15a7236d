"""Migration programs 0007: insurers saved without a line get one marketing can edit,
saying whether the center takes the plan."""

import pytest

from tests.migrations import migrate

BEFORE = [("programs", "0006_page_videos")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("programs", "0007_every_insurer_has_a_line")]


def test_insurers_without_a_line_get_one_and_written_lines_stay(old_schema):
    Insurer = old_schema.get_model("programs", "Insurer")
    Insurer.objects.create(name="Zephyr Health", slug="zephyr", summary="")
    Insurer.objects.create(name="Medicaid", slug="medicaid", is_accepted=False)
    Insurer.objects.create(name="Acme Mutual", slug="acme", summary="  \n ")
    Insurer.objects.create(name="Cigna", slug="cigna", summary="Our own words.")

    lines = dict(
        migrate(AFTER)
        .get_model("programs", "Insurer")
        .objects.values_list("name", "summary")
    )

    assert lines["Zephyr Health"].startswith("We are in network with Zephyr Health.")
    assert lines["Acme Mutual"].startswith("We are in network with Acme Mutual.")
    assert lines["Medicaid"].startswith("We are not in network with Medicaid.")
    assert lines["Cigna"] == "Our own words."
