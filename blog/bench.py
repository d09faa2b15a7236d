"""The blog's volume for the benchmark (website/bench.py): articles, inserted in bulk,
with the fields Article.save() would derive (plain text, reading time, search vector)
filled by set-based SQL instead of one save per row."""

import math
import random
from datetime import timedelta

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone

from website.bench import HEADINGS, OPENINGS, SENTENCES, TOPICS, Volume

from .models import Article, Category, Person, Tag
from .models.article import SEARCH_CONFIG, WORDS_PER_MINUTE, plain_text

BATCH = 2000
SLUG_PREFIX = "bench-"


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


def top_up_articles(target: int, rng: random.Random, say) -> int:
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
            reviewer = rng.choice(people) if people and rng.random() < 0.5 else None
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
                    reviewed_on=(publish_at + timedelta(days=rng.randint(0, 30))).date()
                    if reviewer
                    else None,
                    created_at=publish_at,
                    updated_at=publish_at,
                )
            )
        with transaction.atomic():
            created = Article.objects.bulk_create(rows)
            link(created, rng, categories, tags, people)
            Article.objects.filter(pk__in=[a.pk for a in created]).update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("body_text", weight="C", config=SEARCH_CONFIG)
            )
        done += size
        say(f"  articles: {done}/{missing}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE blog_article")
    return done


def link(created, rng, categories, tags, people) -> None:
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


VOLUME = Volume(
    option="articles",
    help="Articles in all (default 1000).",
    count=Article.objects.count,
    top_up=top_up_articles,
    changes_content=True,
)
