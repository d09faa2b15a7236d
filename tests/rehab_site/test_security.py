import re
import subprocess
import sys

import pytest

from tests.servers import PROJECT_ROOT, production_environment


@pytest.fixture
def demo_site(demo):
    return demo


def test_check_deploy_is_clean_in_production_mode(db):
    environment = production_environment(
        ALLOWED_HOSTS="www.example.org",
        ADMISSIONS_NOTIFY_EMAILS="admissions@example.org",
    )
    del environment["SECURE_SSL_REDIRECT"], environment["SECURE_COOKIES"]

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("path", ["/", "/admin/login/", "/no-such-page/"])
def test_security_headers_on_public_pages_the_admin_and_error_pages(
    client, demo_site, path
):
    response = client.get(path, secure=True)

    assert response["X-Frame-Options"] == "DENY"
    # Admin URLs never leave the site in a Referer (tests/admissions/test_access_log.py).
    assert response["Referrer-Policy"] == (
        "same-origin"
        if path.startswith("/admin/")
        else "strict-origin-when-cross-origin"
    )
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        response["Strict-Transport-Security"]
        == "max-age=31536000; includeSubDomains; preload"
    )
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_public_pages_never_allow_inline_scripts_or_styles(client, demo_site):
    policy = client.get("/")["Content-Security-Policy"]

    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_only_the_admin_relaxes_styles_for_the_editor(client, demo_site):
    policy = client.get("/admin/login/")["Content-Security-Policy"]

    assert re.search(r"style-src [^;]*'unsafe-inline'", policy)
    assert not re.search(r"script-src [^;]*'unsafe-inline'", policy)


def test_every_inline_script_carries_the_nonce_and_no_element_has_an_inline_handler(
    client, demo_site
):
    for path in ("/", "/no-such-page/"):
        response = client.get(path)
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        for attributes, _body in re.findall(
            r"<script([^>]*)>(.*?)</script>", html, flags=re.S
        ):
            if "src=" in attributes or 'type="application/ld+json"' in attributes:
                continue
            assert nonce and f'nonce="{nonce.group(1)}"' in attributes, attributes
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html)
        assert "style=" not in html


def test_production_mode_sends_plain_http_to_https(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    from django.middleware.security import SecurityMiddleware

    middleware = SecurityMiddleware(lambda request: None)
    from django.test import RequestFactory

    response = middleware.process_request(RequestFactory().get("/treatment/"))

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/treatment/"


def test_a_bad_host_header_gets_a_400(client, db):
    response = client.get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400


def test_a_post_over_the_size_limit_gets_a_400(client, db, settings):
    response = client.post(
        "/admin/login/",
        data="x=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400


def test_a_post_with_too_many_fields_gets_a_400(client, db, settings):
    body = "&".join(
        f"f{index}=1" for index in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)
    )

    response = client.post(
        "/admin/login/", data=body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


def test_a_malformed_cookie_is_ignored(client, demo_site):
    client.cookies["sessionid"] = "%%not-a-session!!"

    assert client.get("/").status_code == 200
