from django.urls import path

from . import views

app_name = "admissions"

urlpatterns = [
    path("admissions/", views.inquiry_form, name="inquiry"),
    path("admissions/thank-you/", views.thank_you, name="thank_you"),
    path("admissions/thank-you/<uuid:token>/", views.thank_you, name="thank_you_for"),
]
