from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("programs", "0010_page_content_into_sections")]

    operations = [
        migrations.RemoveField(
            model_name="page",
            name="show_center_details",
        ),
        migrations.RemoveField(
            model_name="page",
            name="show_team",
        ),
        migrations.RemoveField(
            model_name="page",
            name="show_testimonials",
        ),
    ]
