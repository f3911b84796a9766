"""A cache backend for counters only: the rate limits' (django-ratelimit counts a request with
`add` and `incr`, and reads with `get`).

Django's database cache spent eleven statements on each counted request (a count of the whole
table for culling, then reads and writes of pickled values): three times the assessment the
API was counting. Here a request costs one or two: an upsert that starts a window, an
`UPDATE … RETURNING` that counts. Rows live in `careerpath_rate_counter` (a migration of the
eligibility app); expired ones are deleted now and then as new windows start. Works the same
on PostgreSQL and SQLite (3.35 or later, for RETURNING).
"""

import random
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection

# Each statement names the table itself (careerpath/models.py fixes its db_table): plain SQL
# with no interpolation, so nothing in it could come from outside.
FOREVER = 10 * 365 * 86400
CULL_ONE_IN = 100  # new windows between deletions of the expired rows


class CounterCache(BaseCache):
    """Integer values only; every operation is one statement and atomic."""

    def __init__(self, location: str, params: dict):
        super().__init__(params)

    def _expires(self, timeout) -> float:
        timeout = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        return time.time() + (FOREVER if timeout is None else timeout)

    @staticmethod
    def _count(value) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{CounterCache.__name__} stores whole numbers only, not {value!r}")
        return value

    def _execute(self, sql: str, params: list) -> tuple[int, tuple | None]:
        """Run one statement; the rows it changed and its first row (RETURNING, SELECT)."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount, cursor.fetchone() if cursor.description else None

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        changed, _ = self._execute(
            "INSERT INTO careerpath_rate_counter AS c (cache_key, value, expires) "
            "VALUES (%s, %s, %s) ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, "
            "expires = excluded.expires WHERE c.expires <= %s",
            [key, self._count(value), self._expires(timeout), now],
        )
        added = changed == 1
        if added and random.randrange(CULL_ONE_IN) == 0:  # noqa: S311  # nosec B311
            self._execute("DELETE FROM careerpath_rate_counter WHERE expires <= %s", [now])
        return added

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        key = self.make_and_validate_key(key, version=version)
        self._execute(
            "INSERT INTO careerpath_rate_counter (cache_key, value, expires) VALUES (%s, %s, %s) "
            "ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, "
            "expires = excluded.expires",
            [key, self._count(value), self._expires(timeout)],
        )

    def incr(self, key, delta=1, version=None) -> int:
        key = self.make_and_validate_key(key, version=version)
        _, row = self._execute(
            "UPDATE careerpath_rate_counter SET value = value + %s "
            "WHERE cache_key = %s AND expires > %s RETURNING value",
            [self._count(delta), key, time.time()],
        )
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        _, row = self._execute(
            "SELECT value FROM careerpath_rate_counter WHERE cache_key = %s AND expires > %s",
            [key, time.time()],
        )
        return default if row is None else row[0]

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        changed, _ = self._execute(
            "UPDATE careerpath_rate_counter SET expires = %s WHERE cache_key = %s AND expires > %s",
            [self._expires(timeout), key, time.time()],
        )
        return changed == 1

    def delete(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        changed, _ = self._execute(
            "DELETE FROM careerpath_rate_counter WHERE cache_key = %s", [key]
        )
        return changed == 1

    def clear(self) -> None:
        self._execute("DELETE FROM careerpath_rate_counter", [])
