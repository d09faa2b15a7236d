from django.db.backends.sqlite3 import base, operations

from tests.backends import flushed


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        # SQLite's flush already DELETEs; it only keeps the content types and permissions.
        return super().sql_flush(
            style,
            flushed(tables),
            reset_sequences=reset_sequences,
            allow_cascade=allow_cascade,
        )


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
