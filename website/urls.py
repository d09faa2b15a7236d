from django.urls import path

from website import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("search/", views.SiteSearchView.as_view(), name="search"),
]
