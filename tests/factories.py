"""Factories shared by every app's tests."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from website.models import Menu, MenuItem, SiteSettings

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def permissions(user, create, extracted, **kwargs):
        """UserFactory(permissions=["pictures.add_picture"]) grants those permissions."""
        if not create or not extracted:
            return
        for dotted in extracted:
            app_label, codename = dotted.split(".")
            user.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        user.save()


class StaffFactory(UserFactory):
    is_staff = True


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteSettings
        django_get_or_create = ["id"]

    id = 1
    name = "Willow Ridge Recovery"
    tagline = "Addiction treatment in the Blue Ridge Mountains"
    phone = "(828) 555-0142"
    street_address = "1450 Laurel Creek Road"
    locality = "Brevard"
    region = "NC"
    postal_code = "28712"


class MenuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Menu
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Menu {n}")
    slug = factory.Sequence(lambda n: f"menu-{n}")


class MenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenuItem

    menu = factory.SubFactory(MenuFactory)
    label = factory.Sequence(lambda n: f"Item {n}")
    url = factory.Sequence(lambda n: f"/page-{n}/")
