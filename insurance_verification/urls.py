from django.urls import path

from . import views

app_name = "insurance_verification"

urlpatterns = [
    path(
        "admissions/verify-insurance/",
        views.verification_form,
        name="verify_insurance",
    ),
    path(
        "admissions/verify-insurance/thank-you/",
        views.thank_you,
        name="thank_you",
    ),
    path(
        "admissions/verify-insurance/thank-you/<uuid:token>/",
        views.thank_you,
        name="thank_you_for",
    ),
]
