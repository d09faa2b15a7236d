"""Demo accreditations for the fictional center, dated around the day the demo is seeded:
one is due for renewal within 60 days, so the dashboard's warning shows in the demo.
Text badges only: a real center chooses the seals its accrediting bodies let it use from
the picture library."""

import datetime

from django.utils import timezone

from .models import Accreditation

# (body, name, kind, number, days since issue, days until expiry, badge text, verification page)
ACCREDITATIONS = [
    (
        "The Joint Commission",
        "Behavioral Health Care and Human Services accreditation",
        Accreditation.Kind.ACCREDITATION,
        "HCO 612345",
        400,
        695,
        "Joint Commission Accredited",
        "https://www.qualitycheck.org/",
    ),
    (
        "LegitScript",
        "Addiction treatment provider certification",
        Accreditation.Kind.CERTIFICATION,
        "LS-38291044",
        320,
        45,
        "LegitScript Certified",
        "https://www.legitscript.com/websites/",
    ),
    (
        "North Carolina DHHS",
        "Licensed facility: residential and outpatient substance use treatment",
        Accreditation.Kind.LICENSE,
        "MHL-088-0412",
        200,
        165,
        "NC Licensed Facility",
        "https://info.ncdhhs.gov/dhsr/reports.htm",
    ),
]


def seed(stdout) -> None:
    if Accreditation.objects.exists():
        return
    today = timezone.localdate()
    for order, (body, name, kind, number, since, until, badge, url) in enumerate(
        ACCREDITATIONS
    ):
        Accreditation.objects.create(
            body=body,
            name=name,
            kind=kind,
            number=number,
            issued_on=today - datetime.timedelta(days=since),
            expires_on=today + datetime.timedelta(days=until),
            badge_text=badge,
            verification_url=url,
            order=order * 10,
        )
    stdout.write(f"Accreditations: added {len(ACCREDITATIONS)} demo entries.")
