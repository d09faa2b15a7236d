import io

from django.core.management import call_command

from blog.models import Article


def test_check_links_finds_nothing_broken_in_the_seeded_demo(demo):
    output = io.StringIO()

    call_command("check_links", stdout=output)  # raises CommandError on a broken link

    summary = output.getvalue()
    assert ": 0 broken." in summary
    checked = int(summary.split("Checked ")[1].split(" ")[0])
    assert checked >= 10  # the demo's bodies do link to treatment pages and articles


def test_live_demo_articles_link_to_treatment_pages_from_their_bodies(demo):

    linking = [
        article.slug
        for article in Article.objects.live()
        if 'href="/treatment/' in article.body or 'href="/addictions/' in article.body
    ]

    assert len(linking) >= 5
    assert "what-happens-in-medical-detox" in linking
