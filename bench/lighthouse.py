"""`make lighthouse`: Lighthouse scores and page weight for the pages visitors land on.

Starts the production server (gunicorn.conf.py, DEBUG off, collected static files, the
benchmark database) on a free loopback port with nginx in front serving uploaded media,
as in production, runs the locally installed Lighthouse in
mobile mode with Debian's Chromium on home, an article, a program page and the
admissions form, and writes the four category scores plus the compressed CSS and
JavaScript bytes of each page to bench/lighthouse.md.
"""

import argparse
import contextlib
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench.run import (  # noqa: E402
    PYTHON,
    Server,
    add_server_arguments,
    base_environment,
    ensure_database,
    flush_cache,
    manage,
    nginx_main_config,
)
from tests.chromium import CHROMIUM_ARGS  # noqa: E402
from tests.servers import free_port, wait_until_answering  # noqa: E402

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "Speed Index": "speed-index",
    "server response": "server-response-time",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# As in production (deploy/nginx.conf), nginx serves uploaded media and passes the rest to
# gunicorn; plain HTTP on a loopback port, since no certificate is involved here.
SITE_CONFIG = """
server {{
    listen 127.0.0.1:{port};
    location /media/ {{
        alias {media}/;
        expires 30d;
    }}
    location / {{
        proxy_pass http://127.0.0.1:{upstream};
        proxy_set_header Host $http_host;
    }}
}}
"""


@contextlib.contextmanager
def nginx_in_front(upstream_port: int, media_root: Path, run_directory: Path):
    """nginx on a free loopback port in front of the gunicorn on `upstream_port`."""
    port = free_port()
    config = run_directory / "nginx.conf"
    (run_directory / "site.conf").write_text(
        SITE_CONFIG.format(port=port, upstream=upstream_port, media=media_root)
    )
    config.write_text(nginx_main_config(run_directory))
    process = subprocess.Popen([NGINX, "-c", str(config), "-e", "stderr"])
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{url}/healthz", timeout=30)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


PAGES_SCRIPT = """
import json
from blog.models import Article
from programs.models import Program
article = Article.objects.live().exclude(slug__startswith="bench-").order_by("-publish_at").first()
print(json.dumps({
    "article": article.get_absolute_url(),
    "program": Program.objects.live().order_by("pk").first().get_absolute_url(),
}))
"""


# Lighthouse now and then fails to record a trace (NO_NAVSTART); such a run is repeated.
ATTEMPTS = 3


def audit(url: str, report: Path) -> dict:
    assert url.startswith("http://127.0.0.1:"), url
    for attempt in range(1, ATTEMPTS + 1):
        try:
            run_lighthouse(url, report)
            break
        except subprocess.CalledProcessError:
            if attempt == ATTEMPTS:
                raise
            print(f"  Lighthouse failed on {url}; trying again", flush=True)
    return read_report(report)


def run_lighthouse(url: str, report: Path) -> None:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--max-wait-for-load=60000",
        ],
        env={
            **os.environ,
            "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        },
        check=True,
        timeout=300,
    )


def read_report(report: Path) -> dict:
    data = json.loads(report.read_text())
    scores = {
        name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    requests = data["audits"]["network-requests"]["details"]["items"]
    weight = {"Stylesheet": [0, 0], "Script": [0, 0]}
    for item in requests:
        kind = item.get("resourceType")
        if kind in weight:
            weight[kind][0] += 1
            weight[kind][1] += item.get("transferSize", 0)
    failed = [
        audit["title"]
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref.get("weight")
        and (audit := data["audits"][ref["id"]]).get("score") is not None
        and audit["score"] < 1
        and name != "performance"
    ]
    return {
        "scores": scores,
        "css": weight["Stylesheet"],
        "js": weight["Script"],
        "total_bytes": sum(item.get("transferSize", 0) for item in requests),
        "requests": len(requests),
        "lcp_ms": data["audits"]["largest-contentful-paint"]["numericValue"],
        "metrics": {
            label: data["audits"][key]["displayValue"]
            for label, key in METRICS.items()
            if key in data["audits"]
        },
        "console": [
            item.get("description", "")[:160]
            for item in (data["audits"]["errors-in-console"].get("details") or {}).get(
                "items", []
            )
        ],
        "failed": failed,
    }


def media_root(args) -> Path:
    output = manage(
        args,
        "shell",
        "-c",
        "from django.conf import settings; print(settings.MEDIA_ROOT)",
        capture=True,
    )
    return Path(output.strip().splitlines()[-1]).resolve()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    parser.add_argument(
        "--output", default=str(PROJECT_ROOT / "bench" / "lighthouse.md")
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (or `make lighthouse`).")

    ensure_database(args.database_url)
    manage(args, "migrate", "--no-input", "-v0")
    if "Demo content is in place" not in manage(args, "seed_demo", capture=True):
        raise SystemExit("seed_demo failed")
    found = json.loads(
        manage(args, "shell", "-c", PAGES_SCRIPT, capture=True).strip().splitlines()[-1]
    )
    pages = [
        ("home", "/"),
        ("article", found["article"]),
        ("program", found["program"]),
        ("admissions form", "/admissions/"),
    ]
    static_root = Path(tempfile.mkdtemp(prefix="rehab-lighthouse-static-"))
    reports = Path(tempfile.mkdtemp(prefix="rehab-lighthouse-"))
    results = []
    try:
        environment = base_environment(args, static_root)
        # The production defaults for the form; nothing is submitted here.
        for key in ("ADMISSIONS_MIN_FILL_SECONDS", "ADMISSIONS_RATE_LIMIT"):
            environment.pop(key)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=PROJECT_ROOT,
            env=environment,
            check=True,
        )
        flush_cache(args)
        with (
            Server(environment) as server,
            nginx_in_front(server.port, media_root(args), reports) as url,
        ):
            for name, path in pages:
                print(f"Lighthouse: {name} ({path})", flush=True)
                result = audit(url + path, reports / f"{len(results)}.json")
                result.update(name=name, path=path)
                results.append(result)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(reports, ignore_errors=True)

    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True
    ).stdout.strip()
    now = datetime.datetime.now(datetime.UTC)
    lines = [
        "# Lighthouse and page weight",
        "",
        f"Run {now:%Y-%m-%d %H:%M} UTC by `make lighthouse`: Lighthouse {version}, mobile "
        f"(simulated slow 4G and 4x CPU slowdown), Debian's Chromium, against nginx "
        f"(serving uploaded media) in front of gunicorn with DEBUG off and collected "
        f"static files, on {os.cpu_count()} CPU cores.",
        "",
        "| page | performance | accessibility | best practices | SEO | stylesheets | scripts | CSS + JS bytes (compressed) | all bytes | requests | LCP ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["scores"]
        lines.append(
            f"| {r['name']} (`{r['path']}`) | {s['performance']} | {s['accessibility']} "
            f"| {s['best-practices']} | {s['seo']} | {r['css'][0]} | {r['js'][0]} "
            f"| {r['css'][1] + r['js'][1]:,} | {r['total_bytes']:,} | {r['requests']} "
            f"| {r['lcp_ms']:.0f} |"
        )
    lines.append("")
    for r in results:
        lines.append(
            f"- {r['name']}: "
            + ", ".join(f"{label} {value}" for label, value in r["metrics"].items())
        )
        if r["failed"]:
            lines.append("  - not passing: " + "; ".join(r["failed"]))
        for message in r["console"]:
            lines.append(f"  - console: {message}")
    text = "\n".join(lines) + "\n"
    Path(args.output).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
