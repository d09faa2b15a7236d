"""The demo center in a test: the snapshot `demo_snapshot` (tests/conftest.py) takes once per
run, and loading it into a test's database and folders."""

import contextlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.test import Client, override_settings

from admissions import demo as admissions_demo
from rehab_site.caching import refresh_content_state


@dataclass(frozen=True)
class DemoSnapshot:
    """The demo center as `seed_demo` makes it: its rows as a fixture file, its files."""

    fixture: Path
    media: Path
    private_media: Path


def plain_static_storages(storages: dict) -> dict:
    # Production uses WhiteNoise's manifest storage, which needs collectstatic; tests serve
    # static files straight from the source folders.
    return {
        **storages,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@contextlib.contextmanager
def rolled_back_with_files_in(folder: Path, django_db_blocker):
    """The database outside any test (for a session or module fixture), in a transaction
    rolled back at the end, with uploads kept in `folder` ("media", "private-media") and
    static files served from the sources."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=folder / "media",
            PRIVATE_MEDIA_ROOT=folder / "private-media",
            STORAGES=plain_static_storages(settings.STORAGES),
        ),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


def load_demo(
    snapshot: DemoSnapshot, media_root: Path, private_media_root: Path
) -> None:
    """The demo's rows into the database in use, its files into these folders."""
    for source, target in (
        (snapshot.media, media_root),
        (snapshot.private_media, private_media_root),
    ):
        if source.exists():
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=link)
    load_rows(snapshot.fixture)


# The staff `seed_demo` makes: the administrator (website/demo.py) and a user per role.
DEMO_USERNAMES = ("admin", *(username for username, *_ in admissions_demo.USERS))


def forget_demo_staff() -> None:
    """The demo center without its three staff users, as before the first `make run`:
    the next `seed_demo` makes them and shows their passwords, as a first run does,
    without a whole seeding's pictures and renditions (15 s each on this machine)."""
    get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()


def link(source: str, target: str) -> None:
    """A hard link to the snapshot's file rather than a copy (272 files, 5.7 MB a test):
    the site never writes into a stored file, it saves a new one and deletes the old, so
    no test can change the snapshot through its link. A copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


# Tables no migration fills: their rows keep their keys in the snapshot, so loading them
# looks nothing up (django-taggit's tagged items are known by their object's id alone).
KEPT_KEYS = ["taggit"]


def dump_demo(fixture: Path, exclude: list[str]) -> None:
    """The database's rows as a fixture. Rows and references are known by their natural
    keys (a group by its name, a permission by its codename), since the rows migrations
    make may have other keys in another test database; those of `KEPT_KEYS` keep theirs."""
    rows = []
    for labels, options in (
        ((), {"exclude": exclude + KEPT_KEYS, "natural_primary": True}),
        (KEPT_KEYS, {}),
    ):
        out = io.StringIO()
        call_command("dumpdata", *labels, natural_foreign=True, stdout=out, **options)
        rows += json.loads(out.getvalue())
    fixture.write_text(json.dumps(rows))


class NaturalKeys:
    """The keys of the rows that a fixture names by natural key, each model's read in one
    query when first needed (a load otherwise looks each up alone: 715 queries of the
    snapshot's 828, measured)."""

    def __init__(self):
        self.models = {}

    def key(self, model, natural_key):
        if model not in self.models:
            rows = model._meta.default_manager.select_related()
            self.models[model] = {tuple(row.natural_key()): row.pk for row in rows}
        return self.models[model].get(tuple(natural_key))

    def forget(self, model) -> None:
        """`model`'s rows have changed."""
        self.models.pop(model, None)

    def resolved(self, model, row: dict) -> dict:
        """The fixture's `row` with the natural keys of its references as keys, where the
        rows they name are in."""
        fields = dict(row["fields"])
        for name, value in fields.items():
            field = model._meta.get_field(name)
            target = field.related_model
            if not (target and hasattr(target, "natural_key") and value):
                continue
            if field.many_to_many:
                fields[name] = [self._key_or_natural(target, each) for each in value]
            elif isinstance(value, list):
                fields[name] = self._key_or_natural(target, value)
        return {**row, "fields": fields}

    def _key_or_natural(self, model, value):
        if not isinstance(value, list):
            return value
        key = self.key(model, value)
        return value if key is None else key


def load_rows(fixture: Path) -> None:
    """The fixture's rows, inserted a model at a time.

    What `loaddata` does, four times faster (0.83 s a load before, measured with py-spy
    over the suite): `loaddata` saves row by row, each an UPDATE that finds nothing and
    then an INSERT, with signals. The snapshot holds nothing to update and no receiver
    needs to hear of a demo row, so each model's rows go in with one `bulk_create`, in
    the order `dumpdata` wrote them (a row's natural keys refer to rows before it). Like
    `loaddata`, it then moves the sequences past the loaded keys, and it works out the
    content state afresh, as a commit of the same rows would."""
    loaded, deferred, natural_keys = set(), [], NaturalKeys()
    with transaction.atomic(), fixture.open() as stream:
        # Grouped by model before they are deserialized, so that a row's natural keys
        # are looked up once the rows they name are in (a tag of taggit's, say).
        for label, raw in groupby(json.load(stream), key=itemgetter("model")):
            model = apps.get_model(label)
            rows = list(
                serializers.deserialize(
                    "python",
                    [natural_keys.resolved(model, row) for row in raw],
                    handle_forward_references=True,
                )
            )
            natural_keys.forget(model)
            _insert_or_update(model, [row.object for row in rows])
            _add_many_to_many(model, rows)
            deferred += [row for row in rows if row.deferred_fields]
            loaded.add(model)
        for row in deferred:
            row.save_deferred_fields()
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            with connection.cursor() as cursor:
                cursor.execute(statement)
    refresh_content_state()


def _insert_or_update(model, objects) -> None:
    # Some rows are there already: the ones migrations make (a page's one settings row).
    fields = [
        field.name for field in model._meta.concrete_fields if not field.primary_key
    ]
    model.objects.bulk_create(
        objects,
        update_conflicts=bool(fields),
        ignore_conflicts=not fields,
        update_fields=fields or None,
        unique_fields=[model._meta.pk.name] if fields else None,
    )


def _add_many_to_many(model, rows) -> None:
    for field in model._meta.many_to_many:
        if not isinstance(field, models.ManyToManyField):
            continue  # taggit's tags: their rows (TaggedItem) are loaded as a model
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        # ignore_conflicts: a group's permissions are there already (migrate gave them).
        through.objects.bulk_create(
            [
                through(**{source: row.object.pk, target: value})
                for row in rows
                for value in (row.m2m_data or {}).get(field.name, ())
            ],
            ignore_conflicts=True,
        )


def warm_every_public_page() -> int:
    """Open every page a visitor can reach from the home page, as production's pages are
    once visitors have come: the pictures' renditions that pages make on first view are
    then made, and the snapshot keeps them. Returns the number of pages opened; fails
    when the home page does not answer (a redirect to HTTPS, say), as that opens none."""
    client = Client()

    def get(path):
        response = client.get(path)
        if path == "/" and response.status_code != 200:
            raise RuntimeError(
                f"The home page answered {response.status_code}, not 200."
            )
        return response

    return len(crawl(get))


def crawl(get, start=("/",), limit: int = 1000) -> set[str]:
    """Every same-site page reachable from the `start` paths, each asked for once with
    `get(path)` (a response); at most about `limit`, so a loop of ever-new addresses
    ends."""
    queue = list(start)
    seen = set(queue)
    while queue and len(seen) <= limit:
        response = get(queue.pop(0))
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for link in same_site_links(response.content.decode()):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return seen


def same_site_links(html: str) -> list[str]:
    links = []
    for href in re.findall(r'href="(/[^"#]*)"', html):
        path = href.replace("&amp;", "&")
        if path.startswith(("/static/", "/media/", "/admin", "//")):
            continue
        links.append(path)
    return links
