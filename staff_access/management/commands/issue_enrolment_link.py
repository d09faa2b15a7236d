"""Issue a second-factor enrolment link from the server, for the first administrator (who
has nobody to issue one) or anyone locked out of the admin."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_access.models import VALID_FOR, EnrolmentLink, format_code
from staff_access.two_factor import enrolment_link


class Command(BaseCommand):
    help = "Print a one-time link (valid for a day) with which a staff member sets up a second factor."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = (
            get_user_model()
            .objects.filter(username=username, is_staff=True, is_active=True)
            .first()
        )
        if user is None:
            raise CommandError(f"No active staff account is called {username!r}.")
        link, code = EnrolmentLink.issue(user)
        url = enrolment_link(settings.SITE_URL, code)
        hours = int(VALID_FOR.total_seconds() // 3600)
        self.stdout.write(f"Enrolment link for {username} (works once, {hours} hours):")
        self.stdout.write(url)
        self.stdout.write(f"Code: {format_code(code)}")
