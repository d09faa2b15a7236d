"""A site page's checkboxes and lists become sections, in the order the page showed them:
its gallery, its videos, the team, the center's details with its accreditations, the
testimonials. Going back ticks the boxes again from the sections."""

from django.db import migrations

# (section model, heading) in the order the page showed each part.
GALLERY = ("GallerySection", "")
VIDEOS = ("VideosSection", "")
TEAM = ("TeamSection", "")
DETAILS = ("CenterDetailsSection", "Visit or call")
ACCREDITATIONS = ("AccreditationsSection", "Accreditations and licenses")
TESTIMONIALS = ("TestimonialsSection", "What people say")


def sections_from_checkboxes(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    Photo = apps.get_model("programs", "Photo")
    Video = apps.get_model("programs", "Video")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="programs", model="page").first()
    with_photos = set(
        Photo.objects.filter(content_type=page_type).values_list("object_id", flat=True)
        if page_type
        else ()
    )
    with_videos = set(Video.objects.values_list("page_id", flat=True))
    for page in Page.objects.all():
        wanted = []
        if page.pk in with_photos:
            wanted.append(GALLERY)
        if page.pk in with_videos:
            wanted.append(VIDEOS)
        if page.show_team:
            wanted.append(TEAM)
        if page.show_center_details:
            wanted += [DETAILS, ACCREDITATIONS]
        if page.show_testimonials:
            wanted.append(TESTIMONIALS)
        for position, (model_name, heading) in enumerate(wanted, start=1):
            apps.get_model("programs", model_name).objects.create(
                parent=page,
                region="sections",
                ordering=position * 10,
                heading=heading,
                **({"limit": 100} if model_name == "TestimonialsSection" else {}),
            )


def checkboxes_from_sections(apps, schema_editor):
    Page = apps.get_model("programs", "Page")
    for field, model_name in (
        ("show_team", "TeamSection"),
        ("show_center_details", "CenterDetailsSection"),
        ("show_testimonials", "TestimonialsSection"),
    ):
        section = apps.get_model("programs", model_name)
        Page.objects.filter(
            pk__in=section.objects.values_list("parent_id", flat=True)
        ).update(**{field: True})


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programs", "0009_page_sections"),
    ]

    operations = [
        migrations.RunPython(sections_from_checkboxes, checkboxes_from_sections)
    ]
