"""The hand-worked scenarios of SPEC §3b (scenarios_3b.py) through the engine and the seeded
catalog, the load refusals of the not-eligible-for kind, and what the results say of hours
worked before a degree."""

import copy

import pytest

from eligibility.snapshot import CatalogError, load_seed_snapshot, parse_catalog
from tests.catalog_breadth.scenarios_3b import SCENARIOS
from tests.conftest import cert


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_the_hand_worked_scenario_matches_the_engine(assess, scenario):
    matches_by_hand(assess, scenario)


def matches_by_hand(assess, scenario: dict) -> None:
    """The engine's status, date (and ACM's variant, where given) for each certification a
    hand-worked scenario expects."""
    results = assess(scenario["profile"])
    for code, expected in scenario["expect"].items():
        got = cert(results, code)
        assert (got["status"], got["eligible_on"]) == (
            expected["status"],
            expected["eligible_on"],
        ), code
        if "variant" in expected:
            assert got["variant"] == expected["variant"], code


def test_acm_is_named_by_no_variant_when_the_person_is_not_eligible(assess):
    assert cert(assess({"as_of": "2026-12-01"}), "acm")["variant"] is None


def seed_with(change) -> dict:
    data = copy.deepcopy(load_seed_snapshot().data)
    change(data)
    return data


def track_2_condition(data: dict) -> dict:
    cmac = next(c for c in data["certifications"] if c["code"] == "cmac")
    return cmac["groups"][0]["options"][1]["conditions"][-1]


def test_loading_refuses_a_not_eligible_for_condition_naming_an_unknown_certification():
    def unknown(data):
        track_2_condition(data)["params"]["certification"] = "acme"

    with pytest.raises(CatalogError) as refused:
        parse_catalog(seed_with(unknown))
    assert refused.value.errors == {
        "certifications[3].groups[0].options[1].conditions[2].params.certification": (
            "unknown certification 'acme'"
        )
    }


def test_loading_refuses_a_cycle_of_not_eligible_for_conditions_with_its_path():
    def cycle(data):
        acm = next(c for c in data["certifications"] if c["code"] == "acm")
        acm["groups"][1]["options"][0]["conditions"].append(
            {"code": "not-cmac", "kind": "not-eligible-for", "params": {"certification": "cmac"}}
        )

    with pytest.raises(CatalogError) as refused:
        parse_catalog(seed_with(cycle))
    errors = refused.value.errors
    assert errors["certifications[1].groups[1].options[0].conditions[1].params.certification"] == (
        "makes a cycle: acm → cmac → acm"
    )
    assert errors["certifications[3].groups[0].options[1].conditions[2].params.certification"] == (
        "makes a cycle: cmac → acm → cmac"
    )


def test_loading_refuses_a_certification_that_depends_on_itself():
    def itself(data):
        track_2_condition(data)["params"]["certification"] = "cmac"

    with pytest.raises(CatalogError) as refused:
        parse_catalog(seed_with(itself))
    assert list(refused.value.errors.values()) == ["makes a cycle: cmac → cmac"]


BSW_2024 = {
    "as_of": "2026-12-01",
    "licenses": [{"type": "social-worker"}],
    "degrees": [
        {"level": "bachelor", "field": "social-work", "accredited": True, "completed": "2024-06-01"}
    ],
    "experience": [
        {
            "role": "case-manager",
            "setting": "community",
            "start": "2022-01-01",
            "hours_per_week": 40,
            "paid": True,
            "supervised": True,
        }
    ],
    "attestations": ["nasw-code-of-ethics"],
}


def c_swcm_hours(results: dict) -> dict:
    return cert(results, "c-swcm")["groups"][1]["options"][0]["conditions"][0]


def test_the_results_say_hours_before_the_degree_do_not_count(assess):
    from eligibility.engine import evaluate
    from eligibility.explain import why_not
    from eligibility.profile import parse_profile

    results = assess(BSW_2024)
    hours = c_swcm_hours(results)
    # 2024-06-01 .. 2026-12-01 = 914 days → 5,222.9 h (the job since 2022 would give 10,000+).
    assert hours["have"] == pytest.approx(40 * 914 / 7, abs=0.1)
    assert hours["note"] is None
    snap = load_seed_snapshot()
    person = parse_profile({**BSW_2024, "as_of": "2025-06-01"}, snap)
    c_swcm = next(r for r in evaluate(person, snap) if r.certification.code == "c-swcm")
    unmet = c_swcm.groups[1].options[0].conditions[0]
    assert unmet.met is False
    assert why_not(unmet)[0] == (
        "Hours before your degree do not count: only work since 1 June 2024 (when you "
        "completed it) counts."
    )


def test_a_degree_without_its_date_is_said_to_be_assumed_finished_before_the_work(assess):
    undated = copy.deepcopy(BSW_2024)
    del undated["degrees"][0]["completed"]
    hours = c_swcm_hours(assess(undated))
    assert hours["met"] is True
    assert hours["note"].startswith("Your degree has no completion date, so it was taken as")


@pytest.mark.django_db
def test_the_results_page_names_the_acm_variant_and_the_assumed_degree_date(client, seeded):
    from tests.test_explanations import results_page, words

    nurse = {
        "as_of": "2026-12-01",
        "licenses": [{"type": "rn"}],
        "experience": [
            {
                "role": "nurse-case-manager",
                "setting": "hospital",
                "start": "2024-01-01",
                "hours_per_week": 40,
                "paid": True,
                "supervised": True,
            }
        ],
    }
    assert "Awarded to you as ACM-RN, by the route you meet." in words(results_page(client, nurse))
    undated = copy.deepcopy(BSW_2024)
    del undated["degrees"][0]["completed"]
    page = words(results_page(client, undated))
    assert "Your degree has no completion date, so it was taken as finished before all" in page


def test_an_eligible_disability_manager_is_dated_to_the_next_cdms_window_and_its_close(assess):
    # The Commission's cycle chart: a March exam (apply by 31 January) and a September one
    # (apply by 30 June), every year; in December the next is March, applications still open.
    manager = SCENARIOS[0]["profile"]
    steps = cert(assess(manager), "cdms")["next_steps"]
    exam = next(s for s in steps if s["kind"] == "exam")
    assert (exam["date"], exam["closes"]) == ("2027-03-01", "2027-01-31")
    assert exam["text"] == (
        "Sit the exam in the March 2027 window; applications for it close on 31 January 2027."
    )
    # After 30 June the September window has closed: the next is March of the year after.
    summer = cert(assess({**manager, "as_of": "2027-07-01"}), "cdms")["next_steps"]
    assert next(s for s in summer if s["kind"] == "exam")["window"] == "March 2028"
