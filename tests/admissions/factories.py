import factory
from django.contrib.auth.models import Group

from admissions.models import Inquiry
from staff_access.roles import ADMISSIONS, MARKETING
from tests.factories import StaffFactory


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    name = factory.Sequence(lambda n: f"Visitor {n}")
    phone = factory.Sequence(lambda n: f"+1828555{n % 10000:04d}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    for_whom = Inquiry.ForWhom.SELF
    message = "I would like to know more about detox."


def _staff_in(group_name: str, **kwargs):
    user = StaffFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def admissions_user(**kwargs):
    return _staff_in(ADMISSIONS, **kwargs)


def marketing_user(**kwargs):
    return _staff_in(MARKETING, **kwargs)
