"""The recompute on the job queue: a pass in chunks that any worker may run, in any order,
twice, or after a retry, and the explicit calls that start it after a catalog change."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import OperationalError, transaction

from advising import recompute as recompute_module
from advising import tasks
from advising.models import Assessment, Readiness, Recomputation, StatusChange
from advising.recompute import plan_pass, run_chunk
from advising.tasks import enqueue_recompute
from eligibility import models as m
from eligibility.snapshot import SEED_PATH
from tests.htmlforms import form_fields, single
from tests.test_certification_revert import history_url, revert_links
from tests.test_editor_admin import change_url, key_with_value

from .conftest import add_client, new_hire, nurse
from .test_recompute import certification_form, editor
from .test_summary_races import standing_of, standing_rows


def out_of_date(client) -> None:
    """The client's stored summary as a rule change would leave it: every status wrong."""
    stale = {code: {**item, "status": "eligible", "eligible_on": None}
             for code, item in client.assessment.summary.items()}  # fmt: skip
    Assessment.objects.filter(pk=client.assessment_id).update(summary=stale)


def readiness_of(clients) -> list[tuple]:
    return sorted(
        Readiness.objects.filter(client__in=clients).values_list(
            "client_id", "certification", "status", "eligible_on", "blocker", "detail"
        )
    )


def flips() -> list[tuple]:
    return sorted(
        StatusChange.objects.values_list(
            "client_id", "certification", "before_status", "after_status"
        )
    )


def test_a_chunk_delivered_again_after_it_finished_changes_nothing(advisor):
    lou = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    out_of_date(lou)
    run, chunks = plan_pass(trigger="test")
    run_chunk(run.pk, 0, chunks[0])
    rows, moved = readiness_of([lou]), flips()
    assert moved  # the stale "eligible" went back to the new hire's standing

    run_chunk(run.pk, 0, chunks[0])  # its worker died before acknowledging it

    assert readiness_of([lou]) == rows and flips() == moved
    run.refresh_from_db()
    assert (run.assessments, run.changed, run.chunks_done) == (1, 1, [0])


def test_a_chunk_running_twice_at_once_writes_one_set_of_flips(advisor, monkeypatch):
    lou = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    out_of_date(lou)
    run, chunks = plan_pass(trigger="test")
    evaluate = recompute_module.evaluate
    duplicate = []

    def second_delivery_meanwhile(profile, snapshot, only=None):
        # The first delivery has read the clients; a second one runs the whole chunk now.
        if not duplicate:
            duplicate.append(True)
            run_chunk(run.pk, 0, chunks[0])
        return evaluate(profile, snapshot, only)

    monkeypatch.setattr(recompute_module, "evaluate", second_delivery_meanwhile)
    run_chunk(run.pk, 0, chunks[0])

    assert len(flips()) == len({f[:2] for f in flips()})  # each standing moved once
    assert {f[0] for f in flips()} == {lou.pk}
    for client in (lou, rita):
        client.refresh_from_db()
        assert standing_rows(client) == standing_of(client.assessment.summary)
    run.refresh_from_db()
    assert (run.assessments, run.changed, run.chunks_done) == (2, 1, [0])
    assert run.finished is not None


def test_the_pass_finishes_when_its_chunks_run_in_any_order(advisor, settings):
    settings.CAREERPATH_RECOMPUTE_CHUNK = 1
    clients = [
        add_client(advisor.organisation, advisor, f"Client {i}", new_hire()) for i in range(3)
    ]
    for client in clients:
        out_of_date(client)
    run, chunks = plan_pass(trigger="test")
    assert [len(c) for c in chunks] == [1, 1, 1]

    for index in (2, 0):
        run_chunk(run.pk, index, chunks[index])
        run.refresh_from_db()
        assert run.finished is None
    run_chunk(run.pk, 1, chunks[1])

    run.refresh_from_db()
    assert run.finished is not None
    assert (run.assessments, run.changed, sorted(run.chunks_done)) == (3, 3, [0, 1, 2])
    assert {f[0] for f in flips()} == {c.pk for c in clients}


def test_a_chunk_that_meets_a_database_error_is_retried(advisor, monkeypatch):
    lou = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    out_of_date(lou)
    run, chunks = plan_pass(trigger="test")
    attempts = []

    def once_unreachable(*args):
        attempts.append(args)
        if len(attempts) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        run_chunk(*args)

    monkeypatch.setattr(tasks, "run_chunk", once_unreachable)
    tasks.recompute_chunk.apply(kwargs={"run_id": run.pk, "index": 0, "client_ids": chunks[0]})

    assert len(attempts) == 2
    run.refresh_from_db()
    assert run.finished is not None and run.changed == 1


def test_changes_in_one_transaction_queue_one_pass(advisor, django_capture_on_commit_callbacks):
    add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        enqueue_recompute(trigger="catalog edit")
        enqueue_recompute(trigger="catalog edit")
    assert len(callbacks) == 1
    assert Recomputation.objects.get().trigger == "catalog edit"


def test_a_saved_catalog_row_alone_starts_no_pass(advisor, django_capture_on_commit_callbacks):
    # Only the services that change the catalog start one: no signal does it behind them.
    add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    condition = m.Condition.objects.filter(kind="experience").first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        condition.params = {**condition.params, "hours": 20000}
        condition.save()
    assert not callbacks and not Recomputation.objects.exists()


@pytest.mark.slow
def test_a_previewed_edit_queues_nothing(client, advisor, django_capture_on_commit_callbacks):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    client.force_login(editor())
    fields = certification_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["20000"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(change_url("acm"), {**single(fields), "_preview": "1"})
    assert response.status_code == 200
    assert not callbacks and not Recomputation.objects.exists()


@pytest.mark.slow
def test_a_revert_from_the_history_recomputes(client, advisor, django_capture_on_commit_callbacks):
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    client.force_login(editor())
    fields = certification_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["20000"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url("acm"), single(fields))
    assert rita.readiness.get(certification="acm").status != "eligible"
    history = client.get(history_url("acm")).content.decode()
    oldest = revert_links(history, "acm")[-1]  # the version before the edit
    confirm = client.get(oldest).content.decode()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(oldest, single(form_fields(confirm, "revert")))
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert rita.readiness.get(certification="acm").status == "eligible"
    assert Recomputation.objects.first().trigger == "catalog revert"


def changed_catalog(tmp_path):
    data = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    acm = data["certifications"][1]
    acm["groups"][1]["options"][0]["conditions"][0]["params"]["hours"] = 20000
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_catalog_queues_the_pass_when_workers_run_it(
    advisor, settings, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    settings.CAREERPATH_RECOMPUTE = "queue"
    sent = []
    monkeypatch.setattr(tasks.recompute_pass, "apply_async", lambda **kw: sent.append(kw))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # the command commits as it goes
        call_command("load_catalog", str(changed_catalog(tmp_path)), stdout=out)
    assert sent == [{"kwargs": {"trigger": "load_catalog"}}]
    assert "being recomputed by the workers" in out.getvalue()
    assert rita.readiness.get(certification="acm").status == "eligible"  # until a worker runs


@pytest.mark.slow
def test_the_admin_import_recomputes(client, advisor, tmp_path, django_capture_on_commit_callbacks):
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    client.force_login(editor())
    path = changed_catalog(tmp_path)
    with path.open("rb") as file, django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/admin/eligibility/certification/catalog/import/", {"file": file, "apply": "1"}
        )
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert rita.readiness.get(certification="acm").status != "eligible"
    assert Recomputation.objects.get().trigger == "catalog import"


def test_recompute_summaries_queues_the_pass_when_workers_run_it(advisor, settings, monkeypatch):
    add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    settings.CAREERPATH_RECOMPUTE = "queue"
    sent = []
    monkeypatch.setattr(tasks.recompute_pass, "apply_async", lambda **kw: sent.append(kw))
    call_command("recompute_summaries", stdout=StringIO())
    assert sent == [{"kwargs": {"trigger": "command"}}]
    call_command("recompute_summaries", "--here", stdout=StringIO())
    assert len(sent) == 1 and Recomputation.objects.get().finished is not None


def test_a_pass_task_delivered_again_sends_only_the_chunks_not_done(advisor, settings, monkeypatch):
    settings.CAREERPATH_RECOMPUTE_CHUNK = 1
    clients = [
        add_client(advisor.organisation, advisor, f"Client {i}", new_hire()) for i in range(3)
    ]
    sent = []
    monkeypatch.setattr(tasks, "dispatch", lambda task, **kwargs: sent.append(kwargs))
    tasks.recompute_pass.apply(kwargs={"trigger": "test"}, task_id="the-pass")
    assert [s["index"] for s in sent] == [0, 1, 2]
    run_chunk(**sent[0])  # the worker ran one chunk, then died before acknowledging the pass

    sent.clear()
    tasks.recompute_pass.apply(kwargs={"trigger": "test"}, task_id="the-pass")

    assert [s["index"] for s in sent] == [1, 2]
    for chunk in sent:
        run_chunk(**chunk)
    run = Recomputation.objects.get()
    assert run.finished is not None and run.assessments == len(clients)
