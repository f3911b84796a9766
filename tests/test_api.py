"""The JSON API: `POST /api/assess` and `GET /api/catalog`.

Formats: docs/profile-format.md, docs/results-format.md.
"""

import copy
import json

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from eligibility import api
from eligibility.catalog import get_snapshot
from eligibility.loading import load_catalog
from eligibility.snapshot import SEED_PATH
from tests.conftest import SPEC_EXAMPLE

# One rate-limit window per test: a new window's first request costs fewer queries than the
# next ones, which would make the query counts below depend on the clock.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_rate_limits", "frozen_rate_limit_clock"),
]

ASSESS, CATALOG = "/api/assess", "/api/catalog"
NOBODY = {"as_of": "2026-11-23"}
# After a warm-up, both endpoints read only the catalog revision token (the snapshot is cached;
# tests read the token on every request). /api/assess also counts the request: an `add` that
# finds the window open and an `incr` (careerpath/counters.py).
RATE_LIMIT_QUERIES = 2
ASSESS_QUERY_BUDGET = 1 + RATE_LIMIT_QUERIES
CATALOG_QUERY_BUDGET = 1


def seed_data() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


def post(client: Client, data, **extra):
    return client.post(ASSESS, json.dumps(data), content_type="application/json", **extra)


def post_raw(client: Client, body: bytes, content_type: str = "application/json", **extra):
    return client.post(ASSESS, body, content_type=content_type, **extra)


def statuses(results: dict) -> dict:
    return {r["certification"]: (r["status"], r["eligible_on"]) for r in results["results"]}


# --- POST /api/assess: answers ------------------------------------------------------------


def test_the_spec_example_is_assessed_as_the_spec_says(client, seeded):
    response = post(client, SPEC_EXAMPLE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = response.json()
    assert statuses(results) == {
        "ccm": ("eligible", "2026-11-23"),
        "acm": ("eligible", "2026-11-23"),
        "cmgt-bc": ("not_eligible", None),
        # SPEC §3b: she meets ACM's rules, which closes CMAC's track 2 (2027-12-25 before).
        "cmac": ("not_eligible", None),
        "cdms": ("not_eligible", None),
        "cmcn": ("not_eligible", None),
        "c-swcm": ("not_eligible", None),
        "c-aswcm": ("not_eligible", None),
        "crc": ("not_eligible", None),  # holding a CRC is not a master's in the field
        # Her hours meet CMC criterion II and CCCTM's, but she has not answered their
        # questions (core functions; ANCC taking new CCCTM applications).
        "cmc": ("not_eligible", None),
        "ccctm": ("not_eligible", None),
    }
    assert results["as_of"] == "2026-11-23"
    assert results["catalog_version"] == get_snapshot().version
    assert results["jobs"][0]["fit"] == "strong"


def test_results_are_never_stored_by_a_cache(client, seeded):
    response = post(client, SPEC_EXAMPLE)
    assert "no-store" in response["Cache-Control"]


def test_a_list_of_profiles_gives_a_list_of_results_in_order(client, seeded):
    response = post(client, [SPEC_EXAMPLE, NOBODY])
    assert response.status_code == 200
    results = response.json()
    assert isinstance(results, list) and len(results) == 2
    assert statuses(results[0])["ccm"] == ("eligible", "2026-11-23")
    assert statuses(results[1])["ccm"] == ("not_eligible", None)


def test_an_empty_list_gives_an_empty_list(client, seeded):
    response = post(client, [])
    assert response.status_code == 200 and response.json() == []


def test_no_csrf_token_is_needed(seeded):
    response = post(Client(enforce_csrf_checks=True), SPEC_EXAMPLE)
    assert response.status_code == 200


# --- POST /api/assess: refusals -----------------------------------------------------------


def test_bad_input_is_refused_with_every_error_by_its_path(client, seeded):
    bad = {
        "as_of": "23/11/2026",
        "experience": [
            {"role": "astronaut", "setting": "hospital", "start": "2024-01-01",
             "end": "2023-01-01", "hours_per_week": 90}
        ],
        "favourite_colour": "blue",
    }  # fmt: skip
    response = post(client, bad)
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "favourite_colour": "is not a known field",
            "as_of": "must be a date like 2026-11-23",
            "experience[0].role": "unknown role 'astronaut'",
            "experience[0].end": "is before the start date",
            "experience[0].hours_per_week": "must be between 1 and 80",
        }
    }


def with_degree(**fields) -> dict:
    profile = copy.deepcopy(SPEC_EXAMPLE)
    profile["degrees"][0].update(fields)
    return profile


def test_a_degree_with_a_completion_date_is_assessed_like_one_without(client, seeded):
    # The engine does not read the date yet (SPEC §3b's after_degree does); it is accepted.
    dated = post(client, with_degree(completed="2019-06-01"))
    undated = post(client, SPEC_EXAMPLE)
    assert dated.status_code == 200
    assert statuses(dated.json()) == statuses(undated.json())


@pytest.mark.parametrize(
    ("completed", "message"),
    [
        ("1 June 2019", "must be a date like 2026-11-23"),
        ("2019-02-30", "must be a date like 2026-11-23"),
        (True, "must be a date like 2026-11-23"),
        ("2026-11-24", "is after the assessment date (as_of): add a degree once it is finished"),
    ],
)
def test_a_bad_degree_completion_date_is_refused_by_its_path(client, seeded, completed, message):
    response = post(client, with_degree(completed=completed))
    assert response.status_code == 400
    assert response.json() == {"errors": {"degrees[0].completed": message}}


def test_errors_in_a_list_are_prefixed_by_the_profile_index_and_nothing_is_answered(client, seeded):
    response = post(client, [SPEC_EXAMPLE, {"references": -1}, 5])
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"[1].references": "must not be negative", "[2].profile": "must be an object"}
    }


def test_a_body_that_is_not_an_object_or_a_list_is_refused(client, seeded):
    response = post(client, "ccm")
    assert response.status_code == 400
    assert response.json() == {"errors": {"profile": "must be an object"}}


@pytest.mark.parametrize(
    "body",
    [b"{oops", b"  ", b'{"references": NaN}', b"[" * 100_000, b'{"references": 1' + b"0" * 5000],
    ids=["broken", "blank", "nan", "deeply-nested", "huge-number"],
)
def test_a_body_that_is_not_json_is_refused(client, seeded, body):
    response = post_raw(client, body)
    assert response.status_code == 400
    assert response.json() == {"errors": {"body": "is not valid JSON"}}


def test_a_body_that_is_not_utf8_is_refused(client, seeded):
    response = post_raw(client, '{"as_of": "2026-11-23", "x": "é"}'.encode("latin-1"))
    assert response.status_code == 400
    assert response.json() == {"errors": {"body": "is not valid UTF-8"}}


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1"],
)
def test_a_body_that_is_not_declared_json_is_refused_as_unsupported_media(
    client, seeded, content_type
):
    response = post_raw(client, json.dumps(NOBODY).encode(), content_type=content_type)
    assert response.status_code == 415
    assert list(response.json()["errors"]) == ["content_type"]


def test_json_with_a_utf8_charset_parameter_is_accepted(client, seeded):
    response = post_raw(
        client, json.dumps(NOBODY).encode(), content_type="application/json; charset=UTF-8"
    )
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_other_methods_than_post_are_refused_with_an_allow_header(client, seeded, method):
    response = getattr(client, method)(ASSESS)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"errors": {"method": "must be POST"}}


def test_a_body_over_256_kb_is_refused_as_too_large(client, seeded):
    body = json.dumps({"as_of": "2026-11-23", "padding": "x" * api.MAX_BODY_BYTES}).encode()
    response = post_raw(client, body)
    assert response.status_code == 413
    assert response.json() == {"errors": {"body": "must be at most 256 KB"}}


def test_a_body_longer_than_its_content_length_says_is_refused_as_too_large(seeded):
    body = json.dumps(["x" * api.MAX_BODY_BYTES]).encode()
    request = RequestFactory().post(ASSESS, body, content_type="application/json")
    request.META["CONTENT_LENGTH"] = "10"  # the stream still holds the whole body
    response = api.assess(request)
    assert response.status_code == 413


def test_a_body_over_djangos_upload_limit_is_refused_as_too_large(client, seeded, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000  # below the API's own limit
    response = post(client, [NOBODY] * 50)
    assert response.status_code == 413
    assert response.json() == {"errors": {"body": "must be at most 256 KB"}}


def test_more_than_100_profiles_are_refused(client, seeded):
    assert post(client, [NOBODY] * 100).status_code == 200
    response = post(client, [NOBODY] * 101)
    assert response.status_code == 400
    assert response.json() == {"errors": {"body": "must have at most 100 profiles"}}


# --- POST /api/assess: rate limit ---------------------------------------------------------


def test_the_61st_request_in_a_minute_from_one_address_is_refused_with_json(
    client, seeded, frozen_rate_limit_clock
):
    for _ in range(60):
        assert post(client, NOBODY, REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = post(client, NOBODY, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert list(refused.json()["errors"]) == ["request"]
    assert post(client, NOBODY, REMOTE_ADDR="198.51.100.2").status_code == 200


def test_refused_methods_do_not_count_against_the_rate_limit(
    client, seeded, frozen_rate_limit_clock
):
    for _ in range(61):
        client.get(ASSESS, REMOTE_ADDR="203.0.113.7")
    assert post(client, NOBODY, REMOTE_ADDR="203.0.113.7").status_code == 200


# --- GET /api/catalog ---------------------------------------------------------------------


def test_the_catalog_is_published_with_its_version_and_the_four_certifications(client, seeded):
    response = client.get(CATALOG)
    assert response.status_code == 200
    body = response.json()
    assert body["catalog_version"] == get_snapshot().version
    assert [c["code"] for c in body["catalog"]["certifications"]] == [
        "ccm", "acm", "cmgt-bc", "cmac", "cdms", "cmcn", "c-swcm", "c-aswcm", "crc", "cmc", "ccctm",
    ]  # fmt: skip
    assert body["catalog"] == get_snapshot().data


def test_the_catalog_is_cacheable_for_five_minutes_under_its_version(client, seeded):
    response = client.get(CATALOG)
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"] == f'"{get_snapshot().version}"'


def test_a_client_holding_the_current_version_gets_304_without_a_body(client, seeded):
    etag = client.get(CATALOG)["ETag"]
    response = client.get(CATALOG, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_client_holding_an_older_version_gets_the_whole_catalog(client, seeded):
    response = client.get(CATALOG, headers={"if-none-match": '"000000000000"'})
    assert response.status_code == 200
    assert response.json()["catalog_version"] == get_snapshot().version


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_catalog_refuses_other_methods_than_get(client, seeded, method):
    response = getattr(client, method)(CATALOG)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# --- query budgets ------------------------------------------------------------------------


def bigger_catalog(copies: int) -> dict:
    """The seeded catalog with each certification repeated `copies` more times."""
    data = seed_data()
    extra = []
    for n in range(copies):
        for cert in data["certifications"]:
            twin = copy.deepcopy(cert)
            twin["code"] = f"{cert['code']}-copy{n}"
            extra.append(twin)
    data["certifications"] += extra
    return data


def queries_for(request) -> int:
    request()  # warm-up: the snapshot is built, the rate-limit counter exists
    request()
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code in (200, 304)
    return len(queries)


@pytest.mark.slow
def test_assessing_runs_a_small_fixed_number_of_queries(
    client, seeded, django_assert_max_num_queries
):
    post(client, SPEC_EXAMPLE)
    with django_assert_max_num_queries(ASSESS_QUERY_BUDGET):
        assert post(client, SPEC_EXAMPLE).status_code == 200
    with django_assert_max_num_queries(ASSESS_QUERY_BUDGET):
        assert post(client, [SPEC_EXAMPLE] * 100).status_code == 200


def test_assessing_reads_nothing_but_the_catalog_revision_outside_the_rate_limit_cache(
    client, seeded
):
    post(client, SPEC_EXAMPLE)
    with CaptureQueriesContext(connection) as queries:
        assert post(client, [SPEC_EXAMPLE] * 100).status_code == 200
    counting = [q["sql"] for q in queries if "careerpath_rate_counter" in q["sql"]]
    own = [q["sql"] for q in queries if "careerpath_rate_counter" not in q["sql"]]
    assert len(counting) == RATE_LIMIT_QUERIES
    assert len(own) == 1 and "eligibility_catalogrevision" in own[0]


def test_the_catalog_runs_a_small_fixed_number_of_queries(
    client, seeded, django_assert_max_num_queries
):
    client.get(CATALOG)
    with django_assert_max_num_queries(CATALOG_QUERY_BUDGET):
        assert client.get(CATALOG).status_code == 200


@pytest.mark.slow
def test_query_counts_do_not_grow_with_the_catalog_or_the_list(client, seeded):
    def assess_one():
        return post(client, SPEC_EXAMPLE)

    def assess_many():
        return post(client, [SPEC_EXAMPLE] * 50)

    def publish():
        return client.get(CATALOG)

    small = [queries_for(assess_one), queries_for(assess_many), queries_for(publish)]
    load_catalog(bigger_catalog(copies=5))
    assert len(get_snapshot().certifications) == 66  # the 11 seeded and 5 copies of each
    large = [queries_for(assess_one), queries_for(assess_many), queries_for(publish)]
    assert small == large
    assert small[0] == small[1]
