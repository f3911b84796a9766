"""Writing many rows' fields in one statement per batch.

Django's `bulk_update` builds a `CASE WHEN pk = … THEN …` expression per row and field in
Python: for a recompute chunk (a thousand assessments and their clients) that took longer than
evaluating the profiles. `bulk_set` sends the new values as a VALUES list instead,
`UPDATE … FROM (VALUES …)`, which PostgreSQL and SQLite (3.33+) both run.
"""

from django.db import connection


def bulk_set(objs: list, fields: list[str], *, batch_size: int = 1000) -> None:
    """Write `fields` of every model instance in `objs` (all of one model, saved already) by
    primary key, as `bulk_update(objs, fields)` would. Field names as on the model
    (`assessment`, not `assessment_id`)."""
    if not objs:
        return
    meta = type(objs[0])._meta
    table = connection.ops.quote_name(meta.db_table)
    pk = meta.pk
    columns = [pk, *(meta.get_field(name) for name in fields)]
    names = [f"c{i}" for i in range(len(columns))]
    postgres = connection.vendor == "postgresql"

    def value(column, name: str) -> str:
        # PostgreSQL types a VALUES column from its literals: say the column's type.
        return f"CAST(v.{name} AS {column.db_type(connection)})" if postgres else f"v.{name}"

    assignments = ", ".join(
        f"{connection.ops.quote_name(column.column)} = {value(column, name)}"
        for column, name in zip(columns[1:], names[1:], strict=True)
    )
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch_size):
            batch = objs[start : start + batch_size]
            row = "(" + ", ".join(["%s"] * len(columns)) + ")"
            params = [
                column.get_db_prep_save(getattr(obj, column.attname), connection)
                for obj in batch
                for column in columns
            ]
            cursor.execute(
                f"WITH v({', '.join(names)}) AS (VALUES {', '.join([row] * len(batch))}) "  # noqa: S608  # nosec B608 - names from the model, values as parameters
                f"UPDATE {table} SET {assignments} FROM v "
                f"WHERE {table}.{connection.ops.quote_name(pk.column)} = "
                f"{value(pk, names[0])}",
                params,
            )
