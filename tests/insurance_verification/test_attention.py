import pytest
from django.test import RequestFactory

from insurance_verification.attention import attention
from insurance_verification.models import InsuranceVerification
from tests.admissions.factories import admissions_user, marketing_user

from .helpers import verification

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_admissions_see_new_verifications_waiting():
    verification()
    verification()
    verification(status=InsuranceVerification.Status.COVERAGE_FOUND)

    notices = attention(request_for(admissions_user()))

    assert [notice.title for notice in notices] == [
        "2 new insurance verifications to check"
    ]
    assert notices[0].url.endswith("?status=new")


def test_marketing_sees_nothing_and_nothing_waiting_says_nothing():
    verification()

    assert attention(request_for(marketing_user())) == []
    InsuranceVerification.objects.update(status="checking")
    assert attention(request_for(admissions_user())) == []
