"""Demo inquiries in different states, and one staff user in each role.

Created only when missing; the users' passwords are printed once, when they are created.
Ages are relative to the first seeding: the urgent inquiry has waited past its target, and
its escalation is recorded as sent at that target, as a running worker would have sent it,
so a new demo does not start by emailing staff about itself.
"""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from programs.models import Insurer, Program
from staff_access import demo_sign_ins
from staff_access.roles import ADMISSIONS, MARKETING, sync_roles

from .models import Inquiry, InquiryNote
from .notifications import schedule_escalation

USERS = [
    ("admissions", "Dana", "Reyes", ADMISSIONS),
    ("marketing", "Sam", "Okafor", MARKETING),
]

# (reference, hours ago, status, fields)
INQUIRIES = [
    (
        "DEMNEW22",
        50 / 60,
        Inquiry.Status.NEW,
        {
            "name": "Jordan P.",
            "phone": "+18285550187",
            "contact_method": Inquiry.ContactMethod.PHONE,
            "contact_time": Inquiry.ContactTime.EVENING,
            "for_whom": Inquiry.ForWhom.SELF,
            "substances": ["Alcohol"],
            "program": "detox",
            "insurance": "Blue Cross Blue Shield",
            "message": "I have been drinking every day for two years and want to stop safely.",
            "landing_page": "/addictions/alcohol/",
            "form_page": "/admissions/",
            "referrer_host": "www.google.com",
        },
    ),
    (
        "DEMURG33",
        35 / 60,
        Inquiry.Status.NEW,
        {
            "name": "Maria L.",
            "phone": "+18645550123",
            "email": "maria.l@example.com",
            "contact_method": Inquiry.ContactMethod.TEXT,
            "for_whom": Inquiry.ForWhom.LOVED_ONE,
            "substances": ["Opioids", "Heroin"],
            "program": "residential",
            "insurance": "Medicaid",
            "message": "My son overdosed last month. He says he is ready for treatment now.",
            "is_urgent": True,
            "landing_page": "/blog/",
            "form_page": "/treatment/residential/",
            "utm_source": "newsletter",
            "utm_medium": "email",
            "utm_campaign": "spring-family",
        },
    ),
    (
        "DEMCON44",
        30,
        Inquiry.Status.CONTACTED,
        {
            "name": "Chris T.",
            "email": "chris.t@example.com",
            "contact_method": Inquiry.ContactMethod.EMAIL,
            "for_whom": Inquiry.ForWhom.SELF,
            "substances": ["Benzodiazepines"],
            "program": "intensive-outpatient",
            "insurance": Inquiry.InsuranceAnswer.UNSURE.label,
            "message": "I work full time. Is there an evening program?",
            "landing_page": "/treatment/intensive-outpatient/",
            "form_page": "/admissions/",
            "referrer_host": "www.bing.com",
        },
    ),
    (
        "DEMASM55",
        72,
        Inquiry.Status.ASSESSMENT_SCHEDULED,
        {
            "name": "Pat W.",
            "phone": "+17045550166",
            "contact_method": Inquiry.ContactMethod.PHONE,
            "for_whom": Inquiry.ForWhom.LOVED_ONE,
            "substances": ["Methamphetamine"],
            "program": "partial-hospitalization",
            "insurance": "Aetna",
            "landing_page": "/",
            "form_page": "/admissions/",
        },
    ),
    (
        "DEMCLS66",
        24 * 20,
        Inquiry.Status.CLOSED,
        {
            "name": "Alex R.",
            "phone": "+18655550111",
            "for_whom": Inquiry.ForWhom.SELF,
            "insurance": Inquiry.InsuranceAnswer.NONE.label,
            "message": "Just wanted to know your prices.",
            "landing_page": "/",
            "form_page": "/admissions/",
        },
    ),
    (
        "DEMSPM77",
        24 * 3,
        Inquiry.Status.SPAM,
        {
            "name": "Cheap SEO services",
            "email": "seo@spam.example",
            "for_whom": Inquiry.ForWhom.SELF,
            "message": "We can get your site to page one of Google!",
            "landing_page": "/admissions/",
            "form_page": "/admissions/",
        },
    ),
]


# How long the demo's worked inquiries waited for their first call, for the report.
FIRST_CONTACT_MINUTES = {"DEMCON44": 12, "DEMASM55": 48, "DEMCLS66": 25}


def seed(stdout) -> None:
    sync_roles()
    users = {
        username: _seed_user(stdout, *rest, username=username)
        for username, *rest in USERS
    }
    programs = {program.slug: program for program in Program.objects.all()}
    insurers = {insurer.name: insurer for insurer in Insurer.objects.all()}
    now = timezone.now()
    for reference, hours_ago, status, fields in INQUIRIES:
        fields = dict(fields)
        program = programs.get(fields.pop("program", ""))
        received_at = now - timedelta(hours=hours_ago)
        inquiry, created = Inquiry.objects.get_or_create(
            reference=reference,
            defaults={
                **fields,
                "status": status,
                "program": program,
                "program_label": program.name if program else "",
                "insurer": insurers.get(fields.get("insurance", "")),
                "received_at": received_at,
                "consented_at": received_at,
                "notified_at": received_at,
                "assigned_to": users["admissions"]
                if status != Inquiry.Status.NEW
                else None,
            },
        )
        if not created:
            continue
        if status == Inquiry.Status.NEW:
            deadline = inquiry.escalation_deadline
            if deadline <= now:
                Inquiry.objects.filter(pk=inquiry.pk).update(escalated_at=deadline)
            else:
                schedule_escalation(inquiry)
        elif status != Inquiry.Status.SPAM:
            called_at = received_at + timedelta(
                minutes=FIRST_CONTACT_MINUTES[reference]
            )
            InquiryNote.objects.create(
                inquiry=inquiry,
                author=users["admissions"],
                kind=InquiryNote.Kind.SPOKE,
                body="Called back; talked through levels of care and verified benefits.",
                created_at=called_at,
            )
            Inquiry.objects.filter(pk=inquiry.pk).update(
                first_attempt_at=called_at,
                first_attempt_by=users["admissions"],
                reached_at=called_at,
                reached_by=users["admissions"],
            )


def _seed_user(stdout, first_name, last_name, group_name, *, username):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        stdout.write(
            f"Demo user '{username}' already exists (reset its password with: "
            f"python manage.py changepassword {username})."
        )
        return user
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username,
        f"{username}@willowridge.example",
        password,
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=group_name))
    demo_sign_ins.remember(username, group_name.lower(), password)
    stdout.write(
        f"Demo {group_name.lower()} user created. Sign in at /admin/ as '{username}' with password: {password}"
    )
    return user
