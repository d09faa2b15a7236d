from django.db.backends.postgresql import base, operations

from tests.backends import flushed


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return super().sql_flush(
                style,
                tables,
                reset_sequences=reset_sequences,
                allow_cascade=allow_cascade,
            )
        # Django's foreign keys are deferrable: checked at the flush's commit, when every
        # table is empty, so the order of the DELETEs does not matter.
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in flushed(tables)
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
