"""The site's models, moved here from the project package (rehab_site): their tables exist
already, made by rehab_site's migrations, and keep their names; only Django's idea of
which app holds them changes."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import editing.links


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("rehab_site", "0011_social_links_are_web_address_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Menu",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                help_text="Shown as the footer column's or sidebar block's heading.",
                                max_length=80,
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text='The header menu is the one called "main".',
                                unique=True,
                            ),
                        ),
                        (
                            "placement",
                            models.CharField(
                                choices=[
                                    ("header", "Header"),
                                    ("footer", "Footer column"),
                                    ("sidebar", "Blog sidebar (key resources)"),
                                ],
                                default="footer",
                                max_length=10,
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "rehab_site_menu",
                        "ordering": ["placement", "order", "title"],
                    },
                ),
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "hero_eyebrow",
                            models.CharField(
                                blank=True,
                                default="Addiction & dual-diagnosis treatment",
                                help_text="The short line above the headline. The center's town is added after it.",
                                max_length=120,
                                verbose_name="eyebrow",
                            ),
                        ),
                        (
                            "hero_headline",
                            models.CharField(
                                default="Recovery starts with one honest conversation.",
                                max_length=120,
                                verbose_name="headline",
                            ),
                        ),
                        (
                            "hero_lede",
                            models.TextField(
                                default="Medically supervised detox, residential care and outpatient programs, with a team that treats you like a person, not a case number. Call any time; someone will answer.",
                                max_length=400,
                                verbose_name="introduction",
                            ),
                        ),
                        (
                            "hero_admission_label",
                            models.CharField(
                                default="Start your admission",
                                max_length=40,
                                verbose_name="admission button label",
                            ),
                        ),
                        (
                            "hero_image",
                            models.ImageField(
                                blank=True,
                                help_text="A calm photograph of the place or its people, at least 1200 pixels wide. JPEG, PNG or WebP.",
                                upload_to="home/",
                                verbose_name="hero image",
                            ),
                        ),
                        (
                            "hero_image_alt",
                            models.CharField(
                                blank=True,
                                help_text="What the photo shows, for people who cannot see it. Required with an image.",
                                max_length=200,
                                verbose_name="hero image description",
                            ),
                        ),
                        (
                            "steps_heading",
                            models.CharField(
                                blank=True,
                                default="Getting help takes three steps",
                                max_length=120,
                            ),
                        ),
                        (
                            "programs_heading",
                            models.CharField(
                                default="Levels of care",
                                max_length=120,
                                verbose_name="levels of care heading",
                            ),
                        ),
                        (
                            "programs_intro",
                            models.CharField(
                                blank=True,
                                default="Treatment that steps down with you, from medical detox to life in recovery.",
                                max_length=300,
                                verbose_name="levels of care introduction",
                            ),
                        ),
                        (
                            "programs_link_label",
                            models.CharField(
                                default="All treatment programs",
                                max_length=60,
                                verbose_name="levels of care link",
                            ),
                        ),
                        (
                            "conditions_heading",
                            models.CharField(
                                default="Addictions we treat",
                                max_length=120,
                                verbose_name="addictions heading",
                            ),
                        ),
                        (
                            "conditions_intro",
                            models.CharField(
                                blank=True,
                                default="Each substance needs its own care, from a safe withdrawal to treatment for what drove the use.",
                                max_length=300,
                                verbose_name="addictions introduction",
                            ),
                        ),
                        (
                            "conditions_link_label",
                            models.CharField(
                                default="Every addiction we treat",
                                max_length=60,
                                verbose_name="addictions link",
                            ),
                        ),
                        (
                            "audiences_heading",
                            models.CharField(
                                default="Who we help",
                                max_length=120,
                                verbose_name="who we help heading",
                            ),
                        ),
                        (
                            "audiences_intro",
                            models.CharField(
                                blank=True,
                                default="Groups for people who share your circumstances, within every program.",
                                max_length=300,
                                verbose_name="who we help introduction",
                            ),
                        ),
                        (
                            "audiences_link_label",
                            models.CharField(
                                default="Everyone we help",
                                max_length=60,
                                verbose_name="who we help link",
                            ),
                        ),
                        (
                            "testimonials_heading",
                            models.CharField(
                                default="In their words",
                                max_length=120,
                                verbose_name="testimonials heading",
                            ),
                        ),
                        (
                            "articles_heading",
                            models.CharField(
                                default="From our blog",
                                max_length=120,
                                verbose_name="blog heading",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "home page",
                        "verbose_name_plural": "home page",
                        "db_table": "rehab_site_homepage",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("pk", 1)),
                                name="home_page_singleton",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("hero_image", ""),
                                    models.Q(("hero_image_alt", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="home_page_hero_image_has_description",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HomePromise",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "text",
                            models.CharField(
                                help_text="Only what the center can keep: a false claim here is false advertising.",
                                max_length=80,
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                        (
                            "home_page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="promises",
                                to="website.homepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "promise",
                        "db_table": "rehab_site_homepromise",
                        "ordering": ["order", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="HomeStep",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("title", models.CharField(max_length=80)),
                        ("text", models.CharField(max_length=300)),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                        (
                            "home_page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="steps",
                                to="website.homepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "step",
                        "db_table": "rehab_site_homestep",
                        "ordering": ["order", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                default="Our Treatment Center", max_length=120
                            ),
                        ),
                        ("tagline", models.CharField(blank=True, max_length=200)),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="As visitors should read it, for example (828) 555-0142.",
                                max_length=40,
                                verbose_name="24/7 phone",
                            ),
                        ),
                        (
                            "text_phone",
                            models.CharField(
                                blank=True,
                                help_text="A number that receives text messages. When set, a “Text us” link sits beside the phone everywhere it appears.",
                                max_length=40,
                                verbose_name="text-capable number",
                            ),
                        ),
                        (
                            "admissions_email",
                            models.EmailField(blank=True, max_length=254),
                        ),
                        (
                            "street_address",
                            models.CharField(blank=True, max_length=200),
                        ),
                        (
                            "locality",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="city"
                            ),
                        ),
                        (
                            "region",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="state"
                            ),
                        ),
                        (
                            "postal_code",
                            models.CharField(
                                blank=True, max_length=20, verbose_name="ZIP code"
                            ),
                        ),
                        (
                            "latitude",
                            models.DecimalField(
                                blank=True,
                                decimal_places=6,
                                help_text="The campus entrance, in decimal degrees, for example 35.595058. Used for directions and by search engines.",
                                max_digits=9,
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(-90),
                                    django.core.validators.MaxValueValidator(90),
                                ],
                            ),
                        ),
                        (
                            "longitude",
                            models.DecimalField(
                                blank=True,
                                decimal_places=6,
                                help_text="For example -82.551487 (west of Greenwich is negative).",
                                max_digits=9,
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(-180),
                                    django.core.validators.MaxValueValidator(180),
                                ],
                            ),
                        ),
                        (
                            "map_image",
                            models.ImageField(
                                blank=True,
                                height_field="map_image_height",
                                help_text="Optional: a picture of the campus's surroundings (a map you may publish, or a drawing). Shown on pages with the center's details.",
                                upload_to="site/",
                                verbose_name="static map image",
                                width_field="map_image_width",
                            ),
                        ),
                        (
                            "map_image_width",
                            models.PositiveIntegerField(editable=False, null=True),
                        ),
                        (
                            "map_image_height",
                            models.PositiveIntegerField(editable=False, null=True),
                        ),
                        (
                            "map_image_alt",
                            models.CharField(
                                blank=True,
                                help_text="What the map shows, for people who cannot see it. Required with an image.",
                                max_length=200,
                                verbose_name="map image description",
                            ),
                        ),
                        (
                            "license_number",
                            models.CharField(
                                blank=True,
                                help_text="The center's license number, shown in every page's footer.",
                                max_length=80,
                                verbose_name="state license number",
                            ),
                        ),
                        (
                            "license_authority",
                            models.CharField(
                                blank=True,
                                help_text="As it should read after “Licensed by”, for example: the North Carolina Department of Health and Human Services.",
                                max_length=160,
                                verbose_name="licensed by",
                            ),
                        ),
                        (
                            "hours",
                            models.CharField(
                                blank=True,
                                help_text="For example: Admissions answers 24 hours a day, 7 days a week.",
                                max_length=200,
                            ),
                        ),
                        (
                            "crisis_text",
                            models.TextField(
                                blank=True,
                                help_text="Shown in the footer and on the thank-you page for anyone in immediate danger.",
                                verbose_name="crisis-line text",
                            ),
                        ),
                        ("facebook_url", editing.links.WebAddressField(blank=True)),
                        ("instagram_url", editing.links.WebAddressField(blank=True)),
                        ("linkedin_url", editing.links.WebAddressField(blank=True)),
                        ("youtube_url", editing.links.WebAddressField(blank=True)),
                        (
                            "footer_description",
                            models.TextField(
                                blank=True,
                                help_text="Shown in the footer under the center's name, for example who you treat and how.",
                                max_length=400,
                                verbose_name="the center in a sentence",
                            ),
                        ),
                        (
                            "footer_note",
                            models.CharField(
                                default="This site does not give medical advice. If you are in danger, call 911.",
                                max_length=200,
                                verbose_name="footer note",
                            ),
                        ),
                        (
                            "top_bar_note",
                            models.CharField(
                                default="Confidential help, 24 hours a day",
                                help_text="Shown above the header when the hours are empty.",
                                max_length=120,
                                verbose_name="top bar note",
                            ),
                        ),
                        (
                            "call_button_label",
                            models.CharField(
                                default="Call",
                                help_text="Put before the phone number on call buttons.",
                                max_length=30,
                            ),
                        ),
                        (
                            "admission_button_label",
                            models.CharField(
                                default="Start your admission", max_length=40
                            ),
                        ),
                        (
                            "call_box_heading",
                            models.CharField(
                                default="Ready to talk? We're here day and night.",
                                max_length=120,
                                verbose_name="call box heading",
                            ),
                        ),
                        (
                            "call_box_text",
                            models.TextField(
                                default="Speak with an admissions counselor in confidence. There's no obligation, and we can check your insurance while you're on the phone.",
                                max_length=400,
                                verbose_name="call box text",
                            ),
                        ),
                        (
                            "aside_call_heading",
                            models.CharField(
                                default="Talk to someone now",
                                max_length=80,
                                verbose_name="page sidebar call heading",
                            ),
                        ),
                        (
                            "aside_call_text",
                            models.CharField(
                                default="Free, confidential and without obligation. We answer day and night.",
                                max_length=200,
                                verbose_name="page sidebar call text",
                            ),
                        ),
                        (
                            "crisis_heading",
                            models.CharField(
                                default="In crisis right now?",
                                help_text="The numbers under it (911, 988, SAMHSA) are always shown and cannot be changed here.",
                                max_length=80,
                                verbose_name="crisis box heading",
                            ),
                        ),
                        (
                            "admissions_intro",
                            models.TextField(
                                default="Tell us a little about what is going on. An admissions counselor will get back to you, usually within the hour, day or night. There is no cost and no obligation.",
                                max_length=400,
                                verbose_name="admissions page introduction",
                            ),
                        ),
                        (
                            "admissions_call_text",
                            models.CharField(
                                default="Call us any time. A real person answers, and the call is confidential.",
                                max_length=200,
                                verbose_name="admissions page call text",
                            ),
                        ),
                        (
                            "short_form_heading",
                            models.CharField(
                                default="Ask about admission",
                                help_text="Over the short inquiry form beside program and addiction pages.",
                                max_length=80,
                                verbose_name="short form heading",
                            ),
                        ),
                        (
                            "short_form_intro",
                            models.CharField(
                                default="Private and free. Leave a phone number or an email address, and we will usually reply within the hour, day or night.",
                                max_length=200,
                                verbose_name="short form introduction",
                            ),
                        ),
                        (
                            "thank_you_heading",
                            models.CharField(
                                default="Thank you. We have your request.",
                                max_length=120,
                                verbose_name="thank-you heading",
                            ),
                        ),
                        (
                            "thank_you_text",
                            models.TextField(
                                default="Reaching out takes courage. An admissions counselor will read what you wrote and get back to you soon, usually within the hour, day or night.",
                                max_length=400,
                                verbose_name="thank-you text",
                            ),
                        ),
                        (
                            "thank_you_call_text",
                            models.CharField(
                                default="Don't want to wait? Call us now: someone answers day and night.",
                                max_length=200,
                                verbose_name="thank-you call text",
                            ),
                        ),
                        (
                            "insurance_box_text",
                            models.CharField(
                                default="Most people use insurance. We check your benefits for you, free, before you decide.",
                                help_text="Beside every program page, above the Verify insurance button.",
                                max_length=200,
                                verbose_name="program page insurance text",
                            ),
                        ),
                        (
                            "verify_prompt_heading",
                            models.CharField(
                                default="Have your insurance card nearby?",
                                max_length=120,
                                verbose_name="thank-you insurance heading",
                            ),
                        ),
                        (
                            "verify_prompt_text",
                            models.CharField(
                                default="Send us its details and we will have checked your benefits by the time we talk.",
                                max_length=200,
                                verbose_name="thank-you insurance text",
                            ),
                        ),
                        (
                            "verification_thank_you_heading",
                            models.CharField(
                                default="Thank you. We are checking your insurance.",
                                max_length=120,
                                verbose_name="insurance thank-you heading",
                            ),
                        ),
                        (
                            "verification_thank_you_text",
                            models.TextField(
                                default="Only our admissions team can see your details. A counselor will ask your insurer what your plan covers here and tell you, usually the same day, what is covered and what it may cost you. There is no cost and no obligation.",
                                max_length=400,
                                verbose_name="insurance thank-you text",
                            ),
                        ),
                        (
                            "not_found_heading",
                            models.CharField(
                                default="We couldn't find that page",
                                max_length=120,
                                verbose_name="page-not-found heading",
                            ),
                        ),
                        (
                            "not_found_text",
                            models.TextField(
                                default="The page may have moved or the address may be mistyped. If you were looking for help, you don't need the page: just call us.",
                                max_length=400,
                                verbose_name="page-not-found text",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "site settings",
                        "verbose_name_plural": "site settings",
                        "db_table": "rehab_site_sitesettings",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("pk", 1)),
                                name="site_settings_singleton",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("facebook_url", ""),
                                    (
                                        "facebook_url__iregex",
                                        "\\Ahttps?://[^\\x01-\\x20\\x7f\\\\]+\\Z",
                                    ),
                                    _connector="OR",
                                ),
                                name="site_settings_facebook_url_is_web_address",
                                violation_error_message="Use a full web address that starts with https:// or http://.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("instagram_url", ""),
                                    (
                                        "instagram_url__iregex",
                                        "\\Ahttps?://[^\\x01-\\x20\\x7f\\\\]+\\Z",
                                    ),
                                    _connector="OR",
                                ),
                                name="site_settings_instagram_url_is_web_address",
                                violation_error_message="Use a full web address that starts with https:// or http://.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("linkedin_url", ""),
                                    (
                                        "linkedin_url__iregex",
                                        "\\Ahttps?://[^\\x01-\\x20\\x7f\\\\]+\\Z",
                                    ),
                                    _connector="OR",
                                ),
                                name="site_settings_linkedin_url_is_web_address",
                                violation_error_message="Use a full web address that starts with https:// or http://.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("youtube_url", ""),
                                    (
                                        "youtube_url__iregex",
                                        "\\Ahttps?://[^\\x01-\\x20\\x7f\\\\]+\\Z",
                                    ),
                                    _connector="OR",
                                ),
                                name="site_settings_youtube_url_is_web_address",
                                violation_error_message="Use a full web address that starts with https:// or http://.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("latitude__isnull", True),
                                        ("longitude__isnull", True),
                                    ),
                                    models.Q(
                                        ("latitude__gte", -90),
                                        ("latitude__lte", 90),
                                        ("longitude__gte", -180),
                                        ("longitude__lte", 180),
                                    ),
                                    _connector="OR",
                                ),
                                name="site_settings_coordinates_on_earth",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("map_image", ""),
                                    models.Q(("map_image_alt", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="site_settings_map_image_has_description",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="NextStep",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("title", models.CharField(max_length=80)),
                        ("text", models.CharField(max_length=200)),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                        (
                            "site",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="next_steps",
                                to="website.sitesettings",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "next step after an inquiry",
                        "verbose_name_plural": "next steps after an inquiry",
                        "db_table": "rehab_site_nextstep",
                        "ordering": ["order", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="MenuItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("label", models.CharField(max_length=80)),
                        (
                            "url",
                            models.CharField(
                                blank=True,
                                help_text="A path on this site (/admissions/), a full address (https://…) or a tel:, sms: or mailto: link. Leave empty when a page is chosen.",
                                max_length=500,
                                validators=[editing.links.validate_link],
                                verbose_name="URL",
                            ),
                        ),
                        (
                            "object_id",
                            models.PositiveBigIntegerField(
                                blank=True, null=True, verbose_name="page ID"
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                        (
                            "content_type",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={
                                    "app_label__in": ("blog", "programs")
                                },
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                                verbose_name="page type",
                            ),
                        ),
                        (
                            "menu",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="items",
                                to="website.menu",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                help_text="Leave empty for a top-level item; pick one to make a submenu entry.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="children",
                                to="website.menuitem",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "rehab_site_menuitem",
                        "ordering": ["menu", "order", "pk"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("url", ""), _negated=True),
                                    models.Q(
                                        ("content_type__isnull", False),
                                        ("object_id__isnull", False),
                                    ),
                                    _connector="OR",
                                ),
                                name="menu_item_has_destination",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("url", ""),
                                    (
                                        "url__iregex",
                                        "\\A(/([^/\\x01-\\x20\\x7f\\\\][^\\x01-\\x20\\x7f\\\\]*)?|https?://[^\\x01-\\x20\\x7f\\\\]+|(tel|sms):\\+?[0-9().-]+|mailto:[^\\x01-\\x20\\x7f\\\\]+@[^\\x01-\\x20\\x7f\\\\]+)\\Z",
                                    ),
                                    _connector="OR",
                                ),
                                name="menu_item_url_is_safe",
                                violation_error_message="Use a path on this site (/admissions/), a full web address (https://…), or a tel:, sms: or mailto: link. Other kinds of link, such as javascript:, are refused.",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
