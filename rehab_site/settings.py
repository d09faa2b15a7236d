"""Settings for the treatment-center site.

One module for every environment: each deploy-dependent value comes from an
environment variable (see README.md), with safe development defaults and a loud
refusal to start in production when a required value is missing.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from cryptography.fernet import Fernet
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if not DEBUG:
    _missing = [
        name
        for name in ("SECRET_KEY", "DATABASE_URL", "FIELD_ENCRYPTION_KEYS")
        if not env.str(name, default="")
    ]
    if _missing:
        raise ImproperlyConfigured(
            f"Refusing to start with DEBUG off: set {' and '.join(_missing)} in the environment "
            "(or DEBUG=true for local development)."
        )

SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-development-only-key")

# Keys that encrypt insurance verifications at rest (admissions/encryption.py): Fernet keys,
# newest first. Rotation: put a new key first, run `manage.py reencrypt_verifications`,
# then remove the old one. The development key is used only with DEBUG on.
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS",
    default=["ZGV2ZWxvcG1lbnQtb25seS1rZXktbm8tc2VjcmV0ISE="] if DEBUG else [],
)
for _position, _key in enumerate(FIELD_ENCRYPTION_KEYS, start=1):
    try:
        Fernet(_key)
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            f"Refusing to start: key {_position} of FIELD_ENCRYPTION_KEYS is not a Fernet "
            "key (32 bytes in URL-safe base64, 44 characters)."
        ) from None
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "rehab_site",
    "website",
    "editing",
    "pictures",
    "staff_access",
    "dashboard",
    # In the order the apps build on each other (the demo is loaded in this order).
    "programs",
    "blog",
    "accreditations",
    "admissions",
    "insurance_verification",
    "linkcheck",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # PostgreSQL's index types and operator classes (rehab_site/database.py); nothing of
    # it runs on SQLite.
    "django.contrib.postgres",
    "django_ckeditor_5",
    # The section editor of composed pages (programs/models/sections.py): its static files.
    "content_editor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "sorl.thumbnail",
    "taggit",
    "reversion",
    "reversion_compare",
]

MIDDLEWARE = [
    "rehab_site.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "rehab_site.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sees every header and cookie the layers below set (rehab_site/caching.py).
    "rehab_site.caching.CacheControlMiddleware",
    "rehab_site.headers.SiteCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "staff_access.sessions.NoSessionNoUserMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff_access.sessions.StaffIdleTimeoutMiddleware",
    "staff_access.sessions.RequireTwoFactorMiddleware",
    "editing.middleware.RedirectFallbackMiddleware",
    # django-axes wants to be last: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
                "website.context_processors.site",
                "website.context_processors.fragments",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Django's own form and widget templates drawn by Jinja2, the rest by Django's engine
# (rehab_site/form_rendering.py).
FORM_RENDERER = "rehab_site.form_rendering.JinjaFirstRenderer"

# Without DATABASE_URL the site runs on an SQLite file, so `make run` works anywhere.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # The demo's web server and task worker share one file, and the worker's polls lock it
    # whole: a transaction takes the write lock when it begins (waiting up to 20 s), so it
    # never fails with "database is locked" when it comes to write midway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
    # SQLite has no INCLUDE: there the first-contact report's covering index
    # (admissions.Inquiry, inquiry_report_idx) is a plain index of arrival times, as meant,
    # and the report works its figures out in Python (README, What differs on SQLite).
    # Django's warning about it would open every `make run`.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is a speed layer: while it is unreachable the site serves every page from the
# database, stores every inquiry and lets staff work (README, "When Redis is down").
# django-redis's IGNORE_EXCEPTIONS makes a failed read a miss and a failed write a no-op
# for every caller that only saves time (Django's {% cache %}, sorl-thumbnail's key-value
# store, remember()), without a log line per error (caching.py logs once when a process
# loses Redis and once when it is back). The site's own shared values, whose callers must
# know when Redis failed (the content generation, the rate limits, /readyz),
# go through "coordination": the same Redis, with errors raised.
REDIS_TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}


def cache_from_url(url: str, *, ignore_outages: bool) -> dict:
    """A CACHES entry for `url`; a Redis URL gives django-redis with short socket timeouts
    (so a Redis that stops answering costs a page half a second, not a hang), which the URL
    may override (`?socket_timeout=1`)."""
    if urlsplit(url).scheme not in ("redis", "rediss"):
        return environ.Env.cache_url_config(url)
    config = environ.Env.cache_url_config(url, backend="django_redis.cache.RedisCache")
    config["OPTIONS"] = {
        **REDIS_TIMEOUTS,
        **config.get("OPTIONS", {}),
        "IGNORE_EXCEPTIONS": ignore_outages,
    }
    return config


CACHE_URL = env.str("CACHE_URL", default="locmemcache://rehab-site")
CACHES = {
    "default": cache_from_url(CACHE_URL, ignore_outages=True),
    "coordination": cache_from_url(CACHE_URL, ignore_outages=False),
    # Cached parts of pages and values built from content (rehab_site/caching.py). Each
    # process's own memory by default: their keys hold the content generation, which lives
    # in the coordination cache, so every process sees a save or a scheduled time on its
    # next request; a Redis URL here shares them between processes instead.
    "template_fragments": cache_from_url(
        env.str("CONTENT_CACHE_URL", default="locmemcache://content?MAX_ENTRIES=2000"),
        ignore_outages=True,
    ),
    # Each process's own memory: where the rate limits count while the coordination
    # cache is unreachable (rehab_site/rate_limits.py).
    "this_process": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "this-process",
    },
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Willow Ridge Recovery <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

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
# Insurance card photos, encrypted, outside MEDIA_ROOT: nginx and /media/ never serve them;
# admissions staff see them through a permission-checked admin view only.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media")
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
MAX_UPLOAD_VIDEO_BYTES = env.int("MAX_UPLOAD_VIDEO_BYTES", default=50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Django's default: a composed page's form posts about 70 fields of section management
# forms, and some ten for each section (200 refused a page of 15 sections with a 400).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

CSRF_FAILURE_VIEW = "website.views.csrf_failure"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

THUMBNAIL_FORMAT = "WEBP"
THUMBNAIL_PRESERVE_FORMAT = False
THUMBNAIL_QUALITY = 80

# CKEditor 5: only plugins whose output the sanitizer allows (editing/richtext.py).
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

# Staff accounts: sessions end at browser close and after STAFF_IDLE_MINUTES without a
# request; every staff account needs a second factor when REQUIRE_TWO_FACTOR is on.
# In the database only: only staff have sessions (one primary-key query a request, beside the
# dozens an admin page makes), and a cached copy could outlive a sign-out made while Redis
# was unreachable and come back with it.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_IDLE_MINUTES = env.int("STAFF_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = (
    STAFF_IDLE_MINUTES * 60 * 16
)  # a backstop; the idle check is stricter
# A change form with unsaved edits keeps its session alive (editing/content_admin.py), but never
# longer than this after the editor's last real request (a page opened, a form saved).
STAFF_KEEPALIVE_MAX_MINUTES = env.int("STAFF_KEEPALIVE_MAX_MINUTES", default=480)
REQUIRE_TWO_FACTOR = env.bool("REQUIRE_TWO_FACTOR", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Treatment center website")

# Login throttling: lock the username or the address after AXES_FAILURE_LIMIT failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "rehab_site.network.client_ip"
AXES_VERBOSE = False

# Addresses of load balancers or proxies whose X-Forwarded-For/-Proto headers we believe.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HTTPS and headers. Production is secure by default; DEBUG is for plain-HTTP development.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "interest-cohort=()"
)

# Content-Security-Policy (django-csp). Public pages allow only this site's own files and
# nonce-carrying inline scripts; the admin also needs inline styles for CKEditor 5.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CSP_UPDATES = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}

# Caching (rehab_site/caching.py). Cached parts of pages and values built from content are
# kept until content changes or for CONTENT_CACHE_SECONDS at most; whole public pages may be
# kept by browsers and the edge (nginx, a CDN) for PUBLIC_MAX_AGE seconds at most. Both end
# early when a scheduled page is due.
CACHE_FRAGMENTS = env.bool("CACHE_FRAGMENTS", default=not DEBUG)
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=60 * 60)
PUBLIC_MAX_AGE = env.int("PUBLIC_MAX_AGE", default=30)
# Never kept by anyone, browsers included: health checks. (Forms as someone typed them, the
# thank-you pages and the form tokens say so themselves: admissions/case_views.py.)
PRIVATE_PATHS = ["/healthz", "/readyz"]

# Media on S3-compatible object storage when a bucket is named; local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

WHITENOISE_MAX_AGE = 31_536_000 if not DEBUG else 0
# Source maps (CKEditor's is 8.6 MB) are fetched only by a browser's developer tools: they
# are served uncompressed, which takes two thirds off collectstatic's time (README).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# Pages name static files by their hashed names only (the manifest): collectstatic keeps
# and compresses those alone, half the files and half its time (README).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

DEFAULT_EXCEPTION_REPORTER_FILTER = "rehab_site.logging.PrivateExceptionReporterFilter"
ADMINS = [("Site admin", address) for address in env.list("ADMIN_EMAILS", default=[])]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "rehab_site.logging.RedactPersonalData"}},
    "formatters": {"json": {"()": "rehab_site.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["redact"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["redact"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "WARNING",
            "propagate": False,
        },
        # The request log (rehab_site.logging.RequestLogMiddleware) replaces the dev server's.
        "django.server": {"handlers": [], "propagate": False},
    },
}

# Admissions inquiries (admissions/, see README): who is told about new inquiries, the
# address the email links back to, how long closed inquiries are kept, and the spam limits.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Passkeys (django-otp-webauthn), as a second factor only. A passkey belongs to a domain
# (the relying party): the site's host name, never an IP address, so development uses
# http://localhost:8000 for them. The origins are the addresses the admin is opened at.
_site = urlsplit(SITE_URL)
_site_host = _site.hostname or "localhost"
if _site_host.replace(".", "").isdigit():
    _site_host = "localhost"
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default=_site_host)
OTP_WEBAUTHN_RP_NAME = env.str("OTP_WEBAUTHN_RP_NAME", default=OTP_TOTP_ISSUER)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS",
    default=[f"{_site.scheme}://{_site_host}{f':{_site.port}' if _site.port else ''}"],
)
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
ADMISSIONS_NOTIFY_EMAILS = env.list(
    "ADMISSIONS_NOTIFY_EMAILS",
    default=["admissions@willowridge.example"] if DEBUG else [],
)
INQUIRY_RETENTION_DAYS = env.int("INQUIRY_RETENTION_DAYS", default=365)
ADMISSIONS_RATE_LIMIT = env.int("ADMISSIONS_RATE_LIMIT", default=5)
ADMISSIONS_RATE_LIMIT_WINDOW = env.int("ADMISSIONS_RATE_LIMIT_WINDOW", default=60 * 60)
ADMISSIONS_MIN_FILL_SECONDS = env.int("ADMISSIONS_MIN_FILL_SECONDS", default=3)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# The first wait before a failed notification email is tried again; it doubles each time.
ADMISSIONS_NOTIFY_RETRY_SECONDS = env.int("ADMISSIONS_NOTIFY_RETRY_SECONDS", default=60)
# Speed to contact: the targets the queue colours waiting times by, and when an inquiry
# still waiting is escalated (urgent ones, not yet reached, at their target).
ADMISSIONS_URGENT_TARGET_MINUTES = env.int(
    "ADMISSIONS_URGENT_TARGET_MINUTES", default=15
)
ADMISSIONS_TARGET_MINUTES = env.int("ADMISSIONS_TARGET_MINUTES", default=60)
ADMISSIONS_ESCALATE_AFTER_MINUTES = env.int(
    "ADMISSIONS_ESCALATE_AFTER_MINUTES", default=120
)
# When a routine inquiry stops waiting (the queue's clock, its colours, the escalation):
# "attempt", the first logged call, text, email or voicemail; or "reached", only once
# somebody has spoken with the person or heard back, as for urgent inquiries always.
# (Unset or empty means "attempt".)
ADMISSIONS_ROUTINE_WAIT_ENDS = (
    env.str("ADMISSIONS_ROUTINE_WAIT_ENDS", default="").strip().lower() or "attempt"
)
if ADMISSIONS_ROUTINE_WAIT_ENDS not in ("attempt", "reached"):
    raise ImproperlyConfigured(
        "Refusing to start: ADMISSIONS_ROUTINE_WAIT_ENDS must be 'attempt' or 'reached', "
        f"not {ADMISSIONS_ROUTINE_WAIT_ENDS!r}."
    )
# Who hears about an escalation; empty means the ADMISSIONS_NOTIFY_EMAILS list.
ADMISSIONS_ESCALATION_EMAILS = env.list("ADMISSIONS_ESCALATION_EMAILS", default=[])
# A queued task still waiting this long means no worker is running (/readyz, admin banner).
TASK_QUEUE_LATE_MINUTES = env.int("TASK_QUEUE_LATE_MINUTES", default=5)
