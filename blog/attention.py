"""What the blog asks of staff on the admin dashboard (dashboard/notices.py)."""

from django.urls import reverse

from dashboard.notices import Notice
from editing.notices import plural, publishing_notices

from .models import Article


def attention(request) -> list[Notice]:
    notices = publishing_notices(request, Article)
    if request.user.has_perm("blog.change_article"):
        due = Article.objects.due_for_review().count()
        if due:
            changed = Article.objects.changed_since_review().count()
            notices.append(
                Notice(
                    title=f"{plural(due, 'article', 'articles')} due for medical review",
                    url=f"{reverse('admin:blog_article_changelist')}?review=due",
                    tone="warning",
                    detail=(
                        f"{changed} changed since the review; the others were never "
                        "reviewed or were reviewed more than 12 months ago."
                        if changed
                        else "Never reviewed, or reviewed more than 12 months ago."
                    ),
                )
            )
    return notices
