from django.core.management.base import BaseCommand

from staff_access import demo_sign_ins


class Command(BaseCommand):
    help = "Print the demo users' sign-ins (kept by seed_demo with DEBUG on)."

    def handle(self, *args, **options):
        lines = demo_sign_ins.lines()
        if not lines:
            self.stdout.write(
                "No demo sign-ins are kept here; set a password with: "
                "python manage.py changepassword admin"
            )
            return
        self.stdout.write("Sign in at /admin/ as one of the demo users:")
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(
            "  (changed a password since? reset it with: python manage.py changepassword NAME)"
        )
