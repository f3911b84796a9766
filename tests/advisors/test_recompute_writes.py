"""The recompute's bulk reads and writes: plain rows in few statements, whatever the number of
clients, and the same stored rows as a whole evaluation."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advising import recompute as recompute_module
from advising.bulk import insert_rows, update_rows
from advising.models import Assessment, Organisation, Readiness, Recomputation, StatusChange
from advising.numbers import numbers_changed
from advising.recompute import plan_pass, run_chunk
from advising.summaries import _first_line_of_gap, save_summaries, soonest, summarise
from eligibility import models as m
from eligibility.catalog import current_snapshot, get_snapshot
from eligibility.engine import evaluate
from eligibility.explain import gap
from eligibility.profile import parse_profile

from .conftest import add_client, new_hire, nurse

pytestmark = pytest.mark.django_db


def people(org, advisor, count: int) -> list:
    starts = ["2020-01-01", "2025-06-01", "2026-03-01", "2026-09-01"]
    return [
        add_client(org, advisor, f"Client {i}", new_hire(starts[i % 4]) if i % 3 else nurse())
        for i in range(count)
    ]


def raise_acm_hours(hours: int = 20000) -> None:
    """The editors' admin's change to ACM's hours of paid case-management work, without a
    pass (as bench/recompute.py makes it)."""
    condition = m.Condition.objects.get(
        option__group__certification__code="acm",
        option__code="health-care-case-management",
        kind="experience",
    )
    condition.params = {**condition.params, "hours": hours}
    condition.save()


def stored_rows(client) -> dict:
    """Every field of the client's readiness rows, by certification."""
    return {
        r.certification: (r.status, r.eligible_on, r.blocker, r.detail)
        for r in Readiness.objects.filter(client=client)
    }


def rows_of(summary: dict) -> dict:
    return {
        code: (
            item["status"],
            dt.date.fromisoformat(item["eligible_on"]) if item["eligible_on"] else None,
            item["blocker"],
            item["detail"],
        )
        for code, item in summary.items()
    }


def one_pass(trigger: str = "catalog edit") -> Recomputation:
    run, chunks = plan_pass(trigger=trigger)
    for index, client_ids in enumerate(chunks):
        run_chunk(run.pk, index, client_ids)
    run.refresh_from_db()
    return run


def assert_as_a_whole_evaluation_gives(clients) -> None:
    snapshot = current_snapshot()
    for person in clients:
        person.refresh_from_db()
        whole = summarise(evaluate(parse_profile(person.assessment.profile, snapshot), snapshot))
        assert person.assessment.summary == whole
        assert stored_rows(person) == rows_of(whole)
        assert person.soonest_on == soonest(whole, person.assessment.profile["as_of"])
        assert person.assessment.catalog_version == snapshot.version


def test_a_chunk_after_a_rule_change_uses_as_many_statements_for_twelve_clients_as_for_three(
    advisor, settings
):
    settings.CAREERPATH_RECOMPUTE = "off"
    settings.CAREERPATH_RECOMPUTE_CHUNK = 1000
    few = people(advisor.organisation, advisor, 3)
    call_command("recompute_summaries")  # the rule versions of this catalog are known
    counts = []
    for clients in (few, few + people(advisor.organisation, advisor, 9)):
        raise_acm_hours(20000 + len(clients))
        run, chunks = plan_pass(trigger="catalog edit")
        with CaptureQueriesContext(connection) as queries:
            run_chunk(run.pk, 0, chunks[0])
        counts.append(len(queries))
        assert Recomputation.objects.get(pk=run.pk).changed > 0
        assert_as_a_whole_evaluation_gives(clients)
    # Reads, the locks, at most two statements a table written, the pass's count: a
    # statement per client would pass this bound at twelve.
    assert max(counts) <= 15, counts


def test_a_pass_after_an_edit_that_moves_no_rule_keeps_every_summary_without_reading_profiles(
    advisor, monkeypatch
):
    clients = people(advisor.organisation, advisor, 4)
    call_command("recompute_summaries")
    ccm = m.Certification.objects.get(code="ccm")
    ccm.fees = "$999 (a fee moves no rule)"
    ccm.save()

    def refused(*args, **kwargs):
        raise AssertionError("a profile was parsed although no rule moved")

    monkeypatch.setattr(recompute_module, "parse_profile", refused)
    run = one_pass()
    assert (run.assessments, run.changed, run.failed) == (4, 0, 0)
    assert_as_a_whole_evaluation_gives(clients)


def test_a_pass_after_a_rule_change_stores_what_a_whole_evaluation_gives_and_records_the_flips(
    advisor,
):
    clients = people(advisor.organisation, advisor, 8)
    call_command("recompute_summaries")
    ready = {c.pk for c in clients if c.readiness.get(certification="acm").status == "eligible"}
    assert ready
    raise_acm_hours()
    run = one_pass()
    assert_as_a_whole_evaluation_gives(clients)
    flips = StatusChange.objects.filter(recomputation=run, certification="acm")
    assert {f.client_id for f in flips} >= ready
    assert {f.before_status for f in flips if f.client_id in ready} == {"eligible"}
    assert all("20,000" in f.cause for f in flips)
    # And back: the stored rows follow the rule again.
    raise_acm_hours(2080)
    one_pass()
    assert_as_a_whole_evaluation_gives(clients)


def test_a_summary_that_loses_a_certification_loses_its_readiness_row(advisor):
    (person,) = people(advisor.organisation, advisor, 1)
    assessment = person.assessment
    before = dict(assessment.summary)
    assessment.summary = {code: item for code, item in before.items() if code != "acm"}
    save_summaries([assessment], organisations=[person.organisation_id], before={person.pk: before})
    assert not person.readiness.filter(certification="acm").exists()
    assert stored_rows(person) == rows_of(assessment.summary)


def test_saving_summaries_with_the_organisations_given_asks_nothing_about_the_clients(advisor):
    (person,) = people(advisor.organisation, advisor, 1)
    assessment = person.assessment
    before = dict(assessment.summary)
    assessment.summary = {**before, "acm": {**before["acm"], "detail": "a new line of words"}}
    with CaptureQueriesContext(connection) as queries:
        save_summaries(
            [assessment],
            organisations=[person.organisation_id],
            before={person.pk: before},
            soonest_before={person.pk: person.soonest_on},
        )
    # The readiness row rewritten in place, and the organisation's numbers; the soonest date
    # did not move, so the client's row is not written.
    assert [q["sql"].split()[0] for q in queries] == ["INSERT", numbers_statement()]
    assert person.readiness.get(certification="acm").detail == "a new line of words"


def numbers_statement() -> str:
    return "WITH" if connection.vendor == "postgresql" else "UPDATE"


def test_the_organisations_numbers_are_marked_changed_in_one_statement(org, other_org):
    with CaptureQueriesContext(connection) as queries:
        numbers_changed([other_org.pk, org.pk, org.pk])
    assert len(queries) == 1
    stamps = Organisation.objects.values_list("numbers_changed", flat=True)
    assert all(stamps) and len(set(stamps)) == 1


def test_rows_are_written_and_upserted_from_plain_tuples(advisor):
    (person,) = people(advisor.organisation, advisor, 1)
    fields = ["client", "certification", "status", "eligible_on", "blocker", "detail"]
    day = dt.date(2027, 3, 1)
    insert_rows(
        Readiness,
        fields,
        [(person.pk, "acm", "eligible_later", day, "Experience", "1 of 2 hours")],
        replace_on=("client", "certification"),
    )
    row = person.readiness.get(certification="acm")
    assert (row.status, row.eligible_on, row.blocker, row.detail) == (
        "eligible_later",
        day,
        "Experience",
        "1 of 2 hours",
    )
    assert person.readiness.count() == len(person.assessment.summary)  # replaced, not added

    now = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
    update_rows(
        Assessment,
        ["summary"],
        [(person.assessment_id, {"acm": {"status": "x"}})],
        constants={"catalog_version": "v-test", "computed_at": now},
    )
    stored = Assessment.objects.get(pk=person.assessment_id)
    assert (stored.summary, stored.catalog_version, stored.computed_at) == (
        {"acm": {"status": "x"}},
        "v-test",
        now,
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="jsonb merge")
def test_a_merged_summary_keeps_the_entries_not_sent(advisor):
    (person,) = people(advisor.organisation, advisor, 1)
    before = person.assessment.summary
    update_rows(
        Assessment,
        ["summary"],
        [(person.assessment_id, {"acm": {"status": "x"}})],
        merge=("summary",),
    )
    assert Assessment.objects.get(pk=person.assessment_id).summary == {
        **before,
        "acm": {"status": "x"},
    }


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite has no jsonb merge")
def test_a_merge_is_refused_where_the_database_cannot_merge_json():
    with pytest.raises(ValueError, match="PostgreSQL"):
        update_rows(Assessment, ["summary"], [(1, {})], merge=("summary",))


def test_the_summary_line_is_the_first_line_of_what_is_missing_for_every_unmet_condition():
    snapshot = get_snapshot()
    seen = 0
    for profile in (nurse(), new_hire(), new_hire("2026-11-01"), {"as_of": "2026-11-23"}):
        for result in evaluate(parse_profile(profile, snapshot), snapshot):
            for group in result.groups:
                for option in group.options:
                    for cond in option.conditions:
                        if not cond.met:
                            expected = (gap(cond) or cond.condition.text).split("\n")[0]
                            assert _first_line_of_gap(cond) == expected
                            seen += 1
    assert seen > 20
