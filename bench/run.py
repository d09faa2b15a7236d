"""The load benchmark behind `make bench`.

For each data size it tops up that size's own database with seed_bench. Then, cold
(PAGE_CACHE_SECONDS=0) and warm (page cache on), it starts the production server
(gunicorn.conf.py, 2 workers, DEBUG off, PostgreSQL, Redis cache) once per size, side by
side on free loopback ports, and measures every page with wrk at 16 connections at each
size in turn, so that the sizes meet the same machine. For each page, a static file
exactly as large, served by the same gunicorn and WhiteNoise, is its ceiling, measured
right after it. Then a client of our own posts admissions inquiries from several threads.
Results go to stdout and to bench/results.md.

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
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg2

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.servers import free_port, wait_until_answering  # noqa: E402

PYTHON = sys.executable
CONNECTIONS = 16
CEILING_DIRECTORY = "/static/bench"
SEARCH_WORD = "recovery"


# -- the server -------------------------------------------------------------------------


def base_environment(args, static_root: Path, page_cache_seconds: int) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    environment.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DATABASE_URL=args.database_url,
        CACHE_URL=args.cache_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
        STATIC_ROOT=str(static_root),
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        # The submission load comes from one address and fills the form at machine speed;
        # these two are raised for the benchmark's server only, never in production.
        ADMISSIONS_MIN_FILL_SECONDS="0",
        ADMISSIONS_RATE_LIMIT="100000000",
    )
    return environment


class Server:
    """gunicorn with the project's gunicorn.conf.py and 2 workers, on a free loopback port."""

    def __init__(self, environment: dict):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "rehab_site.wsgi"],
            cwd=PROJECT_ROOT,
            env={
                **environment,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "2",
                "GUNICORN_THREADS": "1",
                # No recycling in the middle of a measurement.
                "GUNICORN_MAX_REQUESTS": "0",
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


def fetch(url: str) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


# -- wrk --------------------------------------------------------------------------------


def parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int) -> dict:
    assert url.startswith("http://127.0.0.1:"), url
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
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


FIELD = re.compile(
    rb'<input[^>]*name="(csrfmiddlewaretoken|form_key)"[^>]*value="([^"]*)"'
)


def submit_inquiries(base_url: str, workers: int, per_worker: int) -> dict:
    """Each worker fetches the form, keeps its CSRF cookie and fields, and posts inquiries."""
    assert base_url.startswith("http://127.0.0.1:")
    port = int(base_url.rsplit(":", 1)[1])
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()

    def worker(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        jar: dict[str, str] = {}
        for i in range(per_worker):
            try:
                headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
                connection.request("GET", "/admissions/", headers=headers)
                response = connection.getresponse()
                page = response.read()
                for header in response.headers.get_all("Set-Cookie") or []:
                    for name, morsel in SimpleCookie(header).items():
                        jar[name] = morsel.value
                fields = {k.decode(): v.decode() for k, v in FIELD.findall(page)}
                form = {
                    **fields,
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


# -- the run ------------------------------------------------------------------------------


def manage(args, *command: str, capture: bool = False) -> str:
    environment = base_environment(args, Path(tempfile.gettempdir()), 0)
    result = subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=PROJECT_ROOT,
        env=environment,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


URLS_SCRIPT = """
import json
from blog.models import Article, Category
from programs.models import Program
live = Article.objects.live()
article = live.order_by("pk")[live.count() // 2]
print(json.dumps({
    "article": article.get_absolute_url(),
    "category": Category.objects.filter(articles__isnull=False).order_by("pk").first().get_absolute_url(),
    "program": Program.objects.live().order_by("pk").first().get_absolute_url(),
    "inquiries": __import__("admissions.models").models.Inquiry.objects.count(),
}))
"""


def count_inquiries(args) -> int:
    output = manage(args, "shell", "-c", URLS_SCRIPT, capture=True)
    return json.loads(output.strip().splitlines()[-1])["inquiries"]


def pages(args) -> list[tuple[str, str]]:
    found = json.loads(
        manage(args, "shell", "-c", URLS_SCRIPT, capture=True).strip().splitlines()[-1]
    )
    return [
        ("home", "/"),
        ("blog list", "/blog/"),
        ("article", found["article"]),
        ("category", found["category"]),
        (f"search “{SEARCH_WORD}”", f"/blog/search/?q={SEARCH_WORD}"),
        ("program", found["program"]),
        ("sitemap.xml", "/sitemap.xml"),
        ("RSS feed", "/blog/feed/"),
        ("admissions form", "/admissions/"),
    ]


def flush_cache(args) -> None:
    parts = urllib.parse.urlsplit(args.cache_url)
    database = parts.path.strip("/") or "0"
    subprocess.run(
        [
            "redis-cli",
            "-h",
            "127.0.0.1",
            "-p",
            str(parts.port or 6379),
            "-n",
            database,
            "FLUSHDB",
        ],
        check=True,
        capture_output=True,
    )


def ensure_database(database_url: str) -> str:
    """Create the PostgreSQL database `database_url` names if it is missing; return the URL."""
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
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return database_url


def database_for_size(database_url: str, articles: int) -> str:
    """One database per size (rehab_bench_1000, rehab_bench_100000), so that a second run
    finds its data already seeded."""
    parts = urllib.parse.urlsplit(database_url)
    sized = parts._replace(path=f"/{parts.path.strip('/')}_{articles}")
    return ensure_database(urllib.parse.urlunsplit(sized))


def cache_for_size(cache_url: str, position: int) -> str:
    """A Redis database of its own for each size: /11, /12, ... when BENCH_CACHE_URL is /11."""
    parts = urllib.parse.urlsplit(cache_url)
    database = int(parts.path.strip("/") or 0) + position
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))


def prepare_size(args, articles: int, position: int, static_root: Path) -> dict:
    """Seed the size's database, find its pages and write each page's ceiling file."""
    sized = argparse.Namespace(
        **{
            **vars(args),
            "database_url": database_for_size(args.database_url, articles),
            "cache_url": cache_for_size(args.cache_url, position),
        }
    )
    print(f"\n== {articles} articles: seeding", flush=True)
    manage(sized, "migrate", "--no-input", "-v0")
    manage(
        sized,
        "seed_bench",
        "--articles",
        str(articles),
        "--inquiries",
        str(args.inquiries),
    )
    targets = pages(sized)

    # The ceilings: for each page, a static file exactly as large, written into
    # STATIC_ROOT before the servers start so that WhiteNoise finds it.
    flush_cache(sized)
    sizes = {}
    with Server(base_environment(sized, static_root, 0)) as server:
        for index, (name, path) in enumerate(targets):
            status, body = fetch(server.url + path)
            assert status == 200, (status, path)
            ceiling = static_root / "bench" / f"ceiling-{articles}-{index}.html"
            ceiling.parent.mkdir(parents=True, exist_ok=True)
            ceiling.write_bytes(body)
            sizes[name] = len(body)
    return {
        "articles": articles,
        "args": sized,
        "targets": targets,
        "sizes": sizes,
        "rows": [],
        "memory": {},
        "submissions": None,
    }


def run_sizes(args, results: list[dict], static_root: Path) -> None:
    """Every size's server runs at once, and each page is measured at every size in turn
    (and, warm, next to its ceiling), `repeats` times round, keeping the median: a machine
    that slows down for a moment then touches all sizes alike instead of passing for
    growth, and one unlucky run does not decide a number."""
    for mode, cache_seconds in (("cold", 0), ("warm", 600)):
        for result in results:
            flush_cache(result["args"])
        with contextlib.ExitStack() as servers:
            started = [
                servers.enter_context(
                    Server(base_environment(result["args"], static_root, cache_seconds))
                )
                for result in results
            ]
            for index, (name, _) in enumerate(results[0]["targets"]):
                runs = []  # (result, kind, url)
                for result, server in zip(results, started, strict=True):
                    runs.append(
                        (result, mode, server.url + result["targets"][index][1])
                    )
                    if mode == "warm":
                        ceiling = f"ceiling-{result['articles']}-{index}.html"
                        runs.append(
                            (
                                result,
                                "ceiling",
                                f"{server.url}{CEILING_DIRECTORY}/{ceiling}",
                            )
                        )
                for _, _, url in runs:
                    status, _ = fetch(url)
                    if status != 200:
                        raise SystemExit(f"{url} answered {status}")
                    wrk(url, args.warmup)
                samples = {url: [] for _, _, url in runs}
                for _ in range(args.repeats):
                    for _, _, url in runs:
                        samples[url].append(wrk(url, args.seconds))
                for result, kind, url in runs:
                    ordered = sorted(samples[url], key=lambda sample: sample["rps"])
                    median = {**ordered[len(ordered) // 2], "name": name, "mode": kind}
                    median["errors"] = sum(sample["errors"] for sample in ordered)
                    result["rows"].append(median)
                    each = ", ".join(f"{sample['rps']:.0f}" for sample in samples[url])
                    print(
                        f"  {result['articles']:>7} {kind:7} {name:22} "
                        f"{median['rps']:8.0f} req/s  p50 {median['p50']:6.1f} ms  "
                        f"p99 {median['p99']:6.1f} ms  errors {median['errors']}  "
                        f"(runs: {each})",
                        flush=True,
                    )
            for result, server in zip(results, started, strict=True):
                if mode == "warm":
                    result["submissions"] = submissions_run(args, result, server)
                result["memory"][mode] = server.worker_memory_mb()


def submissions_run(args, result: dict, server: Server) -> dict:
    before = count_inquiries(result["args"])
    submissions = submit_inquiries(server.url, args.submit_workers, args.submit_each)
    submissions["stored"] = count_inquiries(result["args"]) - before
    submissions["per_second"] = submissions["stored"] / submissions["seconds"]
    print(
        f"  {result['articles']:>7} submissions: {submissions['stored']} stored in "
        f"{submissions['seconds']:.1f} s = {submissions['per_second']:.0f}/s, "
        f"{submissions['errors']} errors",
        flush=True,
    )
    return submissions


def write_results(args, results: list[dict], path: Path) -> str:
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        "# Benchmark results",
        "",
        f"Run {now:%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPU cores "
        f"({platform_line()}), by `make bench`. Load average when it finished: "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}.",
        f"gunicorn with gunicorn.conf.py, 2 sync workers, DEBUG off, PostgreSQL, Redis "
        f"cache; wrk -t2 -c{CONNECTIONS} -d{args.seconds}s after a {args.warmup} s "
        f"warm-up, the median of {args.repeats} runs taken in turn with the other "
        f"size's, on the same machine as the server. Cold = the whole-page cache off "
        f"(PAGE_CACHE_SECONDS=0; cached fragments stay on); warm = the page cache on. "
        f"Ceiling = a static file exactly as large as the page, served by the same "
        f"gunicorn and WhiteNoise.",
        "",
    ]
    for result in results:
        lines += [
            f"## {result['articles']:,} articles",
            "",
            "| page | bytes | cold req/s | cold p50 ms | cold p99 ms | warm req/s | warm p50 ms | warm p99 ms | ceiling req/s | warm / ceiling | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        by_key = {(row["name"], row["mode"]): row for row in result["rows"]}
        for name in dict.fromkeys(row["name"] for row in result["rows"]):
            cold, warm = by_key[(name, "cold")], by_key[(name, "warm")]
            ceiling = by_key[(name, "ceiling")]
            errors = cold["errors"] + warm["errors"] + ceiling["errors"]
            lines.append(
                f"| {name} | {result['sizes'][name]:,} | {cold['rps']:.0f} "
                f"| {cold['p50']:.1f} | {cold['p99']:.1f} "
                f"| {warm['rps']:.0f} | {warm['p50']:.1f} | {warm['p99']:.1f} "
                f"| {ceiling['rps']:.0f} | {warm['rps'] / ceiling['rps']:.0%} "
                f"| {errors} |"
            )
        s = result["submissions"]
        lines += [
            "",
            f"Submissions ({args.submit_workers} concurrent clients, each GET form + POST): "
            f"{s['stored']} inquiries stored in {s['seconds']:.1f} s = "
            f"**{s['per_second']:.0f} per second**, {s['errors']} errors "
            f"({s['ok']} redirects to the thank-you page).",
            "",
            "Worker resident memory after the run (VmRSS): "
            + "; ".join(
                f"{mode}: " + ", ".join(f"{mb:.0f} MB" for mb in sizes)
                for mode, sizes in result["memory"].items()
            )
            + ".",
            "",
        ]
    if len(results) > 1:
        small, large = results[0], results[-1]
        lines += [
            f"## Growth from {small['articles']:,} to {large['articles']:,} articles",
            "",
            "| page | cold change | warm change |",
            "|---|---:|---:|",
        ]
        a = {(r["name"], r["mode"]): r["rps"] for r in small["rows"]}
        b = {(r["name"], r["mode"]): r["rps"] for r in large["rows"]}
        for name in dict.fromkeys(r["name"] for r in small["rows"]):
            lines.append(
                f"| {name} | {b[(name, 'cold')] / a[(name, 'cold')] - 1:+.0%} "
                f"| {b[(name, 'warm')] / a[(name, 'warm')] - 1:+.0%} |"
            )
        lines.append("")
    text = "\n".join(lines)
    existing = path.read_text() if path.exists() else ""
    marker = "<!-- lighthouse -->"
    tail = existing[existing.index(marker) :] if marker in existing else ""
    path.write_text(text + ("\n" + tail if tail else ""))
    return text


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
    # A stopped run (Ctrl-C, kill) still stops the server it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", "1000,100000"),
        help="comma-separated article counts, smallest first",
    )
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5))
    )
    parser.add_argument(
        "--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 3))
    )
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--inquiries", type=int, default=1000)
    parser.add_argument("--submit-workers", type=int, default=8)
    parser.add_argument("--submit-each", type=int, default=50)
    parser.add_argument("--output", default=str(PROJECT_ROOT / "bench" / "results.md"))
    args = parser.parse_args()
    for url in (args.database_url, args.cache_url):
        host = urllib.parse.urlsplit(url).hostname
        if host not in ("127.0.0.1", "localhost"):
            raise SystemExit(
                f"The benchmark only runs against this machine, not {host}."
            )
    if shutil.which("wrk") is None:
        raise SystemExit(
            "wrk is missing: apt-get install wrk (or `make bench` as root)."
        )
    sizes = sorted(int(size) for size in args.sizes.split(","))

    static_root = Path(tempfile.mkdtemp(prefix="rehab-bench-static-"))
    try:
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=PROJECT_ROOT,
            env=base_environment(args, static_root, 0),
            check=True,
        )
        results = [
            prepare_size(args, size, position, static_root)
            for position, size in enumerate(sizes)
        ]
        run_sizes(args, results, static_root)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    print()
    print(write_results(args, results, Path(args.output)))


if __name__ == "__main__":
    main()
