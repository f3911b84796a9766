"""Writing many rows in one statement per batch, from plain tuples.

Django's `bulk_update` builds a `CASE WHEN pk = … THEN …` expression per row and field in
Python, and `bulk_create` a model instance per row: for a recompute chunk (a thousand
assessments, their clients, a few thousand readiness rows) that took longer than evaluating
the profiles. Here the values go as one VALUES list per batch, prepared once per column:
`UPDATE … FROM (VALUES …)` and `INSERT … VALUES … ON CONFLICT`, which PostgreSQL and SQLite
(3.33+) both run.
"""

import json
from collections.abc import Callable, Sequence
from functools import partial

import orjson
from django.db import connection

# Values of these fields go to the driver as they are (no conversion to do).
PLAIN = frozenset(
    [
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "FloatField",
        "ForeignKey",
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallIntegerField",
        "TextField",
    ]
)


def _preparer(field) -> Callable | None:
    """What turns one of `field`'s values into the driver's (None: nothing to do)."""
    kind = field.get_internal_type()
    if kind in PLAIN:
        return None
    if kind == "JSONField":
        # Cast to the column's type in SQL. orjson writes the same JSON as JSONField's json.dumps
        # (without the spaces) several times as fast; a field with its own encoder keeps it.
        if field.encoder is not None:
            dumps = partial(json.dumps, cls=field.encoder)
            return lambda value: None if value is None else dumps(value)
        return lambda value: None if value is None else orjson.dumps(value).decode()
    if kind == "DateField" and connection.vendor == "postgresql":
        return None  # the driver adapts a date (Django's adapter returns it as it is)
    return partial(field.get_db_prep_save, connection=connection)


def _params(rows: Sequence[tuple], columns: list) -> list:
    preparers = [_preparer(column) for column in columns]
    if not any(preparers):
        return [value for row in rows for value in row]
    return [
        value if prepare is None else prepare(value)
        for row in rows
        for prepare, value in zip(preparers, row, strict=True)
    ]


def _cast(column, sql: str) -> str:
    # PostgreSQL types a VALUES column from its literals (text): say the column's type.
    if connection.vendor == "postgresql":
        return f"CAST({sql} AS {column.db_type(connection)})"
    return sql


def update_rows(
    model,
    fields: list[str],
    rows: Sequence[tuple],
    *,
    constants: dict | None = None,
    merge: tuple[str, ...] = (),
    batch_size: int = 1000,
) -> None:
    """Set `fields` of `model`'s rows by primary key: each row is (pk, *values of `fields`),
    Python values as the model holds them. `constants` ({field: value}) are set on every
    row, sent once rather than once a row. Field names as on the model (`assessment`).

    `merge` (JSON object fields, PostgreSQL only): the value sent holds only the keys to
    set, and the stored object keeps its others (jsonb `||`)."""
    if merge and connection.vendor != "postgresql":
        raise ValueError("merge needs PostgreSQL's jsonb")
    if not rows:
        return
    meta, quote = model._meta, connection.ops.quote_name
    table, pk = quote(meta.db_table), meta.pk
    columns = [pk, *(meta.get_field(name) for name in fields)]
    names = [f"c{i}" for i in range(len(columns))]
    assignments = [
        f"{quote(column.column)} = "
        + (f"{table}.{quote(column.column)} || " if column.name in merge else "")
        + _cast(column, f"v.{name}")
        for column, name in zip(columns[1:], names[1:], strict=True)
    ]
    fixed = []
    for name, value in (constants or {}).items():
        field = meta.get_field(name)
        assignments.append(f"{quote(field.column)} = %s")
        fixed.append(field.get_db_prep_save(value, connection))
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            # Names from the model, values as parameters.
            sql = "WITH v({}) AS (VALUES {}) UPDATE {} SET {} FROM v WHERE {}.{} = {}"
            cursor.execute(
                sql.format(
                    ", ".join(names),
                    ", ".join([row] * len(batch)),
                    table,
                    ", ".join(assignments),
                    table,
                    quote(pk.column),
                    _cast(pk, "v." + names[0]),
                ),
                [*_params(batch, columns), *fixed],
            )


def insert_rows(
    model,
    fields: list[str],
    rows: Sequence[tuple],
    *,
    replace_on: tuple[str, ...] = (),
    batch_size: int = 1000,
) -> None:
    """Insert `rows` (tuples of the values of `fields`, Python values as the model holds
    them) into `model`'s table, primary keys from the database. With `replace_on` (the
    fields of a unique constraint), a row that exists already for those fields gets the
    other fields' new values instead (ON CONFLICT … DO UPDATE)."""
    if not rows:
        return
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    # The model's names; the values go as parameters.
    sql = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608  # nosec B608
        quote(meta.db_table), ", ".join(quote(c.column) for c in columns)
    )
    tail = ""
    if replace_on:
        keys = [meta.get_field(name).column for name in replace_on]
        others = [c.column for c in columns if c.column not in keys]
        updates = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in others)
        conflict = ", ".join(quote(k) for k in keys)
        tail = " ON CONFLICT ({}) DO UPDATE SET {}".format(conflict, updates)  # noqa: UP032  # nosec B608
    placeholders = [
        _cast(c, "%s") if c.get_internal_type() == "JSONField" else "%s" for c in columns
    ]
    row = "(" + ", ".join(placeholders) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            cursor.execute(
                sql + ", ".join([row] * len(batch)) + tail,
                _params(batch, columns),
            )


def bulk_set(objs: list, fields: list[str], *, batch_size: int = 1000) -> None:
    """Write `fields` of every model instance in `objs` (all of one model, saved already) by
    primary key, as `bulk_update(objs, fields)` would. Field names as on the model
    (`assessment`, not `assessment_id`)."""
    if not objs:
        return
    meta = type(objs[0])._meta
    attnames = [meta.pk.attname, *(meta.get_field(name).attname for name in fields)]
    rows = [tuple(getattr(obj, name) for name in attnames) for obj in objs]
    update_rows(type(objs[0]), fields, rows, batch_size=batch_size)
