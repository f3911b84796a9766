"""`python manage.py assess FILE`: results on stdout, errors on stderr with exit 2."""

import io
import json

import pytest
from django.core.management import call_command

from tests.conftest import SPEC_EXAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def run(tmp_path, payload, monkeypatch=None, raw: str | None = None):
    path = tmp_path / "profile.json"
    path.write_text(raw if raw is not None else json.dumps(payload), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("assess", str(path), stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_it_prints_the_results_of_the_spec_example(tmp_path):
    code, out, err = run(tmp_path, SPEC_EXAMPLE)
    assert code == 0 and err == ""
    results = json.loads(out)
    status = {r["certification"]: (r["status"], r["eligible_on"]) for r in results["results"]}
    # 2023-01-01 → 2026-11-23 is 1,423 days: 8,131 h full time as a nurse case manager under
    # a CCM supervisor, an RN licence, a CRC and the attestation.
    assert status["ccm"] == ("eligible", "2026-11-23")
    assert status["acm"] == ("eligible", "2026-11-23")
    # Only 12 of 30 CE hours in nursing case management, and none planned.
    assert status["cmgt-bc"] == ("not_eligible", None)
    # CMAC: bachelor + 10,400 h in CM roles would open on 2027-12-25, but that is track 2,
    # closed to her: she meets ACM's rules (SPEC §3b).
    assert status["cmac"] == ("not_eligible", None)
    assert results["as_of"] == "2026-11-23"
    assert len(results["catalog_version"]) == 12
    assert results["jobs"][0]["fit"] == "strong"


def test_a_list_of_profiles_gives_a_list_of_results_in_order(tmp_path):
    nobody = {"as_of": "2026-11-23"}
    code, out, _ = run(tmp_path, [SPEC_EXAMPLE, nobody])
    assert code == 0
    results = json.loads(out)
    assert [r["results"][0]["status"] for r in results] == ["eligible", "not_eligible"]


def test_bad_input_exits_2_with_every_error_on_stderr(tmp_path):
    bad = {
        "as_of": "23/11/2026",
        "experience": [
            {"role": "astronaut", "setting": "hospital", "start": "2024-01-01",
             "end": "2023-01-01", "hours_per_week": 90}
        ],
    }  # fmt: skip
    code, out, err = run(tmp_path, bad)
    assert code == 2 and out == ""
    assert "as_of: must be a date" in err
    assert "experience[0].role: unknown role 'astronaut'" in err
    assert "experience[0].end: is before the start date" in err
    assert "experience[0].hours_per_week: must be between 1 and 80" in err


def spec_example_with_degree_completed(completed) -> dict:
    return {**SPEC_EXAMPLE, "degrees": [{**SPEC_EXAMPLE["degrees"][0], "completed": completed}]}


def test_a_degree_with_a_completion_date_is_accepted(tmp_path):
    code, out, err = run(tmp_path, spec_example_with_degree_completed("2019-06-01"))
    assert code == 0 and err == ""
    assert json.loads(out)["as_of"] == "2026-11-23"


def test_a_malformed_degree_completion_date_exits_2_naming_its_path(tmp_path):
    code, out, err = run(tmp_path, spec_example_with_degree_completed("June 2019"))
    assert code == 2 and out == ""
    assert "degrees[0].completed: must be a date like 2026-11-23" in err


def test_a_degree_finished_after_as_of_exits_2_naming_its_path(tmp_path):
    code, out, err = run(tmp_path, spec_example_with_degree_completed("2027-05-15"))
    assert code == 2 and out == ""
    assert "degrees[0].completed: is after the assessment date" in err


def test_errors_in_a_list_are_prefixed_by_the_profile_index(tmp_path):
    code, _, err = run(tmp_path, [{}, {"references": -1}])
    assert code == 2
    assert "[1].references: must not be negative" in err


def test_a_file_that_is_not_json_exits_2_without_a_traceback(tmp_path):
    code, out, err = run(tmp_path, None, raw="{oops")
    assert code == 2 and out == ""
    assert "is not valid JSON" in err and "Traceback" not in err


def test_a_missing_file_exits_2(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("assess", str(tmp_path / "nope.json"), stdout=out, stderr=err)
    assert exit_.value.code == 2
    assert "cannot read" in err.getvalue()


def test_it_reads_stdin_with_a_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(SPEC_EXAMPLE)))
    out = io.StringIO()
    call_command("assess", "-", stdout=out)
    assert json.loads(out.getvalue())["results"][0]["status"] == "eligible"


def test_a_number_of_five_thousand_digits_names_its_field_instead_of_a_traceback(tmp_path):
    code, out, err = run(tmp_path, None, raw='{"references": ' + "9" * 5000 + "}")
    assert code == 2 and out == ""
    assert err.startswith("references: must be at most") and "Traceback" not in err


def test_json_nested_past_pythons_recursion_limit_exits_2_as_not_json(tmp_path):
    code, out, err = run(tmp_path, None, raw="[" * 100_000 + "]" * 100_000)
    assert code == 2 and out == ""
    assert "is not valid JSON" in err
