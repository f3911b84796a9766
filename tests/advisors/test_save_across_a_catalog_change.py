"""A save that began under the old rules and finished after a catalog import (found by the
soak, issue 14): the client's stored standing must follow the rules in force, not the ones
the save's request read when it started (a worker reads the catalog at most every 2 s)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from advising.summaries import record_assessment, summarise
from eligibility.catalog import get_snapshot
from eligibility.engine import evaluate
from eligibility.profile import parse_profile
from eligibility.snapshot import SEED_PATH

from .conftest import add_client, new_hire, nurse


@pytest.mark.slow
def test_a_save_that_began_before_a_catalog_import_ends_under_the_new_rules(
    advisor, settings, tmp_path
):
    lou = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    settings.CAREERPATH_RECOMPUTE = "inline"
    read_when_the_request_began = get_snapshot()
    data = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    acm = data["certifications"][1]
    acm["groups"][1]["options"][0]["conditions"][0]["params"]["hours"] = 20000
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load_catalog", str(path), stdout=StringIO())  # recomputes before it returns

    saved = record_assessment(lou, nurse(), read_when_the_request_began, source="advisor")

    now = get_snapshot()
    fresh = summarise(evaluate(parse_profile(saved.profile, now), now))
    lou.refresh_from_db()
    assert lou.assessment.summary == fresh
    assert lou.readiness.get(certification="acm").status == fresh["acm"]["status"]
