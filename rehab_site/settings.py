"""Settings for the treatment-center site.

One module for every environment: each deploy-dependent value comes from an
environment variable (see README.md), with safe development defaults and a loud
refusal to start in production when a required value is missing.
"""

import sys
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if not DEBUG:
    _missing = [
        name for name in ("SECRET_KEY", "DATABASE_URL") if not env.str(name, default="")
    ]
    if _missing:
        sys.exit(
            f"Refusing to start with DEBUG off: set {' and '.join(_missing)} in the environment "
            "(or DEBUG=true for local development)."
        )

SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-development-only-key")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "rehab_site",
    "blog",
    "programs",
    "admissions",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "django_tasks",
    "django_tasks_db",
    "sorl.thumbnail",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rehab_site.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "rehab_site.urls"
ADMIN_URL = env.str("ADMIN_URL", default="admin/")
WSGI_APPLICATION = "rehab_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rehab_site.context_processors.site",
            ],
        },
    },
]

# Without DATABASE_URL the site runs on an SQLite file, so `make run` works anywhere.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://rehab-site")}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Willow Ridge Recovery <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: Django has no size cap of its own for files; our upload views enforce these.
MAX_UPLOAD_IMAGE_BYTES = env.int("MAX_UPLOAD_IMAGE_BYTES", default=10 * 1024 * 1024)
MAX_UPLOAD_IMAGE_PIXELS = env.int("MAX_UPLOAD_IMAGE_PIXELS", default=40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

CSRF_FAILURE_VIEW = "rehab_site.views.csrf_failure"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

THUMBNAIL_FORMAT = "WEBP"
THUMBNAIL_PRESERVE_FORMAT = False
THUMBNAIL_QUALITY = 80

# CKEditor 5: only plugins whose output the sanitizer allows (rehab_site/richtext.py).
# SourceEditing, GeneralHtmlSupport, HtmlEmbed and FullPage stay out on purpose.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor_image_upload"
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_MAX_FILE_SIZE = MAX_UPLOAD_IMAGE_BYTES // (1024 * 1024)
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "licenseKey": "GPL",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "alignment",
                "|",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {
                    "model": "paragraph",
                    "title": "Paragraph",
                    "class": "ck-heading_paragraph",
                },
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Heading",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Subheading",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Minor heading",
                    "class": "ck-heading_heading4",
                },
            ]
        },
        "alignment": {
            "options": [
                {"name": "left", "className": "text-align-left"},
                {"name": "center", "className": "text-align-center"},
                {"name": "right", "className": "text-align-right"},
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:alignLeft",
                "imageStyle:alignRight",
                "imageStyle:alignCenter",
                "imageStyle:side",
            ],
            "styles": ["full", "side", "alignLeft", "alignRight", "alignCenter"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    },
}

LOGIN_URL = "admin:login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Admissions inquiries (admissions/, see README): who is told about new inquiries, the
# address the email links back to, how long closed inquiries are kept, and the spam limits.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
ADMISSIONS_NOTIFY_EMAILS = env.list(
    "ADMISSIONS_NOTIFY_EMAILS",
    default=["admissions@willowridge.example"] if DEBUG else [],
)
INQUIRY_RETENTION_DAYS = env.int("INQUIRY_RETENTION_DAYS", default=365)
ADMISSIONS_RATE_LIMIT = env.int("ADMISSIONS_RATE_LIMIT", default=5)
ADMISSIONS_RATE_LIMIT_WINDOW = env.int("ADMISSIONS_RATE_LIMIT_WINDOW", default=60 * 60)
ADMISSIONS_MIN_FILL_SECONDS = env.int("ADMISSIONS_MIN_FILL_SECONDS", default=3)
ADMISSIONS_CLIENT_IP_HEADER = env.str(
    "ADMISSIONS_CLIENT_IP_HEADER", default="REMOTE_ADDR"
)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
MIDDLEWARE += ["admissions.attribution.FirstVisitMiddleware"]
