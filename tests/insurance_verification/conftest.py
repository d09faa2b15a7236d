# The admissions tests' settings and signed-in clients: verifications are worked by the
# same staff, told by the same emails.
from tests.admissions.conftest import (  # noqa: F401
    admissions_client,
    admissions_settings,
    marketing_client,
)
