"""The site's models moved to apps named for what they do (website, editing,
staff_access), tables and content types kept: here they leave this app's state."""

from django.db import migrations

MOVED = {
    "website": [
        "homepage",
        "homepromise",
        "homestep",
        "menu",
        "menuitem",
        "nextstep",
        "sitesettings",
    ],
    "editing": ["draftchange", "editorimage", "redirect"],
    "staff_access": ["enrolmentlink"],
}


def move_content_types(apps, schema_editor, backwards=False):
    """The moved models keep their content types (and so their permissions, their
    version history and the admin's log): the rows change app, not id."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for app_label, model_names in MOVED.items():
        old, new = ("rehab_site", app_label)[:: -1 if backwards else 1]
        content_types.filter(app_label=old, model__in=model_names).update(app_label=new)
    ContentType.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("staff_access", "0001_initial"),
        ("editing", "0001_initial"),
        ("website", "0001_initial"),
        ("rehab_site", "0011_social_links_are_web_address_fields"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="draftchange",
                    name="content_type",
                ),
                migrations.RemoveField(
                    model_name="draftchange",
                    name="saved_by",
                ),
                migrations.RemoveField(
                    model_name="editorimage",
                    name="uploaded_by",
                ),
                migrations.RemoveField(
                    model_name="enrolmentlink",
                    name="issued_by",
                ),
                migrations.RemoveField(
                    model_name="enrolmentlink",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="homestep",
                    name="home_page",
                ),
                migrations.RemoveField(
                    model_name="homepromise",
                    name="home_page",
                ),
                migrations.RemoveField(
                    model_name="menuitem",
                    name="menu",
                ),
                migrations.RemoveField(
                    model_name="menuitem",
                    name="content_type",
                ),
                migrations.RemoveField(
                    model_name="menuitem",
                    name="parent",
                ),
                migrations.RemoveField(
                    model_name="nextstep",
                    name="site",
                ),
                migrations.DeleteModel(
                    name="Redirect",
                ),
                migrations.DeleteModel(
                    name="DraftChange",
                ),
                migrations.DeleteModel(
                    name="EditorImage",
                ),
                migrations.DeleteModel(
                    name="EnrolmentLink",
                ),
                migrations.DeleteModel(
                    name="HomeStep",
                ),
                migrations.DeleteModel(
                    name="HomePage",
                ),
                migrations.DeleteModel(
                    name="HomePromise",
                ),
                migrations.DeleteModel(
                    name="Menu",
                ),
                migrations.DeleteModel(
                    name="MenuItem",
                ),
                migrations.DeleteModel(
                    name="NextStep",
                ),
                migrations.DeleteModel(
                    name="SiteSettings",
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
