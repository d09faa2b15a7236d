"""What the blog asks of staff on the admin dashboard (dashboard/notices.py)."""

from django.urls import reverse

from dashboard.notices import Notice
from editing.notices import publishing_notices
from rehab_site.database import capped_count, count_words

from .models import Article

# A site with thousands of articles due reads "1,000+": counting further would scan them all.
COUNT_CAP = 1000


def attention(request) -> list[Notice]:
    notices = publishing_notices(request, Article)
    if request.user.has_perm("blog.change_article"):
        due = capped_count(Article.objects.due_for_review(), COUNT_CAP)
        if due:
            changed = capped_count(Article.objects.changed_since_review(), COUNT_CAP)
            noun = "article" if due == 1 else "articles"
            notices.append(
                Notice(
                    title=f"{count_words(due, COUNT_CAP)} {noun} due for medical review",
                    url=f"{reverse('admin:blog_article_changelist')}?review=due",
                    tone="warning",
                    detail=(
                        f"{count_words(changed, COUNT_CAP)} changed since the review; "
                        "the others were never "
                        "reviewed or were reviewed more than 12 months ago."
                        if changed
                        else "Never reviewed, or reviewed more than 12 months ago."
                    ),
                )
            )
    return notices
