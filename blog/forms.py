"""Admin forms: the fields staff edit. Pictures are chosen from the library, which
checks and re-encodes each upload once (pictures/forms.py)."""

from django import forms

from .models import Article, Person


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "featured_picture",
            "authors",
            "medical_reviewer",
            "reviewed_on",
            "categories",
            "tags",
            "status",
            "publish_at",
            "seo_title",
            "meta_description",
            "noindex",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "slug",
            "credentials",
            "role",
            "bio",
            "portrait",
            "team_section",
            "team_order",
        ]
