"""seed_bench: volume data for the benchmark, in bulk, topped up rather than repeated."""

import pytest
from django.core.management import call_command

from admissions.models import Inquiry
from blog.models import Article
from blog.search import search_articles


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql_only(
    reason="seed_bench fills the benchmark's PostgreSQL database: search vectors in SQL "
    "and VACUUM ANALYZE"
)
def test_seed_bench_tops_up_to_the_numbers_asked_for(demo):
    # On the demo, as `make bench` finds its databases after the first run: seed_bench
    # seeds the demo first, which then adds nothing (seeding it takes 15-20 s here).
    call_command("seed_bench", articles=40, inquiries=5)
    articles, inquiries = Article.objects.count(), Inquiry.objects.count()

    call_command("seed_bench", articles=40, inquiries=5)

    assert articles == 40 and inquiries >= 5  # the demo's own inquiries count too
    assert (Article.objects.count(), Inquiry.objects.count()) == (articles, inquiries)
    bench = Article.objects.live().filter(slug__startswith="bench-")
    assert bench.exists()
    assert search_articles(Article.objects.live(), "recovery").exists()
    assert all(article.body_text and article.reading_minutes for article in bench)
