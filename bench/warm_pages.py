"""How long a page takes in process once its cached parts are built, as a first visit.

    .venv/bin/python bench/warm_pages.py / /about/ /treatment/detox/

Run with the environment of a production-like server (DEBUG off, a database seeded with
the demo, `ALLOWED_HOSTS` holding `testserver`); run it in two checkouts to compare them
without the noise of HTTP and of a second process. Each page is asked 20 times first,
then `--rounds` rounds of `--requests` requests; the median round and the fastest are
printed, in milliseconds a request. Only this process is involved: nothing is sent over
the network.
"""

import argparse
import os
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rehab_site.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    client = Client()
    for path in args.paths:
        for _ in range(20):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}.")
        rounds = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            for _ in range(args.requests):
                client.get(path)
            rounds.append((time.perf_counter() - started) / args.requests * 1000)
        print(
            f"{path}: {statistics.median(rounds):.3f} ms "
            f"(fastest round {min(rounds):.3f} ms)"
        )


if __name__ == "__main__":
    main()
