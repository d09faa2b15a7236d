from django.urls import path

from . import views

app_name = "programs"

# The last pattern catches every /<slug>/: the root urlconf includes these URLs after
# every other app so /blog/ and /admissions/ keep answering.
urlpatterns = [
    path("", views.HomePageView.as_view(), name="home"),
    path("treatment/", views.TreatmentIndexView.as_view(), name="treatment"),
    path("treatment/<slug:slug>/", views.ProgramDetailView.as_view(), name="program"),
    path("addictions/", views.ConditionIndexView.as_view(), name="conditions"),
    path(
        "addictions/<slug:slug>/",
        views.ConditionDetailView.as_view(),
        name="condition",
    ),
    path("who-we-help/", views.AudienceIndexView.as_view(), name="audiences"),
    path(
        "who-we-help/<slug:slug>/",
        views.AudienceDetailView.as_view(),
        name="audience",
    ),
    path("areas-we-serve/", views.LocationIndexView.as_view(), name="locations"),
    path(
        "areas-we-serve/<slug:slug>/",
        views.LocationDetailView.as_view(),
        name="location",
    ),
    path("insurance/", views.InsuranceIndexView.as_view(), name="insurance"),
    path("insurance/<slug:slug>/", views.InsurerDetailView.as_view(), name="insurer"),
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
]
