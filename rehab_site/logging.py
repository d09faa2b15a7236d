"""Logs as one JSON object per line, with a request id, and nothing personal in them.

Inquiries carry health information, and staff sign in with passwords and codes: none of
that may reach a log line or an error email. RedactPersonalData scrubs what slips into
messages; PrivateExceptionReporterFilter keeps POST bodies and cookies out of error
reports altogether.
"""

import json
import logging
import re
import time
import uuid

from django.views.debug import SafeExceptionReporterFilter

request_logger = logging.getLogger("rehab_site.requests")

REDACTED = "[redacted]"
SENSITIVE_KEYS = re.compile(
    r"pass|token|secret|key|otp|session|csrf|cookie|name|phone|email|message|insur|substance|note",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Whole tokens only, so ids such as UUIDs that merely contain digits stay readable.
PHONE = re.compile(r"(?<![\w-])\+?\d[\d ().-]{6,}\d(?!\w)")
REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def redact_text(text: str) -> str:
    return PHONE.sub(REDACTED, EMAIL.sub(REDACTED, text))


def redact_value(value):
    if isinstance(value, dict):
        return {
            key: REDACTED if SENSITIVE_KEYS.search(str(key)) else redact_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(redact_value(item) for item in value)
    if isinstance(value, str):
        return redact_text(value)
    return value


class RedactPersonalData(logging.Filter):
    """Scrub e-mail addresses, phone numbers and sensitive keys from every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        if record.args:
            record.args = redact_value(record.args)
        # Django attaches the request to error records; its POST data must not be formatted.
        if hasattr(record, "request"):
            record.request = _RequestSummary(record.request)
        return True


class _RequestSummary:
    """What a log line may say about a request: method and path, nothing the visitor typed."""

    def __init__(self, request):
        self.method = getattr(request, "method", "")
        self.path = getattr(request, "path", "")
        self.META = {}
        self.GET = self.POST = self.COOKIES = {}

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in ("request_id", "method", "path", "status", "duration_ms"):
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = record.exc_info[0].__name__
            entry["traceback"] = redact_text(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


class RequestLogMiddleware:
    """One log line per request, with an id that is also sent back as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.id
        request_logger.info(
            "request",
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports never include what a visitor posted, nor anybody's cookies."""

    def is_active(self, request) -> bool:
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)
