"""The rate limits' counter store (careerpath/counters.py): windows, counting, expiry."""

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerpath import counters

pytestmark = pytest.mark.django_db


@pytest.fixture
def store():
    """The counter cache with a stopped clock the test moves (`store.clock.shift(seconds)`)."""
    with time_machine.travel(1_800_000_000.0, tick=False) as clock:
        cache = caches["ratelimit"]
        cache.clear()
        cache.clock = clock
        yield cache


def test_a_window_starts_once_and_each_request_counts_in_one_statement(store):
    assert store.add("ip:10.0.0.1", 1, 60) is True
    assert store.add("ip:10.0.0.1", 1, 60) is False  # the window is open
    with CaptureQueriesContext(connection) as queries:
        assert store.incr("ip:10.0.0.1") == 2
    assert len(queries) == 1
    assert store.incr("ip:10.0.0.1", 3) == 5
    assert store.get("ip:10.0.0.1") == 5
    assert store.get("ip:10.0.0.2", 0) == 0  # another address is not counted


def test_an_expired_window_starts_again_from_the_new_value(store):
    store.add("ip:10.0.0.1", 1, 60)
    store.incr("ip:10.0.0.1")
    store.clock.shift(61)
    assert store.get("ip:10.0.0.1") is None
    with pytest.raises(ValueError):
        store.incr("ip:10.0.0.1")  # django-ratelimit then treats the count as unknown
    assert store.add("ip:10.0.0.1", 1, 60) is True
    assert store.incr("ip:10.0.0.1") == 2


def test_expired_rows_are_deleted_as_new_windows_start(store, monkeypatch):
    monkeypatch.setattr(counters, "CULL_ONE_IN", 1)
    for n in range(5):
        store.add(f"ip:10.0.0.{n}", 1, 60)
    store.clock.shift(61)
    store.add("ip:10.0.1.1", 1, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM careerpath_rate_counter")
        assert [row[0] for row in cursor.fetchall()] == [store.make_key("ip:10.0.1.1")]


def test_set_touch_delete_and_clear(store):
    store.set("k", 7, 10)
    assert store.get("k") == 7
    assert store.touch("k", 100) is True
    store.clock.shift(50)
    assert store.get("k") == 7  # the touch moved the expiry
    assert store.delete("k") is True
    assert store.delete("k") is False
    store.set("a", 1)
    store.set("b", 2, None)  # no expiry
    store.clock.shift(10 * 365 * 86400 - 1)
    assert store.get("b") == 2
    store.clear()
    assert store.get("a") is None and store.get("b") is None


@pytest.mark.parametrize("value", ["1", 1.5, True, None, [1]])
def test_only_whole_numbers_are_stored(store, value):
    with pytest.raises(TypeError):
        store.set("k", value)
