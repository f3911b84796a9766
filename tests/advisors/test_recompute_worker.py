"""The recompute through the real broker: a pass sent to RabbitMQ and run by a Celery worker
process on the test database, one of two workers killed (SIGKILL) while it holds a chunk.

PostgreSQL only (the worker is another process: it needs the test database on a server) and
RabbitMQ at CELERY_BROKER_URL; skipped otherwise.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.db import connection

from advising.models import Assessment, Recomputation
from advising.tasks import enqueue_recompute
from careerpath.celery import app

from .conftest import add_client, new_hire
from .test_summary_races import standing_of, standing_rows


def broker_answers() -> bool:
    url = urlsplit(django_settings.CELERY_BROKER_URL)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", url.port or 5672), 1).close()
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker needs PostgreSQL"),
    pytest.mark.skipif(not broker_answers(), reason="no RabbitMQ at CELERY_BROKER_URL"),
    pytest.mark.django_db(transaction=True),
]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def queue(settings):
    """A throwaway queue for this test, sent to from here and read by the workers."""
    name = f"careerpath-test-{secrets.token_hex(4)}"
    settings.CAREERPATH_RECOMPUTE = "queue"
    settings.CAREERPATH_RECOMPUTE_CHUNK = 1
    before = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = before
    with app.connection_for_write() as broker:
        broker.default_channel.queue_delete(name)


def start_worker(queue: str, log: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careerpath.test_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CAREERPATH_RECOMPUTE": "queue",
        "CAREERPATH_QUEUE": queue,
        "CAREERPATH_RECOMPUTE_CHUNK": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "careerpath", "worker", "--pool", "solo",
         "--without-gossip", "--without-mingle", "--loglevel", "INFO",
         "--hostname", f"test-{secrets.token_hex(3)}@%h"],
        cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def test_a_worker_killed_while_it_holds_a_chunk_leaves_no_summary_behind(advisor, queue, tmp_path):
    clients = [
        add_client(advisor.organisation, advisor, f"Client {i}", new_hire()) for i in range(4)
    ]
    for client in clients:
        stale = {code: {**item, "status": "eligible", "eligible_on": None}
                 for code, item in client.assessment.summary.items()}  # fmt: skip
        Assessment.objects.filter(pk=client.assessment_id).update(summary=stale)
    first = start_worker(queue, tmp_path / "first.log")
    try:
        # A worker holding a chunk and dying: the first worker alone takes the pass, and is
        # killed once it has started on it (its chunk was not acknowledged).
        enqueue_recompute(trigger="test")  # not in a transaction: sent at once
        deadline = time.monotonic() + 60
        while "recompute_chunk" not in (tmp_path / "first.log").read_text():
            assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        second = start_worker(queue, tmp_path / "second.log")
        try:
            while not Recomputation.objects.filter(finished__isnull=False).exists():
                assert time.monotonic() < deadline + 60, (tmp_path / "second.log").read_text()
                time.sleep(0.2)
        finally:
            second.terminate()
            second.wait(20)
    finally:
        if first.poll() is None:
            first.kill()
    run = Recomputation.objects.get()
    assert (run.assessments, sorted(run.chunks_done)) == (4, [0, 1, 2, 3])
    for client in clients:
        client.refresh_from_db()
        assert standing_rows(client) == standing_of(client.assessment.summary)
        assert client.assessment.summary["acm"]["status"] != "eligible"  # the new hire's again
