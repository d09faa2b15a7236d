import datetime

import factory

from accreditations.models import Accreditation


class AccreditationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accreditation

    body = factory.Sequence(lambda n: f"Accrediting Body {n}")
    name = "Behavioral Health Care accreditation"
    kind = Accreditation.Kind.ACCREDITATION
    number = factory.Sequence(lambda n: f"HCO-{n:05d}")
    issued_on = datetime.date(2025, 1, 15)
    expires_on = datetime.date(2027, 1, 14)
    badge_text = "Accredited"
    verification_url = "https://www.qualitycheck.org/"
