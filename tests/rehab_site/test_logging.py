import json
import logging

import pytest

from rehab_site.logging import JsonFormatter, RedactPersonalData


def format_record(message, *args, **extra) -> dict:
    record = logging.LogRecord(
        "test", logging.INFO, __file__, 1, message, args or None, None
    )
    for key, value in extra.items():
        setattr(record, key, value)
    RedactPersonalData().filter(record)
    return json.loads(JsonFormatter().format(record))


@pytest.mark.parametrize(
    "leak",
    ["jane.doe@example.com", "(828) 555-0142", "+1 828 555 0142", "8285550142"],
)
def test_contact_details_never_reach_a_log_line(leak):
    entry = format_record(f"inquiry from {leak} received")

    assert leak not in json.dumps(entry)
    assert "[redacted]" in entry["message"]


def test_sensitive_keys_in_log_arguments_are_redacted():
    entry = format_record(
        "submitted %(data)s",
        {
            "data": {
                "full_name": "Jane Doe",
                "password": "hunter2",
                "message": "I use heroin",
                "program": "detox",
            }
        },
    )

    assert "Jane Doe" not in entry["message"]
    assert "hunter2" not in entry["message"]
    assert "heroin" not in entry["message"]
    assert "detox" in entry["message"]


def test_a_request_attached_to_an_error_record_loses_its_form_data(rf):
    request = rf.post("/admissions/", {"full_name": "Jane Doe", "phone": "8285550142"})
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "boom", None, None
    )
    record.request = request

    RedactPersonalData().filter(record)

    assert record.request.POST == {}
    assert str(record.request) == "POST /admissions/"


def test_each_request_is_logged_as_json_with_an_id_path_status_and_duration(
    client, db, caplog
):
    with caplog.at_level(logging.INFO, logger="rehab_site.requests"):
        response = client.get("/healthz?email=jane@example.com")

    record = next(
        record for record in caplog.records if record.name == "rehab_site.requests"
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["path"] == "/healthz"
    assert entry["status"] == 200
    assert entry["request_id"] == response["X-Request-ID"]
    assert isinstance(entry["duration_ms"], float)
    assert "jane@example.com" not in json.dumps(entry)


def test_error_reports_carry_no_posted_data_or_cookies(rf):
    from rehab_site.logging import PrivateExceptionReporterFilter

    request = rf.post("/admissions/", {"message": "private"})
    request.COOKIES["sessionid"] = "secret"
    report_filter = PrivateExceptionReporterFilter()

    assert set(report_filter.get_post_parameters(request).values()) == {
        report_filter.cleansed_substitute
    }
    assert report_filter.get_safe_cookies(request) == {
        "sessionid": report_filter.cleansed_substitute
    }


def test_ids_that_contain_digits_are_not_taken_for_phone_numbers():
    entry = format_record(
        "task 5e337d7c-8b12-4c3d-a1df-926fa565305a done, inquiry 4BQMXEPA"
    )

    assert (
        entry["message"]
        == "task 5e337d7c-8b12-4c3d-a1df-926fa565305a done, inquiry 4BQMXEPA"
    )
