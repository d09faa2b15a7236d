"""Admin forms: uploaded images are checked and re-encoded before they are stored."""

from django import forms

from editing.image_forms import cleaned_image_upload

from .models import Article, Person


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "featured_image",
            "featured_image_alt",
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

    def clean_featured_image(self):
        return cleaned_image_upload(self.cleaned_data.get("featured_image"))


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "slug",
            "credentials",
            "role",
            "bio",
            "photo",
            "team_section",
            "team_order",
        ]

    def clean_photo(self):
        return cleaned_image_upload(self.cleaned_data.get("photo"))
