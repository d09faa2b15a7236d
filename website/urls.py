from django.urls import path

from website import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("search/", views.SiteSearchView.as_view(), name="search"),
]
