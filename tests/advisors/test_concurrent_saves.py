"""Saves that arrive at the same moment, each from its own connection (PostgreSQL only:
SQLite serialises every write, so these races cannot happen there).

Run with DATABASE_URL=postgres://…; skipped on SQLite.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client as Browser

from advising import recompute as recompute_module
from advising.models import Assessment, Client, Invitation
from advising.recompute import recompute
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot
from tests.test_assessment_wizard import ANSWERS

from .conftest import add_client, new_hire, nurse
from .test_invitations import create_link, post_step, refused
from .test_summary_races import standing_of, standing_rows

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL race"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_rate_limits"),
]


def at_once(*jobs) -> list:
    """Run each job in its own thread (its own connection), released together; returns each
    job's result or the exception it raised."""
    start = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(i, job):
        try:
            start.wait()
            results[i] = job()
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_two_members_saving_the_same_client_at_once_both_succeed(advisor, colleague):
    maria = add_client(advisor.organisation, advisor, "Maria Garcia", new_hire())
    snapshot = get_snapshot()
    for round_ in range(15):
        profiles = [new_hire(f"2026-0{1 + round_ % 6}-01"), nurse()]

        def save(profile, member):
            def job():
                client = Client.objects.get(pk=maria.pk)
                return record_assessment(
                    client, profile, snapshot, source="advisor", user=member.user
                )

            return job

        results = at_once(save(profiles[0], advisor), save(profiles[1], colleague))
        errors = [r for r in results if isinstance(r, Exception)]
        assert not errors, f"round {round_}: {errors!r}"
        maria.refresh_from_db()
        assert maria.assessment.pk in {r.pk for r in results}
        assert standing_rows(maria) == standing_of(maria.assessment.summary), round_


def test_a_save_while_the_recompute_runs_keeps_the_saved_standing(advisor, monkeypatch):
    lou = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    stale = {code: {**item, "status": "eligible", "eligible_on": None}
             for code, item in lou.assessment.summary.items()}  # fmt: skip
    Assessment.objects.filter(pk=lou.assessment_id).update(summary=stale)  # as after a rule change

    computed, saved = threading.Event(), threading.Event()
    evaluate = recompute_module.evaluate

    def slow_evaluate(profile, snapshot, only=None):
        result = evaluate(profile, snapshot, only)
        computed.set()
        saved.wait(30)  # the advisor's save commits while the recompute is still working
        return result

    monkeypatch.setattr(recompute_module, "evaluate", slow_evaluate)

    def recompute_job():
        return recompute(trigger="test")

    def save_job():
        computed.wait(30)
        try:
            client = Client.objects.get(pk=lou.pk)
            return record_assessment(client, nurse(), get_snapshot(), source="advisor")
        finally:
            saved.set()

    run, assessment = at_once(recompute_job, save_job)
    assert not isinstance(run, Exception) and not isinstance(assessment, Exception)
    lou.refresh_from_db()
    assert lou.assessment == assessment
    assert standing_rows(lou) == standing_of(assessment.summary)
    assert standing_rows(lou)["acm"][0] == "eligible"


def test_one_invitation_finished_from_four_browsers_saves_once_and_never_answers_500(
    login, advisor
):
    maria = add_client(advisor.organisation, advisor, "Maria Garcia")
    link = create_link(login(advisor), maria)
    browsers = [Browser(raise_request_exception=False, REMOTE_ADDR=f"10.0.0.{i}")
                for i in range(1, 5)]  # fmt: skip
    for browser in browsers:
        browser.get(link)
        for step, data in ANSWERS.items():
            assert post_step(browser, link, step, data).status_code == 302

    answers = at_once(*[lambda b=b: b.get(f"{link}finished/") for b in browsers])

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [302, 404, 404, 404], statuses
    assert sum(refused(a) for a in answers) == 3
    assert Assessment.objects.filter(client=maria).count() == 1
    assert Invitation.objects.get().used_at is not None
