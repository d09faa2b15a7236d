"""What keeps the staff pages quick on big tables (100,000 articles or inquiries), on
PostgreSQL and on SQLite alike: counts that stop at a cap, deep pages found by their keys
first, and two migration operations for PostgreSQL alone (substring searches answered
from an index, long text kept out of a table's rows)."""

from abc import ABCMeta, abstractmethod

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.core.paginator import Page, Paginator
from django.db.migrations.operations.base import Operation
from django.db.models.functions import Upper


def capped_count(queryset, cap: int) -> int:
    """How many rows `queryset` has, counting no further than `cap + 1`, so a count
    above `cap` means "more than cap". A full count reads every matching row; this one
    stops early, whatever the table's size."""
    return queryset.order_by()[: cap + 1].count()


def count_words(count: int, cap: int) -> str:
    """A capped count as it reads: "234", or "1,000+" once over a cap of 1,000."""
    return f"{cap:,}+" if count > cap else f"{count:,}"


class KeysFirstPaginator(Paginator):
    """Django's paginator, but a page finds its rows' keys first and then reads only
    those rows: the OFFSET runs over the ordering's index alone (an index-only scan of
    the keys), not over every skipped row read whole. For an admin list's last pages
    (`ModelAdmin.paginator`): page 1,000 of 100,000 articles took 144 ms of SQL with
    Django's slice. The first pages keep Django's slice: reading a few rows whole costs
    less than repeating the list's conditions for its keys (a search's first page: 41 ms
    keys first, 2 ms sliced)."""

    DEEP_OFFSET = 1000

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < self.DEEP_OFFSET:
            return Page(self.object_list[bottom:top], number, self)
        keys = self.object_list.values("pk")[bottom:top]
        return Page(self.object_list.filter(pk__in=keys), number, self)


class PostgreSQLTrigramExtension(TrigramExtension):
    """Django's TrigramExtension, which does nothing on another database when applied but
    asks SQLite for `pg_extension` when unapplied: this one does nothing either way."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgreSQLOperation(Operation, metaclass=ABCMeta):
    """A migration operation on one model's table that PostgreSQL alone needs: it changes
    no model state, and on other databases it does nothing, applied or unapplied.
    Subclasses write `forwards(schema_editor, model)` and `backwards(...)`."""

    reversible = True

    def __init__(self, model_name: str):
        self.model_name = model_name

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            self.forwards(schema_editor, model)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            self.backwards(schema_editor, model)

    @abstractmethod
    def forwards(self, schema_editor, model) -> None:
        """Change the schema of `model`'s table (PostgreSQL only)."""

    @abstractmethod
    def backwards(self, schema_editor, model) -> None:
        """Undo `forwards`."""


class AddSubstringSearchIndex(PostgreSQLOperation):
    """On PostgreSQL, a trigram index (pg_trgm's `gin_trgm_ops`; the extension comes from
    migration rehab_site.0013) over UPPER(column), which is the expression Django's
    `icontains` compares, so an admin search reads the index instead of every row. SQLite,
    `make run`'s database, scans its small demo instead.

    The index is no part of the model's state (Django's indexes cannot be given for one
    database only), so `makemigrations` never sees it; tests check each with EXPLAIN."""

    def __init__(self, model_name: str, field_name: str, name: str):
        super().__init__(model_name)
        self.field_name = field_name
        self.name = name

    def index(self) -> GinIndex:
        return GinIndex(
            OpClass(Upper(self.field_name), name="gin_trgm_ops"), name=self.name
        )

    def forwards(self, schema_editor, model) -> None:
        schema_editor.add_index(model, self.index())
        # The index's expression gets statistics of its own only when the table is next
        # analyzed; until then the planner guesses a search matches 30 rows and sorts
        # the matches rather than reading the newest first (47 ms, 2 ms).
        schema_editor.execute(
            f"ANALYZE {schema_editor.quote_name(model._meta.db_table)}"
        )

    def backwards(self, schema_editor, model) -> None:
        schema_editor.remove_index(model, self.index())

    def describe(self):
        return f"Trigram index {self.name} on {self.model_name}.{self.field_name} (PostgreSQL)"

    @property
    def migration_name_fragment(self):
        return self.name.lower()


class KeepLongTextOutOfLine(PostgreSQLOperation):
    """On PostgreSQL, a table's long values (TOAST) are kept out of its rows once a row
    passes 256 bytes, not 2 kB. An article's body, its plain text and its search index
    then live beside the table, and a scan of the other columns (a count, a filter no
    index serves) reads 24 MB instead of 312 MB at 100,000 articles: 25 ms instead of
    101. Reading one article's body costs one more index lookup. Rows stored before the
    migration keep their layout until they are saved again; `VACUUM FULL <table>`
    rewrites them all at once."""

    TARGET_BYTES = 256

    def alter(self, schema_editor, model, change: str) -> None:
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} {change}")

    def forwards(self, schema_editor, model) -> None:
        self.alter(
            schema_editor, model, f"SET (toast_tuple_target = {self.TARGET_BYTES})"
        )

    def backwards(self, schema_editor, model) -> None:
        self.alter(schema_editor, model, "RESET (toast_tuple_target)")

    def describe(self):
        return f"Long values of {self.model_name} kept out of its rows (PostgreSQL)"
