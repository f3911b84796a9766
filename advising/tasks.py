"""The recompute on the job queue (Celery, RabbitMQ): a pass task that plans the chunks and
sends one task per chunk, so several workers share a pass.

Durability and recovery are the queue's settings (careerpath/settings.py, "The job queue"):
durable queue and persistent messages, a task acknowledged only once it has finished
(`acks_late`), and requeued when its worker dies (`reject_on_worker_lost`), one message
prefetched at a time. A chunk may therefore run twice; advising.recompute.run_chunk makes
that harmless.
"""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction

from .models import Client
from .recompute import plan_pass, run_chunk

# A database restart, a dropped connection, a lock timeout: try again a little later.
RETRY = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 10,
}


@shared_task(bind=True, name="advising.recompute_pass", **RETRY)
def recompute_pass(self, trigger: str) -> int:
    """Start a pass over every assessed client: record it and queue its chunks. Delivered
    again, it queues the chunks of the pass it planned that are not done yet."""
    run, chunks = plan_pass(trigger=trigger, task_id=self.request.id or "")
    for index, client_ids in enumerate(chunks):
        if client_ids is not None:
            dispatch(recompute_chunk, run_id=run.pk, index=index, client_ids=client_ids)
    return run.pk


@shared_task(name="advising.recompute_chunk", **RETRY)
def recompute_chunk(run_id: int, index: int, client_ids: list[int]) -> None:
    """Recompute one chunk of a pass (see advising.recompute.run_chunk)."""
    run_chunk(run_id, index, client_ids)


# --- starting a pass: the explicit call of the services that change the catalog ----------


def enqueue_recompute(*, trigger: str) -> None:
    """Once the current transaction commits, recompute every client's stored summary (one pass
    per transaction, however many times this is called in it). Called by every service that
    changes the catalog in a request: the editors' admin, the catalog import, a revert
    (`load_catalog`, committed already, sends or runs its pass itself).

    With CAREERPATH_RECOMPUTE "queue" the pass goes to the job queue; "inline" runs it in this
    process at commit (`make run`, the tests); "off" runs nothing (`recompute_summaries`)."""
    if settings.CAREERPATH_RECOMPUTE == "off":
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(func, _Pass) and not func.started for _, func, *_ in connection.run_on_commit
    ):
        return
    # robust: the change is committed whatever happens here; a broker that cannot be reached
    # is logged, and `manage.py recompute_summaries` catches up.
    transaction.on_commit(_Pass(trigger), robust=True)


class _Pass:
    """The on-commit callback that starts a pass (a class, so a second call in the same
    transaction can find it)."""

    def __init__(self, trigger: str) -> None:
        self.trigger, self.started = trigger, False

    def __call__(self) -> None:
        self.started = True
        if not Client.objects.filter(assessment__isnull=False).exists():
            return  # nobody to recompute: no pass, no message
        dispatch(recompute_pass, trigger=self.trigger)


def dispatch(task, **kwargs) -> None:
    """Send `task` to the queue, or run it here and now when CAREERPATH_RECOMPUTE is not
    "queue" (Celery's eager mode, decided per call so a test's settings apply)."""
    if settings.CAREERPATH_RECOMPUTE == "queue":
        task.apply_async(kwargs=kwargs)
    else:
        task.apply(kwargs=kwargs, throw=True)
