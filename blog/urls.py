from django.urls import path, register_converter

from . import feeds, views


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


class MonthConverter:
    regex = "0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:02d}"


register_converter(YearConverter, "blog_year")
register_converter(MonthConverter, "blog_month")

app_name = "blog"

urlpatterns = [
    path("", views.ArticleListView.as_view(show_archive=True), name="article_list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.AtomArticleFeed(), name="atom_feed"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path(
        "category/<slug:slug>/feed/atom/",
        feeds.AtomCategoryFeed(),
        name="category_atom_feed",
    ),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("<blog_year:year>/", views.ArchiveView.as_view(), name="archive_year"),
    path(
        "<blog_year:year>/<blog_month:month>/",
        views.ArchiveView.as_view(),
        name="archive_month",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
