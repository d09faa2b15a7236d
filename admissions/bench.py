"""Admissions' volume for the benchmark (website/bench.py): inquiries, inserted in
bulk."""

import random
import uuid
from datetime import timedelta

from django.utils import timezone

from programs.models import Program
from website.bench import FIRST_NAMES, SENTENCES, Volume

from .cases import new_reference
from .models import Inquiry

BATCH = 2000


def top_up_inquiries(target: int, rng: random.Random, say) -> int:
    missing = target - Inquiry.objects.count()
    if missing <= 0:
        return 0
    programs = list(Program.objects.values_list("pk", "name"))
    now = timezone.now()
    done = 0
    while done < missing:
        size = min(BATCH, missing - done)
        rows = []
        for _ in range(size):
            program = rng.choice(programs) if programs and rng.random() < 0.6 else None
            received = now - timedelta(days=rng.uniform(0, 2 * 365))
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
