"""Running a data migration in a test: go back to the state before it, fill rows in, run
it. Every other test expects the latest schema.

Migrating a whole database back and forward again is the dearest thing the suite does
(Django works out the models at every step). So a migration test leaves the schema where
it ended, the next migration test moves on from there, undoing and redoing only the
difference, and the first test after them that is not one brings the schema up to the
latest (`schema_at_the_latest`, tests/conftest.py). Migration tests carry the mark
`migrations(before)`, where `before` is what `schema_before` takes, and run one after
another, those that undo the least first (tests/conftest.py, `run_order`).
"""

import functools

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from tests.backends import KEPT_TABLES


class Schema:
    """Whether this process's test database is behind the latest migrations."""

    behind = False


def migrate(targets):
    """Migrate to `targets` ([(app, migration)], or (app, None) for none of the app's);
    the models of every app as they are then."""
    Schema.behind = True
    return MigrationExecutor(connection).migrate(targets).apps


def schema_before(targets):
    """The schema and models that `migrate(targets)` gives a database at the latest
    migrations after a test's flush: every migration applied but those that `targets`
    undo, each migrated back on the content types, permissions and roles of the latest
    models and no other rows."""
    empty_every_table()
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    left_out = undone_by(graph, targets) | set(executor.loader.applied_migrations)
    redo = [
        (migration, False)
        for migration, _ in executor.migration_plan(
            graph.leaf_nodes(), clean_start=True
        )
        if (migration.app_label, migration.name) not in left_out
    ]
    if redo:
        executor.migrate([], plan=redo)
    # What every test starts from: the rows the flush after a test leaves (the content
    # types, permissions and roles of today's models), and no others.
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    return migrate(targets)


def undone_by(graph, targets) -> set[tuple[str, str]]:
    """The migrations that migrating a database at the latest ones to `targets` undoes:
    those after each target in its app, and every migration that depends on them."""
    undone = set()
    for app, name in targets:
        if name is None:
            starts = graph.root_nodes(app)
        else:
            starts = [
                key for key in graph.node_map[app, name].children if key[0] == app
            ]
        for start in starts:
            undone.update(graph.backwards_plan(start))
    return undone


def migrations_undone_by(targets) -> int:
    """How many migrations `schema_before(targets)` leaves out (to order the tests)."""
    return len(undone_by(migration_graph(), targets))


@functools.cache
def migration_graph():
    """The project's migrations, read once per process."""
    return MigrationLoader(None).graph


def migrate_to_the_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    Schema.behind = False


def back_to_the_latest() -> None:
    """The latest schema, after migration tests, on a database emptied as after a
    transactional test. The content types go first: the flush after a migration test
    made today's at an old schema, and the migrations forward would make some again."""
    empty_every_table()
    migrate_to_the_latest()
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)


def empty_every_table() -> None:
    """Every row out of every table there is, old ones included, but the record of the
    migrations applied."""
    tables = set(connection.introspection.table_names()) - {"django_migrations"}
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))
    # The suite's flush keeps these (tests/backends). Foreign keys are checked at the
    # commit, so the order of the DELETEs does not matter.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in KEPT_TABLES:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
