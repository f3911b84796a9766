"""A client's stored summary (what the list, the dashboard and the CSV show) always follows
the client's current assessment: a recompute never writes over a newer save, and a catalog
loaded from the command line is recomputed (here, or by the workers)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from advising import recompute as recompute_module
from advising.models import Client, Readiness
from advising.recompute import recompute
from advising.summaries import record_assessment, soonest
from eligibility.catalog import get_snapshot
from eligibility.snapshot import SEED_PATH

from .conftest import add_client, new_hire, nurse


def standing_rows(client: Client) -> dict:
    """{certification: (status, eligible_on)} as the client list and the CSV read them."""
    return {
        r.certification: (r.status, r.eligible_on.isoformat() if r.eligible_on else None)
        for r in Readiness.objects.filter(client=client)
    }


def standing_of(summary: dict) -> dict:
    return {code: (item["status"], item["eligible_on"]) for code, item in summary.items()}


def test_a_save_during_a_recompute_keeps_the_new_assessments_standing(advisor, monkeypatch):
    client = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    old = client.assessment
    # The stored summary is out of date (as after a rule change), so the recompute rewrites it.
    old.summary = {code: {**item, "status": "eligible", "eligible_on": None}
                   for code, item in old.summary.items()}  # fmt: skip
    old.save(update_fields=["summary"])

    evaluate = recompute_module.evaluate
    saved = []

    def advisor_saves_meanwhile(profile, snapshot, only=None):
        # The recompute has read the old assessment; the advisor saves a new one now.
        if not saved:
            fresh = Client.objects.get(pk=client.pk)
            saved.append(record_assessment(fresh, nurse(), get_snapshot(), source="advisor"))
        return evaluate(profile, snapshot, only)

    monkeypatch.setattr(recompute_module, "evaluate", advisor_saves_meanwhile)
    recompute(trigger="test")

    client.refresh_from_db()
    assert client.assessment == saved[0]
    assert standing_rows(client) == standing_of(saved[0].summary)
    assert standing_rows(client)["acm"][0] == "eligible"  # the nurse's, not the new hire's
    assert client.soonest_on == soonest(saved[0].summary, saved[0].profile["as_of"])
    assert not client.status_changes.exists()  # no move reported from a summary not shown


@pytest.mark.slow
def test_loading_a_catalog_from_the_command_line_recomputes_before_it_exits(
    advisor, settings, tmp_path
):
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    assert rita.readiness.get(certification="acm").status == "eligible"
    settings.CAREERPATH_RECOMPUTE = "inline"  # no workers: the command runs the pass itself
    data = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    acm = data["certifications"][1]
    acm["groups"][1]["options"][0]["conditions"][0]["params"]["hours"] = 20000
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    out = StringIO()
    call_command("load_catalog", str(path), stdout=out)

    assert rita.readiness.get(certification="acm").status != "eligible"
    rita.refresh_from_db()
    assert rita.assessment.summary["acm"]["status"] != "eligible"
    assert "1 summaries checked" in out.getvalue()
