"""Numbers too large to assess are refused with the field named, never a 500 (issue 14, 8).

The API, and the wizard that validates with the same profile check.
"""

import copy
import json

import pytest

from tests.conftest import SPEC_EXAMPLE
from tests.test_assessment_wizard import ANSWERS, CE, entries
from tests.test_assessment_wizard import post as wizard_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded", "fresh_rate_limits")]
ASSESS = "/api/assess"


def post_body(client, body: str):
    return client.post(ASSESS, body, content_type="application/json")


def profile_with(**changes) -> dict:
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile.update(changes)
    return profile


@pytest.mark.parametrize(
    "references", [2**64, 10**3999, 1001], ids=["beyond 64 bits", "4,000 digits", "1,001"]
)
def test_a_huge_number_of_references_is_refused_naming_the_field(client, references):
    response = post_body(client, json.dumps(profile_with(references=references)))
    assert response.status_code == 400
    assert response.json() == {"errors": {"references": "must be at most 1,000"}}


def test_a_number_too_long_to_read_is_refused_naming_the_field(client):
    body = json.dumps(profile_with(references=0)).replace(
        '"references": 0', '"references": ' + "9" * 5000
    )
    response = post_body(client, body)
    assert response.status_code == 400
    assert response.json() == {"errors": {"references": "must be at most 1,000"}}


@pytest.mark.parametrize("hours", [10**21, 1e21, 10_001])
def test_a_course_of_more_hours_than_any_course_has_is_refused_not_assessed(client, hours):
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile["education"][0]["hours"] = hours
    response = post_body(client, json.dumps(profile))
    assert response.status_code == 400
    assert response.json() == {"errors": {"education[0].hours": "must be at most 10,000"}}


def test_a_huge_number_of_hours_a_week_is_refused_naming_the_field(client):
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile["experience"][0]["hours_per_week"] = 2**64
    response = post_body(client, json.dumps(profile))
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"experience[0].hours_per_week": "must be between 1 and 80"}
    }


def test_numbers_at_their_bounds_are_assessed(client):
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile["references"] = 1000
    profile["education"][0]["hours"] = 10_000
    response = post_body(client, json.dumps(profile))
    assert response.status_code == 200


# --- the wizard: the same bounds, shown at the field --------------------------------------


def test_the_wizard_refuses_a_course_of_more_hours_than_any_course_has(client):
    client.get("/assess/")
    response = wizard_post(client, "training", entries("training", {**CE, "hours": "1e21"}))
    assert response.status_code == 200
    messages = dict(response.context["errors"])
    assert "must be at most 10,000" in messages["id_training-entries-0-hours"]


def test_the_wizard_refuses_more_references_than_anyone_gives(client):
    client.get("/assess/")
    response = wizard_post(client, "about", {**ANSWERS["about"], "about-references": "9" * 30})
    assert response.status_code == 200
    messages = dict(response.context["errors"])
    assert "must be at most 1,000" in messages["id_about-references"]
