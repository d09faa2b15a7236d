from django.urls import path

from . import case_views, views

app_name = "admissions"

urlpatterns = [
    path("admissions/", views.inquiry_form, name="inquiry"),
    path("admissions/form-tokens/", case_views.form_tokens, name="form_tokens"),
    path("admissions/thank-you/", views.thank_you, name="thank_you"),
    path("admissions/thank-you/<uuid:token>/", views.thank_you, name="thank_you_for"),
]
