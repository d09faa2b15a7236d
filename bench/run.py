"""The load benchmark behind `make bench`.

Sites: this checkout at each size in BENCH_SIZES (one database per size, topped up with
seed_bench), and the baseline commit (BENCH_BASELINE, by default the commit before
composed pages) on a database of the largest size of its own (its schema differs: its
own code migrates and seeds it), all served side by
side: gunicorn with gunicorn.conf.py and 2 workers, DEBUG off, PostgreSQL and a Redis
database of their own.

Modes, each page measured on every site in turn, `repeats` times round, keeping the median:
- app: wrk straight at gunicorn, with no cookie (a first visit), and no whole-page cache
  (the baseline's PAGE_CACHE_SECONDS=0; this checkout has none in the app).
- cold: the app mode with every template fragment built on each request
  (CACHE_FRAGMENTS=false), as pages render after an edit starts a new content
  generation (the values remember() keeps, such as the menus, the site's details and
  the page itself, stay cached: after an edit only the first request builds them);
  beside the program, addiction and article pages, a reference site's pages if
  BENCH_REFERENCE names them (see COLD_TARGETS).
- deployed: wrk at nginx in front of gunicorn, each site with its own deploy/nginx.conf
  and TLS, with whatever each caches: as a first visit (no cookie), and as a returning
  visitor (the CSRF cookie of a form started once, and an analytics cookie); next to
  them, the ceiling: the same nginx serving a static file exactly as large.
Then a client of our own posts admissions inquiries from several threads, and worker
memory is read. Results go to stdout and bench/results.md. Before all that, on the quiet
machine, the staff pages at the largest size (bench/admin_pages.py, in process, this
checkout and the baseline on data of the same size) go to bench/admin.md; `--admin-only` runs
that part alone.

Only 127.0.0.1 is ever targeted.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg2

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.servers import free_port, wait_until_answering  # noqa: E402

PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONNECTIONS = 16
CEILING_DIRECTORY = "/static/bench"
SEARCH_WORD = "recovery"
# The last commit before composed pages (issue 26), which this checkout is compared with;
# 4fe5eb6 is the one before this round's staff pages at volume, 6564d68 the one before
# the edge served first visits.
DEFAULT_BASELINE = "116494d"
# A returning visitor: a form started once (the CSRF cookie), and some analytics cookie.
RETURNING_VISITOR = "csrftoken=bench0returning0visitor0csrf0000; _ga=GA1.1.1234.5678"


# -- code, servers, nginx -------------------------------------------------------------------


@dataclass
class Checkout:
    """The code a site runs: this checkout, or another commit unpacked into a folder."""

    label: str
    root: Path
    static_root: Path

    @classmethod
    def of_commit(cls, commit: str, folder: Path) -> "Checkout":
        folder.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", commit],
            cwd=PROJECT_ROOT,
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        return cls(f"baseline {commit}", folder, folder / "staticfiles")


def base_environment(args, static_root: Path) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    environment.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        # A Fernet key for the insurance verifications' encrypted fields, for this run only.
        FIELD_ENCRYPTION_KEYS="YmVuY2gtb25seS1rZXktbm90LWEtc2VjcmV0LTAxMjM=",
        DATABASE_URL=args.database_url,
        CACHE_URL=args.cache_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
        STATIC_ROOT=str(static_root),
        # The submission load comes from one address and fills the form at machine speed;
        # these two are raised for the benchmark's server only, never in production.
        ADMISSIONS_MIN_FILL_SECONDS="0",
        ADMISSIONS_RATE_LIMIT="100000000",
    )
    return environment


class Server:
    """gunicorn with the checkout's gunicorn.conf.py and 2 workers, on a free loopback port."""

    def __init__(self, environment: dict, root: Path = PROJECT_ROOT):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "rehab_site.wsgi"],
            cwd=root,
            env={
                **environment,
                "PYTHONPATH": str(root),
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "2",
                "GUNICORN_THREADS": "1",
            },
        )

    def __enter__(self):
        wait_until_answering(f"{self.url}/healthz", timeout=60)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def worker_memory_mb(self) -> list[float]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes


NGINX_MAIN = """{user}worker_processes auto;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {run}/site.conf;
}}
"""


def nginx_main_config(run: Path) -> str:
    """nginx's main file, for a site in `run`/site.conf, keeping everything in `run`."""
    # Run as root, nginx's workers would otherwise be `nobody`, shut out of the run folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return NGINX_MAIN.format(run=run, user=user)


@contextlib.contextmanager
def nginx_in_front(checkout: Checkout, server: Server, run: Path, certificate):
    """The checkout's own deploy/nginx.conf, rendered by its deploy/render-nginx, in front
    of `server`; yields its HTTPS address."""
    run.mkdir(parents=True)
    https_port = free_port()
    site = subprocess.run(
        [PYTHON, str(checkout.root / "deploy" / "render-nginx"),
         f"upstream=127.0.0.1:{server.port}", f"http_listen=127.0.0.1:{free_port()}",
         f"https_listen=127.0.0.1:{https_port}", "server_name=localhost",
         f"certificate={certificate[0]}", f"certificate_key={certificate[1]}",
         f"static_root={checkout.static_root}", f"media_root={run / 'media'}",
         f"cache_dir={run / 'cache'}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    (run / "site.conf").write_text(site)
    (run / "nginx.conf").write_text(nginx_main_config(run))
    process = subprocess.Popen([NGINX, "-p", str(run), "-c", str(run / "nginx.conf")])
    url = f"https://127.0.0.1:{https_port}"
    try:
        deadline = time.monotonic() + 30
        while fetch(f"{url}/healthz")[0] != 200:
            if time.monotonic() > deadline:
                raise SystemExit(f"nginx at {url} did not answer")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "bench.key", folder / "bench.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def fetch(url: str, cookie: str = "") -> tuple[int, bytes, dict]:
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    if parts.scheme == "https":
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=30, context=context
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
    except OSError:
        return 0, b"", {}
    finally:
        connection.close()
    return response.status, body, {k.lower(): v for k, v in response.getheaders()}


# -- wrk --------------------------------------------------------------------------------


def parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int, cookie: str = "") -> dict:
    assert url.startswith(("http://127.0.0.1:", "https://127.0.0.1:")), url
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
         "--latency", *headers, url],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration_ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = parse_duration_ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(bad.group(1)) if bad else 0) + (
        sum(int(n) for n in socket.groups()) if socket else 0
    )
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors}


# -- the submissions load -----------------------------------------------------------------


def submit_inquiries(base_url: str, workers: int, per_worker: int) -> dict:
    """Each worker fetches the form and its tokens as the page's script does (keeping the
    CSRF cookie), and posts inquiries."""
    assert base_url.startswith("http://127.0.0.1:")
    port = int(base_url.rsplit(":", 1)[1])
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()

    def worker(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        jar: dict[str, str] = {}
        for i in range(per_worker):
            try:
                for path in ("/admissions/", "/admissions/form-tokens/"):
                    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
                    connection.request("GET", path, headers=headers)
                    response = connection.getresponse()
                    body = response.read()
                    for header in response.headers.get_all("Set-Cookie") or []:
                        for name, morsel in SimpleCookie(header).items():
                            jar[name] = morsel.value
                tokens = json.loads(body)
                form = {
                    "csrfmiddlewaretoken": tokens["csrf_token"],
                    "form_key": tokens["form_key"],
                    "name": f"Bench {number}-{i}",
                    "phone": "(828) 555-0142",
                    "email": f"bench{number}.{i}@example.com",
                    "for_whom": "self",
                    "message": "I would like to know about outpatient care.",
                    "consent": "on",
                    "form_page": "/admissions/",
                }
                connection.request(
                    "POST",
                    "/admissions/",
                    body=urllib.parse.urlencode(form),
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
                        "Referer": f"{base_url}/admissions/",
                        "Origin": base_url,
                    },
                )
                response = connection.getresponse()
                response.read()
                location = response.headers.get("Location", "")
                ok = response.status == 302 and "/thank-you/" in location
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                counts["ok" if ok else "errors"] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts["seconds"] = time.monotonic() - started
    return counts


# -- data -----------------------------------------------------------------------------------


def manage(
    args, *command: str, capture: bool = False, root: Path = PROJECT_ROOT
) -> str:
    environment = base_environment(args, Path(tempfile.gettempdir()))
    result = subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=root,
        env={**environment, "PYTHONPATH": str(root)},
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


URLS_SCRIPT = """
import json
from blog.models import Article, Category
from programs.models import Condition, Insurer, Page, Program
from admissions.models import Inquiry
live = Article.objects.live()
landing = Page.objects.live().filter(slug="alcohol-rehab-asheville").first()
article = live.order_by("pk")[live.count() // 2]
print(json.dumps({
    "article": article.get_absolute_url(),
    "category": Category.objects.filter(articles__isnull=False).order_by("pk").first().get_absolute_url(),
    "program": Program.objects.live().order_by("pk").first().get_absolute_url(),
    "addiction": Condition.objects.live().order_by("pk").first().get_absolute_url(),
    "carrier": Insurer.objects.with_pages().order_by("pk").first().get_absolute_url(),
    "inquiries": Inquiry.objects.count(),
    "landing": landing.get_absolute_url() if landing else "",
}))
"""


def site_facts(args, root: Path = PROJECT_ROOT) -> dict:
    """The addresses to measure, found by the site's own code in its own database."""
    output = manage(args, "shell", "-c", URLS_SCRIPT, capture=True, root=root)
    return json.loads(output.strip().splitlines()[-1])


def pages(args, root: Path = PROJECT_ROOT) -> list[tuple[str, str]]:
    found = site_facts(args, root)
    return [
        ("home", "/"),
        ("about page", "/about/"),
        # A composed campaign page (a checkout from before composed pages has none).
        *([("landing page", found["landing"])] if found["landing"] else []),
        ("blog list", "/blog/"),
        ("article", found["article"]),
        ("category", found["category"]),
        (f"search “{SEARCH_WORD}”", f"/blog/search/?q={SEARCH_WORD}"),
        ("program", found["program"]),
        ("addiction", found["addiction"]),
        ("sitemap.xml", "/sitemap.xml"),
        ("RSS feed", "/blog/feed/"),
        ("admissions form", "/admissions/"),
        ("carrier page", found["carrier"]),
        ("verify insurance", "/admissions/verify-insurance/"),
    ]


def flush_cache(args) -> None:
    parts = urllib.parse.urlsplit(args.cache_url)
    database = parts.path.strip("/") or "0"
    subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", str(parts.port or 6379), "-n", database,
         "FLUSHDB"],
        check=True, capture_output=True,
    )  # fmt: skip


def ensure_database(database_url: str, fresh: bool = False) -> str:
    """Create the PostgreSQL database `database_url` names if it is missing (`fresh`:
    drop it first); return the URL."""
    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.strip("/")
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or ""),
        password=urllib.parse.unquote(parts.password or ""),
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return database_url


def database_for_size(
    database_url: str, articles: int, suffix: str = "", fresh: bool = False
) -> str:
    """One database per size (rehab_bench_1000, rehab_bench_100000), so that a second run
    finds its data already seeded; a baseline's (`suffix`) is made afresh each run, since
    its pictures live in its checkout, which the run makes and removes."""
    parts = urllib.parse.urlsplit(database_url)
    sized = parts._replace(path=f"/{parts.path.strip('/')}_{articles}{suffix}")
    return ensure_database(urllib.parse.urlunsplit(sized), fresh=fresh)


def cache_for_site(cache_url: str, position: int) -> str:
    """A Redis database of its own for each site: /11, /12, ... when BENCH_CACHE_URL is /11."""
    parts = urllib.parse.urlsplit(cache_url)
    database = int(parts.path.strip("/") or 0) + position
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))


# -- staff pages --------------------------------------------------------------------------

# Every admin list, filter, sort, search, the dashboard and the reports, at the largest
# size, in process (bench/admin_pages.py): each at most this, in milliseconds.
ADMIN_TARGET_MS = 150


def admin_pages(checkout: Checkout, args) -> dict:
    """bench/admin_pages.py's figures for the checkout's code on the database `args` names."""
    result = subprocess.run(
        [PYTHON, str(PROJECT_ROOT / "bench" / "admin_pages.py")],
        cwd=checkout.root,
        env={
            **base_environment(args, checkout.static_root),
            "PYTHONPATH": str(checkout.root),
        },
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


def write_admin_results(
    ours: dict, baseline: dict | None, label: str, path: Path
) -> str:
    rows = ", ".join(f"{count:,} {name}" for name, count in ours["rows"].items())
    before = {page["page"]: page for page in (baseline or {}).get("pages", [])}
    slow = [page for page in ours["pages"] if page["ms"] > ADMIN_TARGET_MS]
    lines = [
        "# Staff pages at volume",
        "",
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on "
        f"{os.cpu_count()} CPU cores ({platform_line()}), by `make bench` "
        "(bench/admin_pages.py): in process, signed in as a superuser, on PostgreSQL "
        f"holding {rows}. Each page: one warm-up, then the median of "
        "5 requests, and the queries one request made. Every changelist, and the "
        "links on it: each filter's choices (up to 8), each column's sorting, the last "
        "page, the year links, the queue's views, a report's periods; and a search. "
        "A list of one object (site settings, the home page) is timed at its form. "
        "The baseline runs on a database of the same size that its own code migrated "
        "and seeded. "
        f"Target: at most {ADMIN_TARGET_MS} ms each; "
        + (
            f"**{len(slow)} of {len(ours['pages'])} pages over it.**"
            if slow
            else f"all {len(ours['pages'])} pages within it."
        ),
        "",
        f"| page | {label + ': ' if baseline else ''}ms | queries | "
        + ("this checkout: ms | queries | " if baseline else "")
        + "status |",
        "|---|---:|---:|" + ("---:|---:|" if baseline else "") + "---|",
    ]
    for page in sorted(ours["pages"], key=lambda page: -page["ms"]):
        flag = "**" if page["ms"] > ADMIN_TARGET_MS else ""
        cells = []
        if baseline:
            old = before.get(page["page"])
            cells += [f"{old['ms']:.0f}", str(old["queries"])] if old else ["–", "–"]
        cells += [f"{flag}{page['ms']:.0f}{flag}", str(page["queries"])]
        lines.append(
            f"| {page['page']} | " + " | ".join(cells) + f" | {page['status']} |"
        )
    text = "\n".join(lines) + "\n"
    path.write_text(text)
    return text


def admin_run(
    args, checkouts: list[Checkout], sized: argparse.Namespace, baseline_sized=None
) -> str:
    ours = admin_pages(checkouts[0], sized)
    baseline = (
        admin_pages(checkouts[1], baseline_sized or sized)
        if len(checkouts) > 1
        else None
    )
    label = checkouts[1].label if baseline else ""
    return write_admin_results(ours, baseline, label, Path(args.admin_output))


# -- the run ------------------------------------------------------------------------------


@dataclass
class Site:
    name: str
    articles: int
    checkout: Checkout
    args: argparse.Namespace
    targets: list = field(default_factory=list)
    sizes: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)
    memory: dict = field(default_factory=dict)
    submissions: dict | None = None

    def environment(self, mode: str) -> dict:
        environment = base_environment(self.args, self.checkout.static_root)
        # The baseline's page cache lives in the app: off when the app is measured alone.
        environment["PAGE_CACHE_SECONDS"] = "0" if mode in ("app", "cold") else "600"
        if mode == "cold":
            environment["CACHE_FRAGMENTS"] = "false"
        return environment


def seed(args, articles: int, checkout: "Checkout | None" = None) -> argparse.Namespace:
    """A database of `articles` articles, migrated and seeded by `checkout`'s own code
    (this one by default): a baseline whose schema differs gets a database of its own."""
    baseline = checkout is not None
    database = database_for_size(
        args.database_url, articles, "_baseline" if baseline else "", fresh=baseline
    )
    sized = argparse.Namespace(**{**vars(args), "database_url": database})
    root = checkout.root if checkout is not None else PROJECT_ROOT
    print(f"\n== {articles} articles: seeding ({root})", flush=True)
    manage(sized, "migrate", "--no-input", "-v0", root=root)
    manage(sized, "seed_bench", "--articles", str(articles), "--inquiries",
           str(args.inquiries), root=root)  # fmt: skip
    return sized


def collect_static(checkout: Checkout, args) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=checkout.root,
        env={
            **base_environment(args, checkout.static_root),
            "PYTHONPATH": str(checkout.root),
        },
        check=True,
    )


def write_ceilings(site: Site) -> None:
    """For each page, a static file exactly as large, in the static root nginx serves."""
    flush_cache(site.args)
    with Server(site.environment("app"), site.checkout.root) as server:
        for index, (name, path) in enumerate(site.targets):
            status, body, _ = fetch(server.url + path)
            assert status == 200, (site.name, status, path)
            ceiling = site.checkout.static_root / "bench" / f"{site.name}-{index}.html"
            ceiling.parent.mkdir(parents=True, exist_ok=True)
            ceiling.write_bytes(body)
            site.sizes[name] = len(body)


def run_mode(args, sites: list[Site], mode: str, work: Path, certificate) -> None:
    """Every site's server at once; each page measured on every site in turn, and in the
    deployed mode next to its ceiling, `repeats` times round, keeping the median: a machine
    that slows down for a moment then touches all sites alike."""
    for site in sites:
        flush_cache(site.args)
    with contextlib.ExitStack() as stack:
        servers = [
            stack.enter_context(Server(site.environment(mode), site.checkout.root))
            for site in sites
        ]
        fronts = [
            stack.enter_context(
                nginx_in_front(
                    site.checkout,
                    server,
                    work / f"nginx-{mode}-{site.name}",
                    certificate,
                )
            )
            if mode == "deployed"
            else server.url
            for site, server in zip(sites, servers, strict=True)
        ]
        if mode == "deployed":
            for site, front in zip(sites, fronts, strict=True):
                check_what_is_cached(site, front)
        for name, _ in sites[0].targets:
            runs = []  # (site, kind, url)
            for site, front in zip(sites, fronts, strict=True):
                # A page the site has (a baseline may lack a newer kind of page).
                found = [
                    (index, path)
                    for index, (other, path) in enumerate(site.targets)
                    if other == name
                ]
                if not found:
                    continue
                index, path = found[0]
                runs.append((site, mode, front + path))
                if mode == "cold" and site.checkout.root == PROJECT_ROOT:
                    # The reference site's page of the same kind, measured beside it.
                    reference = reference_page(args, name)
                    if reference:
                        runs.append((site, "reference", reference))
                if mode == "deployed":
                    runs.append((site, "returning", front + path))
                    ceiling = f"{CEILING_DIRECTORY}/{site.name}-{index}.html"
                    runs.append((site, "ceiling", front + ceiling))
            for _, kind, url in runs:
                status, _, _ = fetch(url, COOKIES[kind])
                if status != 200:
                    raise SystemExit(f"{url} answered {status}")
                wrk(url, args.warmup, COOKIES[kind])
            samples = {(kind, url): [] for _, kind, url in runs}
            for _ in range(args.repeats):
                for _, kind, url in runs:
                    samples[kind, url].append(wrk(url, args.seconds, COOKIES[kind]))
            for site, kind, url in runs:
                ordered = sorted(samples[kind, url], key=lambda sample: sample["rps"])
                median = {**ordered[len(ordered) // 2], "name": name, "mode": kind}
                median["errors"] = sum(sample["errors"] for sample in ordered)
                site.rows.append(median)
                each = ", ".join(
                    f"{sample['rps']:.0f}" for sample in samples[kind, url]
                )
                print(
                    f"  {site.name:>16} {kind:8} {name:22} {median['rps']:8.0f} req/s  "
                    f"p50 {median['p50']:6.1f} ms  p99 {median['p99']:6.1f} ms  "
                    f"errors {median['errors']}  (runs: {each})",
                    flush=True,
                )
        for site, server in zip(sites, servers, strict=True):
            if mode == "deployed":
                site.submissions = submissions_run(args, site, server)
            site.memory[mode] = server.worker_memory_mb()


# The cookies each kind of measurement sends: a first visit none.
COOKIES = {
    "app": "",
    "cold": "",
    "reference": "",
    "deployed": "",
    "returning": RETURNING_VISITOR,
    "ceiling": "",
}


def check_what_is_cached(site: Site, front: str) -> None:
    """That this checkout's nginx serves a first visitor the kept home page."""
    if site.checkout.root != PROJECT_ROOT:
        return
    fetch(front + "/")
    _, _, headers = fetch(front + "/")
    if headers.get("x-cache-status") != "HIT":
        raise SystemExit(
            f"{site.name}: the home page was not served from nginx's cache"
        )


def recycling_run(args, site: Site) -> list[str]:
    """The fastest uncached page straight at gunicorn, with workers recycled every 5,000
    requests (the old setting) and with gunicorn.conf.py's own setting, side by side."""
    flush_cache(site.args)
    settings = {"every 5,000 requests": "5000", "gunicorn.conf.py's setting": None}
    rows = []
    with contextlib.ExitStack() as stack:
        servers = {}
        for label, value in settings.items():
            environment = site.environment("app")
            if value:
                environment["GUNICORN_MAX_REQUESTS"] = value
            servers[label] = stack.enter_context(Server(environment))
        for server in servers.values():
            wrk(server.url + "/", args.warmup, RETURNING_VISITOR)
        samples = {label: [] for label in servers}
        for _ in range(args.repeats):
            for label, server in servers.items():
                samples[label].append(
                    wrk(server.url + "/", args.seconds * 2, RETURNING_VISITOR)
                )
        for label, server in servers.items():
            ordered = sorted(samples[label], key=lambda sample: sample["rps"])
            median = ordered[len(ordered) // 2]
            memory = ", ".join(f"{mb:.0f} MB" for mb in server.worker_memory_mb())
            rows.append(
                f"| {label} | {median['rps']:.0f} | {median['p99']:.1f} | {memory} |"
            )
            print(
                f"  recycling {label}: {median['rps']:.0f} req/s, {memory}", flush=True
            )
    return [
        f"## Worker recycling ({site.articles:,} articles, home page straight at gunicorn)",
        "",
        "| workers replaced | req/s | p99 ms | worker memory after |",
        "|---|---:|---:|---|",
        *rows,
        "",
    ]


def submissions_run(args, site: Site, server: Server) -> dict:
    before = site_facts(site.args, site.checkout.root)["inquiries"]
    submissions = submit_inquiries(server.url, args.submit_workers, args.submit_each)
    submissions["stored"] = (
        site_facts(site.args, site.checkout.root)["inquiries"] - before
    )
    submissions["per_second"] = submissions["stored"] / submissions["seconds"]
    print(
        f"  {site.name:>16} submissions: {submissions['stored']} stored in "
        f"{submissions['seconds']:.1f} s = {submissions['per_second']:.0f}/s, "
        f"{submissions['errors']} errors",
        flush=True,
    )
    return submissions


# -- the report -----------------------------------------------------------------------------

# The targets of issue 12 at the largest size (requests per second, or a ratio).
APP_TARGETS = {"article": 300, "blog list": 300, "program": 300, "addiction": 300,
               "admissions form": 150}  # fmt: skip
# Issue 25: through nginx, a first visit to each page kept at the edge, forms included, is
# served at 80% of the rate of a static file as large. Search is read by the app.
CACHED_SHARE_TARGET = 0.8
# Cold pages (fragments off) against a reference site's page of the same kind, given by
# BENCH_REFERENCE ("location page=URL,blog post=URL"): issue 25 measured Wagtail's
# bakerydemo, run by hand on this machine (it cannot be installed offline).
COLD_TARGETS = {
    "program": ("location page", 2),
    "addiction": ("location page", 2),
    "article": ("blog post", 3),
}


def reference_pages(setting: str) -> dict[str, str]:
    """BENCH_REFERENCE read: {"location page": URL, "blog post": URL}. A label it does
    not know, or a pair without "=", stops the run with the labels it takes."""
    known = {reference for reference, _ in COLD_TARGETS.values()}
    pages = {}
    for pair in filter(None, (part.strip() for part in setting.split(","))):
        label, _, url = pair.partition("=")
        if label.strip() not in known or not url.strip():
            raise SystemExit(
                f"BENCH_REFERENCE: {pair!r} is not a page it compares with; give "
                + " and ".join(f"'{label}=URL'" for label in sorted(known))
                + ", separated by a comma."
            )
        pages[label.strip()] = url.strip()
    return pages


def reference_page(args, name: str) -> str:
    """The reference site's page that our page `name` is held to, or ""."""
    if name not in COLD_TARGETS:
        return ""
    return args.reference.get(COLD_TARGETS[name][0], "")


NOT_KEPT = {f"search “{SEARCH_WORD}”"}
SLOWER_LIMIT = 0.10


def by_key(site: Site) -> dict:
    return {(row["name"], row["mode"]): row for row in site.rows}


def write_results(args, sites: list[Site], recycling: list[str], path: Path) -> str:
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        "# Benchmark results",
        "",
        f"Run {now:%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPU cores "
        f"({platform_line()}), by `make bench`. Load average when it finished: "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}.",
        f"Each site: gunicorn with its gunicorn.conf.py, 2 sync workers, DEBUG off, "
        f"PostgreSQL, Redis; wrk -t2 -c{CONNECTIONS} -d{args.seconds}s after a "
        f"{args.warmup} s warm-up, the median of {args.repeats} runs taken in turn with "
        f"the other sites', on the same machine as the servers. **App** = wrk straight "
        f"at gunicorn as a first-time visitor (no cookie), with no whole-page cache. "
        f"**Cold** = the same with every template fragment built on each request "
        f"(`CACHE_FRAGMENTS=false`; what `remember()` keeps, such as the menus, stays "
        f"cached), as pages render after an edit. "
        f"**Deployed** = wrk at the site's own deploy/nginx.conf (TLS) in front of "
        f"gunicorn as a first-time visitor (no cookie), with what each site caches; "
        f"**returning** = the same with a returning visitor's cookies (`{RETURNING_VISITOR}`). "
        f"**Ceiling** = the same nginx serving a static file exactly as large as the page.",
        "",
    ]
    lines += targets_section(sites)
    for site in sites:
        rows = by_key(site)
        lines += [
            f"## {site.name}: {site.checkout.label}, {site.articles:,} articles",
            "",
            "| page | bytes | app req/s | app p50 ms | app p99 ms | cold req/s | cold p50 ms | first visit req/s | first visit p99 ms | returning req/s | ceiling req/s | first visit / ceiling | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, _ in site.targets:
            app, deployed = rows[(name, "app")], rows[(name, "deployed")]
            cold = rows[(name, "cold")]
            returning, ceiling = rows[(name, "returning")], rows[(name, "ceiling")]
            errors = sum(
                row["errors"] for row in (app, cold, deployed, returning, ceiling)
            )
            lines.append(
                f"| {name} | {site.sizes[name]:,} | {app['rps']:.0f} | {app['p50']:.1f} "
                f"| {app['p99']:.1f} | {cold['rps']:.0f} | {cold['p50']:.1f} "
                f"| {deployed['rps']:.0f} | {deployed['p99']:.1f} "
                f"| {returning['rps']:.0f} | {ceiling['rps']:.0f} "
                f"| {deployed['rps'] / ceiling['rps']:.0%} | {errors} |"
            )
        s = site.submissions
        lines += [
            "",
            f"Submissions ({args.submit_workers} concurrent clients, each GET form + "
            f"POST, straight at gunicorn): {s['stored']} inquiries stored in "
            f"{s['seconds']:.1f} s = **{s['per_second']:.0f} per second**, "
            f"{s['errors']} errors ({s['ok']} redirects to the thank-you page).",
            "",
            "Worker resident memory after each mode (VmRSS): "
            + "; ".join(
                f"{mode}: " + ", ".join(f"{mb:.0f} MB" for mb in sizes)
                for mode, sizes in site.memory.items()
            )
            + ".",
            "",
        ]
    lines += growth_section(
        [site for site in sites if site.checkout.root == PROJECT_ROOT]
    )
    lines += recycling
    text = "\n".join(lines)
    existing = path.read_text() if path.exists() else ""
    marker = "<!-- lighthouse -->"
    tail = existing[existing.index(marker) :] if marker in existing else ""
    path.write_text(text + ("\n" + tail if tail else ""))
    return text


def targets_section(sites: list[Site]) -> list[str]:
    ours = [site for site in sites if site.checkout.root == PROJECT_ROOT]
    largest = max(ours, key=lambda site: site.articles)
    baseline = next(
        (site for site in sites if site.checkout.root != PROJECT_ROOT), None
    )
    rows = by_key(largest)
    lines = [f"## Targets at {largest.articles:,} articles", ""]
    lines += ["| target | page | measured | met |", "|---|---|---:|---|"]
    for name, target in APP_TARGETS.items():
        rps = rows[(name, "app")]["rps"]
        lines.append(
            f"| app ≥ {target} req/s | {name} | {rps:.0f} | {'yes' if rps >= target else '**no**'} |"
        )
    for name, _ in largest.targets:
        if name in NOT_KEPT:
            continue
        for kind in ("deployed", "returning"):
            share = rows[(name, kind)]["rps"] / rows[(name, "ceiling")]["rps"]
            met = "yes" if share >= CACHED_SHARE_TARGET else "**no**"
            who = "first visit" if kind == "deployed" else "returning visitor"
            lines.append(
                f"| {who} through nginx ≥ {CACHED_SHARE_TARGET:.0%} of its static file "
                f"| {name} | {share:.0%} | {met} |"
            )
    for name, (reference, times) in COLD_TARGETS.items():
        if (name, "reference") not in rows:
            continue
        ratio = rows[(name, "cold")]["rps"] / rows[(name, "reference")]["rps"]
        lines.append(
            f"| cold ≥ {times}× the reference site's {reference} "
            f"({rows[(name, 'reference')]['rps']:.0f} req/s, measured beside it) "
            f"| {name} | {ratio:.2f}× | {'yes' if ratio >= times else '**no**'} |"
        )
    lines.append("")
    if baseline is None:
        return lines
    old = by_key(baseline)
    lines += [
        f"### Compared with {baseline.checkout.label}, same data, same run",
        "",
        "| page | app: before | app: now | change | cold: before | cold: now | change | deployed: before | deployed: now | change |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, _ in largest.targets:
        # A kind of page the baseline lacks (a composed landing page) is held to the
        # baseline's home page, the page it stands in for.
        against = name if (name, "app") in old else "home"
        cells = []
        for mode in ("app", "cold", "deployed"):
            before, now = old[(against, mode)]["rps"], rows[(name, mode)]["rps"]
            change = now / before - 1
            flag = "**" if change < -SLOWER_LIMIT else ""
            cells += [f"{before:.0f}", f"{now:.0f}", f"{flag}{change:+.0%}{flag}"]
        label = name if against == name else f"{name} (before: the home page)"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"A change in bold is a page more than {SLOWER_LIMIT:.0%} slower than before. "
        "Deployed is a first visit (no cookie), each checkout behind its own "
        "deploy/nginx.conf, keeping what that configuration keeps; search is read by "
        "the app in both.",
        "",
    ]
    return lines


def growth_section(ours: list[Site]) -> list[str]:
    if len(ours) < 2:
        return []
    small, large = ours[0], ours[-1]
    a, b = by_key(small), by_key(large)
    lines = [
        f"## Growth from {small.articles:,} to {large.articles:,} articles",
        "",
        "| page | app change | deployed change |",
        "|---|---:|---:|",
    ]
    for name, _ in small.targets:
        lines.append(
            f"| {name} | {b[(name, 'app')]['rps'] / a[(name, 'app')]['rps'] - 1:+.0%} "
            f"| {b[(name, 'deployed')]['rps'] / a[(name, 'deployed')]['rps'] - 1:+.0%} |"
        )
    lines.append("")
    return lines


def platform_line() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return sys.platform


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The database and cache the benchmarked server uses (shared with lighthouse.py)."""
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rehab_bench"
        ),
    )
    parser.add_argument(
        "--cache-url",
        default=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/11"),
    )


def main() -> None:
    # A stopped run (Ctrl-C, kill) still stops the servers it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", "1000,100000"),
        help="comma-separated article counts, smallest first",
    )
    parser.add_argument(
        "--baseline",
        default=os.environ.get("BENCH_BASELINE", DEFAULT_BASELINE),
        help="a commit to compare with at the largest size ('' for none)",
    )
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5))
    )
    parser.add_argument(
        "--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 3))
    )
    parser.add_argument(
        "--reference",
        default=os.environ.get("BENCH_REFERENCE", ""),
        help="a reference site's pages for the cold comparison: "
        "'location page=http://127.0.0.1:8801/...,blog post=http://127.0.0.1:8801/...'",
    )
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--submit-workers", type=int, default=8)
    parser.add_argument("--submit-each", type=int, default=50)
    parser.add_argument("--output", default=str(PROJECT_ROOT / "bench" / "results.md"))
    parser.add_argument(
        "--admin-output", default=str(PROJECT_ROOT / "bench" / "admin.md")
    )
    parser.add_argument(
        "--admin-only",
        action="store_true",
        help="only the staff pages, at the largest size (bench/admin.md)",
    )
    args = parser.parse_args()
    args.reference = reference_pages(args.reference)
    for url in (args.database_url, args.cache_url, *args.reference.values()):
        host = urllib.parse.urlsplit(url).hostname
        if host not in ("127.0.0.1", "localhost"):
            raise SystemExit(
                f"The benchmark only runs against this machine, not {host}."
            )
    for tool in ("wrk", "openssl", NGINX):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: `make bench` installs it as root.")
    sizes = sorted(int(size) for size in args.sizes.split(","))

    work = Path(tempfile.mkdtemp(prefix="rehab-bench-"))
    try:
        this = Checkout("this checkout", PROJECT_ROOT, work / "static")
        checkouts = [this]
        if args.baseline:
            checkouts.append(Checkout.of_commit(args.baseline, work / "baseline"))
        for checkout in checkouts:
            collect_static(checkout, args)
        baseline_seeded = seed(args, sizes[-1], checkouts[1]) if args.baseline else None
        if args.admin_only:
            print(admin_run(args, checkouts, seed(args, sizes[-1]), baseline_seeded))
            return
        seeded = {articles: seed(args, articles) for articles in sizes}
        # First, while the machine is quiet and before the submissions add inquiries.
        admin = admin_run(args, checkouts, seeded[sizes[-1]], baseline_seeded)
        sites = [
            Site(f"{articles}", articles, this, seeded[articles]) for articles in sizes
        ]
        if args.baseline:
            sites.append(
                Site(f"baseline-{sizes[-1]}", sizes[-1], checkouts[1], baseline_seeded)
            )
        for position, site in enumerate(sites):
            site.args = argparse.Namespace(
                **{
                    **vars(site.args),
                    "cache_url": cache_for_site(args.cache_url, position),
                }
            )
            site.targets = pages(site.args, site.checkout.root)
            write_ceilings(site)
        certificate = self_signed_certificate(work)
        for mode in ("app", "cold", "deployed"):
            run_mode(args, sites, mode, work, certificate)
        largest = [site for site in sites if site.checkout is this][-1]
        recycling = recycling_run(args, largest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(write_results(args, sites, recycling, Path(args.output)))
    print(admin)


if __name__ == "__main__":
    main()
