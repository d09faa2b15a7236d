from django.urls import path

from . import views

app_name = "admissions"

urlpatterns = [
    path("admissions/", views.inquiry_form, name="inquiry"),
    path("admissions/thank-you/", views.thank_you, name="thank_you"),
    path("admissions/thank-you/<uuid:token>/", views.thank_you, name="thank_you_for"),
    path(
        "admissions/verify-insurance/",
        views.verification_form,
        name="verify_insurance",
    ),
    path(
        "admissions/verify-insurance/thank-you/",
        views.verification_thank_you,
        name="verification_thank_you",
    ),
    path(
        "admissions/verify-insurance/thank-you/<uuid:token>/",
        views.verification_thank_you,
        name="verification_thank_you_for",
    ),
]
