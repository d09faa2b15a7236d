"""Volume data for the benchmark: many articles and inquiries, inserted in bulk.

Tops the database up to the numbers asked for, so running it twice adds nothing, and
running it with a bigger number adds only the difference. It reuses the demo's
categories, tags, people and programs (loading the demo first if they are missing), and
fills the fields Article.save() would derive (plain text, reading time, search vector)
with set-based SQL instead of one save per row.
"""

import math
import random
import uuid
from datetime import timedelta

from django.contrib.postgres.search import SearchVector
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from admissions.models import Inquiry, new_reference
from blog.models import Article, Category, Person, Tag
from blog.models.article import SEARCH_CONFIG, WORDS_PER_MINUTE, plain_text
from programs.models import Program
from rehab_site.caching import refresh_content_state

BATCH = 2000
SLUG_PREFIX = "bench-"

TOPICS = [
    "recovery",
    "relapse prevention",
    "family support",
    "sleep in early recovery",
    "naloxone",
    "alcohol withdrawal",
    "opioid treatment",
    "medication-assisted treatment",
    "outpatient care",
    "returning to work",
    "stress and cravings",
    "peer support",
    "nutrition",
    "exercise",
    "talking to teenagers",
    "insurance and cost",
]
OPENINGS = [
    "Many people ask what {topic} looks like in practice.",
    "If you are new to {topic}, this guide walks you through the first weeks.",
    "Our clinicians answer the questions families ask most about {topic}.",
    "Here is what the research says about {topic}, in plain words.",
]
SENTENCES = [
    "Recovery is rarely a straight line, and setbacks are part of learning what works.",
    "A steady routine of sleep, meals and movement makes cravings easier to manage.",
    "Families do best when they get support of their own, not only for their loved one.",
    "Withdrawal can be dangerous without medical care, so talk to a doctor before stopping.",
    "Medication for opioid use disorder lowers the risk of overdose and is used for years.",
    "Counseling helps people notice the thoughts and places that lead back to using.",
    "Peer groups offer something clinicians cannot: people who have been there too.",
    "Insurance usually covers treatment, and our admissions team checks benefits for free.",
    "Returning to work is easier with a plan for stress, schedules and honest conversations.",
    "Keeping naloxone at home saves lives; pharmacies can give it without a prescription.",
    "Small goals, written down and reviewed each week, keep progress visible.",
    "Shame keeps people from asking for help; clear facts and kindness bring them in.",
]
HEADINGS = [
    "What to expect",
    "How families can help",
    "Warning signs",
    "Questions to ask",
    "When to call",
    "The first week",
]
FIRST_NAMES = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie"]


def article_body(rng: random.Random, topic: str) -> str:
    """About 600 to 1,200 words of plausible article HTML, in the editor's own tags."""
    parts = [f"<p>{rng.choice(OPENINGS).format(topic=topic)}</p>"]
    for heading in rng.sample(HEADINGS, rng.randint(3, 5)):
        parts.append(f"<h2>{heading}</h2>")
        for _ in range(rng.randint(2, 4)):
            parts.append(
                "<p>" + " ".join(rng.choices(SENTENCES, k=rng.randint(4, 8))) + "</p>"
            )
        if rng.random() < 0.4:
            items = "".join(f"<li>{s}</li>" for s in rng.sample(SENTENCES, 3))
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


class Command(BaseCommand):
    help = "Top the database up to N articles and M inquiries for the benchmark (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--inquiries", type=int, default=0)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, articles, inquiries, seed, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "seed_bench needs PostgreSQL (DATABASE_URL=postgres://…)."
            )
        if articles < 0 or inquiries < 0:
            raise CommandError("Counts cannot be negative.")
        if not (Category.objects.exists() and Person.objects.exists()):
            call_command("seed_demo", stdout=self.stdout)
        rng = random.Random(seed + Article.objects.count())
        added = self.top_up_articles(articles, rng)
        stored = self.top_up_inquiries(inquiries, rng)
        if added or stored:
            # As autovacuum would soon, but now rather than in the middle of a measurement:
            # clear the dead rows the derived-field updates left, and tell the planner
            # how large the tables grew.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        if added:
            refresh_content_state()
        self.stdout.write(
            self.style.SUCCESS(
                f"{Article.objects.count()} articles (+{added}), "
                f"{Inquiry.objects.count()} inquiries (+{stored})."
            )
        )

    def top_up_articles(self, target: int, rng: random.Random) -> int:
        missing = target - Article.objects.count()
        if missing <= 0:
            return 0
        categories = list(Category.objects.values_list("pk", flat=True))
        tags = list(Tag.objects.values_list("pk", flat=True))
        people = list(Person.objects.values_list("pk", flat=True))
        # Numbers continue after the highest bench slug, so a top-up never collides.
        start = Article.objects.filter(slug__startswith=SLUG_PREFIX).count()
        now = timezone.now()
        span_days = 6 * 365
        done = 0
        while done < missing:
            size = min(BATCH, missing - done)
            rows = []
            for i in range(start + done, start + done + size):
                topic = rng.choice(TOPICS)
                body = article_body(rng, topic)
                text = plain_text(body)
                reviewer = rng.choice(people) if rng.random() < 0.5 else None
                publish_at = now - timedelta(
                    days=rng.uniform(0, span_days), seconds=rng.randint(0, 86400)
                )
                rows.append(
                    Article(
                        title=f"{topic.capitalize()}: notes for week {i % 52 + 1} ({i})",
                        slug=f"{SLUG_PREFIX}{topic.replace(' ', '-')}-{i}",
                        summary=rng.choice(OPENINGS).format(topic=topic),
                        body=body,
                        body_text=text,
                        reading_minutes=max(
                            1, math.ceil(len(text.split()) / WORDS_PER_MINUTE)
                        ),
                        status="published" if rng.random() < 0.97 else "draft",
                        publish_at=publish_at,
                        medical_reviewer_id=reviewer,
                        reviewed_on=(
                            publish_at + timedelta(days=rng.randint(0, 30))
                        ).date()
                        if reviewer
                        else None,
                        created_at=publish_at,
                        updated_at=publish_at,
                    )
                )
            with transaction.atomic():
                created = Article.objects.bulk_create(rows)
                self.link(created, rng, categories, tags, people)
                Article.objects.filter(pk__in=[a.pk for a in created]).update(
                    search_vector=SearchVector(
                        "title", weight="A", config=SEARCH_CONFIG
                    )
                    + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                    + SearchVector("body_text", weight="C", config=SEARCH_CONFIG)
                )
            done += size
            self.stdout.write(f"  articles: {done}/{missing}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE blog_article")
        return done

    def link(self, created, rng, categories, tags, people) -> None:
        through_c = Article.categories.through
        through_t = Article.tags.through
        through_a = Article.authors.through
        c_rows, t_rows, a_rows = [], [], []
        for article in created:
            for pk in rng.sample(categories, min(len(categories), rng.randint(1, 2))):
                c_rows.append(through_c(article_id=article.pk, category_id=pk))
            for pk in rng.sample(tags, min(len(tags), rng.randint(0, 4))):
                t_rows.append(through_t(article_id=article.pk, tag_id=pk))
            for pk in rng.sample(people, min(len(people), rng.randint(1, 2))):
                a_rows.append(through_a(article_id=article.pk, person_id=pk))
        through_c.objects.bulk_create(c_rows)
        through_t.objects.bulk_create(t_rows)
        through_a.objects.bulk_create(a_rows)

    def top_up_inquiries(self, target: int, rng: random.Random) -> int:
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
                program = (
                    rng.choice(programs) if programs and rng.random() < 0.6 else None
                )
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
