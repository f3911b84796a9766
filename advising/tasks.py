"""The recompute on the job queue (Celery, RabbitMQ): a pass task that plans the chunks and
sends one task per chunk, so several workers share a pass.

Durability and recovery are the queue's settings (careerpath/settings.py, "The job queue"):
durable queue and persistent messages, a task acknowledged only once it has finished
(`acks_late`), and requeued when its worker dies (`reject_on_worker_lost`), one message
prefetched at a time. A chunk may therefore run twice; advising.recompute.run_chunk makes
that harmless.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .recompute import dispatch, plan_pass, run_chunk

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
