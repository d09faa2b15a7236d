"""deploy/nginx.conf for real: Debian's nginx with TLS in front of gunicorn."""

import datetime
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from tests.servers import (
    PROJECT_ROOT,
    SHARES_THE_TEST_DATABASE,
    free_port,
    gunicorn,
    production_environment,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.skipif(
        not shutil.which("openssl"), reason="openssl is part of every Debian install"
    ),
    SHARES_THE_TEST_DATABASE,
]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "site.key", folder / "site.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def server_settings():
    """What the app server below is started with, besides production's settings."""
    return {}


@pytest.fixture
def stack(
    transactional_db, demo, tmp_path, certificate, collected_static, server_settings
):
    """gunicorn on one port, nginx on two more (HTTP and HTTPS), all on 127.0.0.1."""
    environment = production_environment(
        TRUSTED_PROXIES="127.0.0.1", SECURE_PROXY_SSL_HEADER="true"
    )
    config = server_settings.pop("config", "gunicorn.conf.py")
    environment.update(server_settings)
    # The demo's pictures are in the test's MEDIA_ROOT.
    static_root, media_root = collected_static, Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    environment["MEDIA_ROOT"] = str(media_root)
    environment["STATIC_ROOT"] = str(static_root)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    site = subprocess.run(
        [str(PROJECT_ROOT / "deploy" / "render-nginx"), f"upstream=127.0.0.1:{app_port}",
         f"http_listen=127.0.0.1:{http_port}", f"https_listen=127.0.0.1:{https_port}",
         "server_name=localhost", f"certificate={certificate[0]}", f"certificate_key={certificate[1]}",
         f"static_root={static_root}", f"media_root={media_root}", f"cache_dir={tmp_path / 'cache'}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {tmp_path}/body;\n proxy_temp_path {tmp_path}/proxy;\n"
        f" fastcgi_temp_path {tmp_path}/fastcgi;\n uwsgi_temp_path {tmp_path}/uwsgi;\n"
        f" scgi_temp_path {tmp_path}/scgi;\n include {tmp_path}/site.conf;\n}}\n"
    )
    subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        check=True,
        capture_output=True,
    )
    # One worker is enough for these requests, one after another; starting each costs a
    # second of importing.
    with gunicorn(environment, workers=1, port=app_port, config=config):
        nginx = subprocess.Popen(
            [
                NGINX,
                "-p",
                str(tmp_path),
                "-c",
                str(tmp_path / "nginx.conf"),
                "-g",
                "daemon off;",
            ]
        )
        try:
            wait_for_port(https_port)
            yield {"http_port": http_port, "https_port": https_port}
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


def https_get(
    port: int, path: str, headers: dict | None = None
) -> tuple[http.client.HTTPResponse, bytes]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection(
        "127.0.0.1", port, context=context, timeout=10
    )
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    return response, response.read()


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def test_a_page_through_nginx_carries_the_security_headers(stack):
    response, body = https_get(stack["https_port"], "/")

    assert response.status == 200
    assert b"Willow Ridge Recovery" in body
    headers = {name.lower(): value for name, value in response.getheaders()}
    assert (
        headers["strict-transport-security"]
        == "max-age=31536000; includeSubDomains; preload"
    )
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-request-id"]


def test_static_files_through_nginx_are_hashed_compressed_and_cached_for_a_year(stack):
    _, body = https_get(stack["https_port"], "/")
    stylesheet = (
        re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
        .group(1)
        .decode()
    )

    response, _ = https_get(
        stack["https_port"], stylesheet, headers={"Accept-Encoding": "gzip"}
    )

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "immutable" in response.getheader("Cache-Control")
    assert "max-age=31536000" in response.getheader("Cache-Control")


def test_plain_http_is_sent_to_https(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack["http_port"], timeout=10)
    connection.request("GET", "/treatment/", headers={"Host": "localhost"})
    response = connection.getresponse()

    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/treatment/"


def test_the_admin_is_never_cached_through_nginx(stack):
    response, _ = https_get(stack["https_port"], "/admin/login/")

    assert response.status == 200
    assert "no-store" in response.getheader("Cache-Control")
    assert "unsafe-inline" in response.getheader("Content-Security-Policy")


# -- the page cache at the edge ---------------------------------------------------------------


def visit(port: int, path: str, cookie: str = "", host="localhost"):
    headers = {"Host": host, **({"Cookie": cookie} if cookie else {})}
    response, body = https_get(port, path, headers=headers)
    return response.getheader("X-Cache-Status"), response, body


def test_a_first_visitors_page_comes_from_nginx_the_second_time_forms_included(stack):
    from programs.models import Insurer

    port = stack["https_port"]
    carrier = Insurer.objects.with_pages().first()
    paths = [
        "/treatment/",
        "/treatment/detox/",
        "/admissions/",
        "/admissions/verify-insurance/",
        carrier.get_absolute_url(),
    ]
    for path in paths:
        first, _, _ = visit(port, path)
        second, response, body = visit(port, path)

        assert (first, second) == ("MISS", "HIT"), path
        assert response.status == 200, path
        assert response.getheader("Set-Cookie") is None, path
        assert response.getheader("Cache-Control").startswith("public, max-age="), path
    assert b'name="form_key" value=""' in body


def test_a_campaign_link_gets_the_kept_page_and_a_form_still_reaches_the_app(stack):
    port = stack["https_port"]
    visit(port, "/treatment/detox/")

    campaign, _, _ = visit(
        port, "/treatment/detox/?utm_source=google&utm_campaign=detox&gclid=abc1"
    )
    # A visitor who started a form once (the CSRF cookie) still gets kept pages.
    returning, _, _ = visit(
        port, "/treatment/detox/", cookie=f"csrftoken={'a' * 32}; _ga=GA1.1.123"
    )
    tokens, response, _ = visit(port, "/admissions/form-tokens/")

    assert (campaign, returning) == ("HIT", "HIT")
    assert tokens in (None, "MISS", "BYPASS")
    assert "no-store" in response.getheader("Cache-Control")


def test_signed_in_staff_always_reach_the_app(stack):
    port = stack["https_port"]
    visit(port, "/treatment/")

    status, _, _ = visit(port, "/treatment/", cookie="csrftoken=x; sessionid=abc")

    assert status == "BYPASS"


def test_a_query_string_other_than_a_page_number_is_never_kept(stack):
    port = stack["https_port"]

    statuses = [visit(port, "/blog/?utm_source=ad&x=1")[0] for _ in range(2)]
    paged = [visit(port, "/blog/?page=1")[0] for _ in range(2)]

    assert statuses == ["BYPASS", "BYPASS"]
    assert paged == ["MISS", "HIT"]


def test_each_host_has_its_own_copy(stack):
    port = stack["https_port"]
    visit(port, "/blog/", host="localhost")

    status, _, body = visit(port, "/blog/", host="127.0.0.1")

    assert status == "MISS"
    assert b"https://127.0.0.1/blog/" in body
    assert b"https://localhost/" not in body


def test_thank_you_pages_and_the_admin_are_never_kept(stack):
    port = stack["https_port"]
    for path in ("/admissions/thank-you/", "/admin/login/"):
        for _ in range(2):
            status, response, _ = visit(port, path)
            assert status in (None, "MISS", "BYPASS"), path
            assert "public" not in response.getheader("Cache-Control"), path


@pytest.mark.parametrize("server_settings", [{"PUBLIC_MAX_AGE": "3600"}])
def test_the_edge_keeps_a_page_no_longer_than_until_the_next_scheduled_article(
    stack, server_settings
):
    from blog.models import Article

    due = timezone.now() + datetime.timedelta(minutes=2)
    scheduled = Article.objects.live().first()
    scheduled.publish_at = due
    scheduled.save()

    _, response, _ = visit(stack["https_port"], "/blog/")

    max_age = int(response.getheader("Cache-Control").split("max-age=")[1])
    assert 60 < max_age <= 120
