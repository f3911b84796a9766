"""After an editor's change, the recompute evaluates only the certifications whose rules moved
(and those that depend on them); what it stores is what a whole evaluation gives."""

import copy
import json

import pytest
from django.core.management import call_command

from advising import recompute as recompute_module
from advising.summaries import summarise
from eligibility.catalog import get_snapshot
from eligibility.engine import evaluate
from eligibility.profile import parse_profile
from eligibility.snapshot import SEED_PATH, parse_catalog
from tests.htmlforms import single
from tests.test_editor_admin import change_url, key_with_value

from .conftest import add_client, new_hire, nurse
from .test_recompute import certification_form, editor
from .test_summary_races import standing_of, standing_rows


def seed() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


def first_hours(cert: dict) -> dict:
    for group in cert["groups"]:
        for option in group["options"]:
            for cond in option["conditions"]:
                if cond["kind"] == "experience":
                    return cond["params"]
    raise AssertionError("no experience condition")


def test_a_rule_change_moves_the_rule_version_of_its_certification_and_of_those_that_depend_on_it():
    before = parse_catalog(seed()).rule_versions
    data = seed()
    acm = next(c for c in data["certifications"] if c["code"] == "acm")
    first_hours(acm)["hours"] += 1
    after = parse_catalog(data).rule_versions
    moved = {code for code in before if before[code] != after[code]}
    assert moved == {"acm", "cmac"}  # CMAC's track 2 is closed to whoever meets ACM


def test_a_new_fee_moves_no_rule_version():
    data = seed()
    before = parse_catalog(copy.deepcopy(data)).rule_versions
    next(c for c in data["certifications"] if c["code"] == "ccm")["fees"] = "$999"
    assert parse_catalog(data).rule_versions == before


@pytest.mark.slow
def test_an_edit_to_acm_evaluates_acm_and_cmac_only_and_stores_what_a_whole_evaluation_gives(
    client, advisor, monkeypatch, django_capture_on_commit_callbacks
):
    people = [
        add_client(advisor.organisation, advisor, "Ready Rita", nurse()),
        add_client(advisor.organisation, advisor, "Later Lou", new_hire()),
    ]
    call_command("recompute_summaries")  # a pass records the rule versions of this catalog
    asked = []
    whole = recompute_module.evaluate

    def recording(profile, snapshot, only=None):
        asked.append(None if only is None else set(only))
        return whole(profile, snapshot, only)

    monkeypatch.setattr(recompute_module, "evaluate", recording)
    client.force_login(editor())
    fields = certification_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["20000"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url("acm"), single(fields)).status_code == 302

    assert asked == [{"acm", "cmac"}] * len(people)
    snapshot = get_snapshot()
    for person in people:
        person.refresh_from_db()
        stored = person.assessment.summary
        assert stored == summarise(
            evaluate(parse_profile(person.assessment.profile, snapshot), snapshot)
        )
        # The rows the client list and the dashboard read, rewritten for what moved only.
        assert standing_rows(person) == standing_of(stored)
    assert people[0].readiness.get(certification="acm").status != "eligible"


def test_the_recompute_command_evaluates_every_certification(advisor, monkeypatch):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    call_command("recompute_summaries")
    asked = []
    whole = recompute_module.evaluate

    def recording(profile, snapshot, only=None):
        asked.append(only)
        return whole(profile, snapshot, only)

    monkeypatch.setattr(recompute_module, "evaluate", recording)
    call_command("recompute_summaries")  # after a deploy the engine itself may have changed
    assert asked == [None]
