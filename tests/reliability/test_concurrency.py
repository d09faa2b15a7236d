"""Many visitors at once against gunicorn and PostgreSQL: every inquiry stored exactly once."""

from concurrent.futures import ThreadPoolExecutor

from admissions.models import Inquiry
from tests.reliability.conftest import server_environment
from tests.reliability.visitors import Visitor, inquiry_fields, is_thank_you
from tests.servers import SHARES_THE_TEST_DATABASE, gunicorn

CLIENTS = 20
SUBMISSIONS = 500
REPEATED = 50

pytestmark = SHARES_THE_TEST_DATABASE


def test_concurrent_submissions_are_all_stored_once(site_settings, collected_static):
    def submit(number: int) -> int:
        answer = Visitor(base_url).submit_inquiry(inquiry_fields(number))
        assert is_thank_you(answer), (answer.status, answer.url)
        return answer.status

    with (
        gunicorn(server_environment(collected_static), workers=3) as base_url,
        ThreadPoolExecutor(CLIENTS) as pool,
    ):
        statuses = list(pool.map(submit, range(SUBMISSIONS)))

    print(
        f"\n{SUBMISSIONS} inquiries sent by {CLIENTS} clients; {Inquiry.objects.count()} stored"
    )
    assert statuses == [200] * SUBMISSIONS
    assert Inquiry.objects.count() == SUBMISSIONS
    assert Inquiry.objects.values("email").distinct().count() == SUBMISSIONS


def test_each_submission_sent_twice_at_once_is_stored_once(
    site_settings, collected_static
):
    def submit_twice(number: int) -> list[int]:
        visitor = Visitor(base_url)
        hidden = visitor.fetch_form()
        fields = inquiry_fields(number)
        with ThreadPoolExecutor(2) as double_click:
            answers = list(
                double_click.map(
                    lambda _: visitor.submit_inquiry(fields, hidden), range(2)
                )
            )
        assert all(is_thank_you(answer) for answer in answers), answers
        return [answer.status for answer in answers]

    with (
        gunicorn(server_environment(collected_static), workers=3) as base_url,
        ThreadPoolExecutor(CLIENTS // 2) as pool,
    ):
        statuses = [s for pair in pool.map(submit_twice, range(REPEATED)) for s in pair]

    assert statuses == [200] * (2 * REPEATED)
    assert Inquiry.objects.count() == REPEATED
    assert Inquiry.objects.values("email").distinct().count() == REPEATED
