import pytest

from tests.factories import SiteSettingsFactory

PHONE = "(828) 555-0142"


@pytest.fixture
def site_settings(transactional_db):
    return SiteSettingsFactory(phone=PHONE)


def server_environment(collected_static, **overrides) -> dict[str, str]:
    """The production environment, with the form's spam checks relaxed for scripted visitors."""
    from tests.servers import production_environment

    return production_environment(
        STATIC_ROOT=str(collected_static),
        ADMISSIONS_MIN_FILL_SECONDS="0",
        ADMISSIONS_RATE_LIMIT="100000",
        ADMISSIONS_NOTIFY_EMAILS="admissions@example.com",
        **overrides,
    )
