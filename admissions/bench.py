"""Admissions' volume for the benchmark (website/bench.py): inquiries, inserted in
bulk."""

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from programs.models import Program
from staff_access.roles import ADMISSIONS
from website.bench import FIRST_NAMES, SENTENCES, Volume

from .cases import new_reference
from .models import Inquiry

BATCH = 2000
# As at a working center: inquiries of the last two weeks are still open, the rest were
# worked and closed (admitted, referred on, closed after the attempts, or spam), so the
# queue holds a few hundred of the 100,000 and the closed views the rest.
OPEN_DAYS = 14
Status = Inquiry.Status
OPEN_MIX = {Status.NEW: 5, Status.CONTACTED: 3, Status.ASSESSMENT_SCHEDULED: 2}
CLOSED_MIX = {Status.ADMITTED: 2, Status.REFERRED: 2, Status.CLOSED: 5, Status.SPAM: 1}
# The counselors who make the attempts and reach the people: a center's admissions team.
COUNSELORS = 6


def counselors() -> list[int]:
    """The ids of the bench's admissions team: COUNSELORS accounts without a password."""
    team = Group.objects.get(name=ADMISSIONS)
    ids = []
    for number in range(1, COUNSELORS + 1):
        user, created = get_user_model().objects.get_or_create(
            username=f"bench-counselor-{number}",
            defaults={"is_staff": True, "first_name": f"Counselor {number}"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(team)
        ids.append(user.pk)
    return ids


def worked(received, age: timedelta, rng: random.Random, team: list[int]) -> dict:
    """The status and moments of an inquiry received `age` ago, worked by `team`."""
    mix = OPEN_MIX if age < timedelta(days=OPEN_DAYS) else CLOSED_MIX
    status = rng.choices(list(mix), weights=list(mix.values()))[0]
    fields = {"status": status, "is_urgent": rng.random() < 0.05}
    if status == Status.SPAM:
        fields["closed_at"] = received + timedelta(hours=rng.uniform(1, 48))
        return fields
    if status != Status.NEW:
        fields["first_attempt_at"] = received + timedelta(minutes=rng.uniform(5, 180))
        fields["first_attempt_by_id"] = rng.choice(team)
    if status in (Status.ASSESSMENT_SCHEDULED, Status.ADMITTED, Status.REFERRED) or (
        status == Status.CLOSED and rng.random() < 0.5
    ):
        fields["reached_at"] = fields["first_attempt_at"] + timedelta(
            hours=rng.uniform(0, 24)
        )
        # Mostly the counselor who called first; now and then a colleague.
        fields["reached_by_id"] = (
            fields["first_attempt_by_id"] if rng.random() < 0.7 else rng.choice(team)
        )
    if status in Inquiry.CLOSED_STATUSES:
        fields["closed_at"] = received + timedelta(days=rng.uniform(1, OPEN_DAYS))
    return fields


def top_up_inquiries(target: int, rng: random.Random, say) -> int:
    missing = target - Inquiry.objects.count()
    if missing <= 0:
        return 0
    programs = list(Program.objects.values_list("pk", "name"))
    team = counselors()
    now = timezone.now()
    done = 0
    while done < missing:
        size = min(BATCH, missing - done)
        rows = []
        for _ in range(size):
            program = rng.choice(programs) if programs and rng.random() < 0.6 else None
            age = timedelta(days=rng.uniform(0, 2 * 365))
            received = now - age
            name = rng.choice(FIRST_NAMES)
            rows.append(
                Inquiry(
                    reference=new_reference(),
                    submission_token=uuid.uuid4(),
                    received_at=received,
                    name=name,
                    phone=f"+1828555{rng.randint(0, 9999):04d}",
                    email=f"{name.lower()}{rng.randint(1, 99999)}@example.com",
                    for_whom=rng.choice(Inquiry.ForWhom.values),
                    program_id=program[0] if program else None,
                    program_label=program[1] if program else "",
                    message=" ".join(rng.sample(SENTENCES, 2)),
                    consented_at=received,
                    notified_at=received,
                    form_page="/admissions/",
                    **worked(received, age, rng, team),
                )
            )
        Inquiry.objects.bulk_create(rows)
        done += size
    return done


VOLUME = Volume(
    option="inquiries",
    help="Inquiries in all (default 0).",
    count=Inquiry.objects.count,
    top_up=top_up_inquiries,
)
