"""Check every internal link in articles, program and page bodies, menus and site settings,
refresh the admin's broken-link report, and list what is broken (exit status 1 if any).
Run it daily from cron; saves in the admin queue the same check as a task."""

from django.core.management.base import BaseCommand, CommandError

from linkcheck.checker import check_all_links


class Command(BaseCommand):
    help = "Check internal links in all content and refresh the broken-link report (exit status 1 if any are broken)."

    def handle(self, *args, **options):
        checked, findings = check_all_links()
        for finding in findings:
            self.stdout.write(
                f"{finding.where}, {finding.field} ({finding.edit_url}): "
                f"{finding.url} → {finding.problem}"
            )
        summary = f"Checked {checked} internal link(s): {len(findings)} broken."
        if findings:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
