"""Profile validation (docs/profile-format.md): defaults, and every bad input refused with its
path."""

import copy
import datetime
import json

import pytest

from eligibility.snapshot import SEED_PATH
from tests.conftest import SPEC_EXAMPLE as VALID
from tests.conftest import cert

SEEDED = len(json.loads(SEED_PATH.read_text(encoding="utf-8"))["certifications"])


def valid() -> dict:
    return copy.deepcopy(VALID)


def with_value(path: tuple, value) -> dict:
    """A copy of VALID with the item at `path` (keys / indexes) set to `value`."""
    profile = valid()
    target = profile
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return profile


def without(path: tuple) -> dict:
    profile = valid()
    target = profile
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return profile


def refused(assess, profile) -> dict:
    """Assess `profile`, expect a ProfileError, and return its errors {path: message}."""
    from eligibility.profile import ProfileError

    with pytest.raises(ProfileError) as caught:
        assess(profile)
    errors = caught.value.errors
    assert isinstance(errors, dict)
    assert errors, "a ProfileError must name at least one error"
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in errors.items())
    return errors


def assert_error(errors: dict, path: str, fragment: str):
    assert path in errors, f"no error at {path}; got {errors}"
    assert fragment in errors[path], f"{path}: {errors[path]!r} does not say {fragment!r}"


# ---------------------------------------------------------------------------------------------
# Valid profiles and defaults
# ---------------------------------------------------------------------------------------------


def test_a_valid_profile_passes(assess):
    results = assess(valid())
    assert results["as_of"] == "2026-11-23"
    assert len(results["results"]) == SEEDED


def test_an_empty_profile_is_valid_and_as_of_defaults_to_today(assess):
    before = datetime.date.today()
    results = assess({})
    after = datetime.date.today()
    assert results["as_of"] in {before.isoformat(), after.isoformat()}
    for entry in results["results"]:
        assert entry["status"] == "not_eligible"
        assert entry["eligible_on"] is None


def test_missing_lists_default_to_empty_and_references_to_zero(assess):
    results = assess({"as_of": "2026-11-23"})
    ccm = cert(results, "ccm")
    self_employment = next(g for g in ccm["groups"] if g["code"] == "self-employment")
    # No experience at all → not self-employed holds; references default to 0.
    not_self = next(o for o in self_employment["options"] if o["code"] == "not-self-employed")
    assert not_self["met"] is True
    refs = next(o for o in self_employment["options"] if o["code"] == "references")
    assert refs["conditions"][0]["have"] == 0


def test_entry_fields_take_their_defaults(assess):
    # active, good_standing, expires, accredited, paid, supervised, self_employed, end and
    # supervisor_credentials all left out.  With the defaults (true, true, null, true, true,
    # true, false, null, []) this nurse case manager since 2022-01-01 (1,788 d = 10,217.1 h)
    # is eligible now for ccm (licence, 4,160 h, not self-employed, attestation), acm (rn,
    # paid supervised hospital hours) and cmgt-bc (6,262.9 h in the window, 30 CE h); cmac's
    # track 2 (bachelor + 10,400 h, due 2026-12-25) is closed to her, since she meets ACM's
    # requirements (she must earn ACM first); and the BSN, accredited by default, counts for
    # ccm's degree option.
    profile = {
        "as_of": "2026-11-23",
        "licenses": [{"type": "rn"}],
        "degrees": [{"level": "bachelor", "field": "nursing"}],
        "experience": [
            {
                "role": "nurse-case-manager",
                "setting": "hospital",
                "start": "2022-01-01",
                "hours_per_week": 40,
            }
        ],
        "education": [{"topic": "nursing-case-management", "hours": 30, "completed": "2026-06-01"}],
        "attestations": ["good-moral-character"],
    }
    results = assess(profile)
    for code in ("ccm", "acm", "cmgt-bc"):
        assert cert(results, code)["status"] == "eligible", code
    assert cert(results, "cmac")["status"] == "not_eligible"
    ccm = cert(results, "ccm")
    lic_or_edu = next(g for g in ccm["groups"] if g["code"] == "licence-or-education")
    degree_option = next(o for o in lic_or_edu["options"] if o["code"] == "degree")
    assert degree_option["met"] is True


def test_an_end_equal_to_the_start_is_accepted(assess):
    profile = with_value(("experience", 0, "end"), "2023-01-01")
    assess(profile)


@pytest.mark.parametrize("hours", [1, 80, 37.5])
def test_hours_per_week_from_1_to_80_are_accepted(assess, hours):
    assess(with_value(("experience", 0, "hours_per_week"), hours))


def test_zero_ce_hours_are_accepted(assess):
    assess(with_value(("education", 0, "hours"), 0))


# ---------------------------------------------------------------------------------------------
# The whole profile
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", [[], "a profile", 42, None, True])
def test_it_refuses_a_profile_that_is_not_an_object(assess, profile):
    errors = refused(assess, profile)
    assert_error(errors, "profile", "must be an object")


def test_it_refuses_an_unknown_top_level_key(assess):
    profile = valid()
    profile["colour"] = "blue"
    errors = refused(assess, profile)
    assert_error(errors, "colour", "is not a known field")


@pytest.mark.parametrize(
    ("entry", "path"),
    [
        ("licenses", "licenses[0].colour"),
        ("degrees", "degrees[0].colour"),
        ("experience", "experience[0].colour"),
        ("education", "education[0].colour"),
    ],
)
def test_it_refuses_an_unknown_key_inside_an_entry(assess, entry, path):
    errors = refused(assess, with_value((entry, 0, "colour"), "blue"))
    assert_error(errors, path, "is not a known field")


# ---------------------------------------------------------------------------------------------
# Unknown codes
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "error_path"),
    [
        (("licenses", 0, "type"), "licenses[0].type"),
        (("degrees", 0, "level"), "degrees[0].level"),
        (("degrees", 0, "field"), "degrees[0].field"),
        (("credentials", 0), "credentials[0]"),
        (("experience", 0, "role"), "experience[0].role"),
        (("experience", 0, "setting"), "experience[0].setting"),
        (("experience", 0, "supervisor_credentials", 0), "experience[0].supervisor_credentials[0]"),
        (("education", 0, "topic"), "education[0].topic"),
        (("attestations", 0), "attestations[0]"),
    ],
)
def test_it_refuses_an_unknown_code(assess, path, error_path):
    errors = refused(assess, with_value(path, "no-such-code"))
    assert_error(errors, error_path, "unknown")


def test_it_refuses_an_unknown_code_in_a_later_list_item(assess):
    profile = valid()
    profile["licenses"].append({"type": "astronaut"})
    errors = refused(assess, profile)
    assert_error(errors, "licenses[1].type", "unknown")
    assert "licenses[0].type" not in errors


# ---------------------------------------------------------------------------------------------
# Dates, ranges and negative numbers
# ---------------------------------------------------------------------------------------------


def test_it_refuses_an_end_before_the_start(assess):
    errors = refused(assess, with_value(("experience", 0, "end"), "2022-12-31"))
    assert_error(errors, "experience[0].end", "is before the start date")


@pytest.mark.parametrize("hours", [0, 81, 0.5, 80.5, 168])
def test_it_refuses_hours_per_week_outside_1_to_80(assess, hours):
    errors = refused(assess, with_value(("experience", 0, "hours_per_week"), hours))
    assert_error(errors, "experience[0].hours_per_week", "must be between 1 and 80")


def test_it_refuses_negative_ce_hours(assess):
    errors = refused(assess, with_value(("education", 0, "hours"), -1))
    assert_error(errors, "education[0].hours", "must not be negative")


def test_it_refuses_negative_references(assess):
    errors = refused(assess, with_value(("references",), -1))
    assert_error(errors, "references", "must not be negative")


@pytest.mark.parametrize(
    ("path", "error_path"),
    [
        (("as_of",), "as_of"),
        (("experience", 0, "start"), "experience[0].start"),
        (("experience", 0, "end"), "experience[0].end"),
        (("licenses", 0, "expires"), "licenses[0].expires"),
        (("education", 0, "completed"), "education[0].completed"),
        (("degrees", 0, "completed"), "degrees[0].completed"),
    ],
)
@pytest.mark.parametrize("bad", ["2026-02-30", "23/11/2026", "2026-13-01", "soon", "", "20190601"])
def test_it_refuses_a_malformed_date(assess, path, error_path, bad):
    errors = refused(assess, with_value(path, bad))
    assert_error(errors, error_path, "must be a date")


# ---------------------------------------------------------------------------------------------
# Wrong types
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "error_path", "message"),
    [
        # lists
        (("licenses",), {"type": "rn"}, "licenses", "must be a list"),
        (("degrees",), "bachelor", "degrees", "must be a list"),
        (("credentials",), "crc", "credentials", "must be a list"),
        (("experience",), {}, "experience", "must be a list"),
        (("education",), 12, "education", "must be a list"),
        (("attestations",), "good-moral-character", "attestations", "must be a list"),
        (
            ("experience", 0, "supervisor_credentials"),
            "ccm",
            "experience[0].supervisor_credentials",
            "must be a list",
        ),
        # objects
        (("licenses", 0), "rn", "licenses[0]", "must be an object"),
        (("degrees", 0), ["bachelor", "nursing"], "degrees[0]", "must be an object"),
        (("experience", 0), 5, "experience[0]", "must be an object"),
        (("education", 0), None, "education[0]", "must be an object"),
        # numbers (booleans are not numbers)
        (
            ("experience", 0, "hours_per_week"),
            "40",
            "experience[0].hours_per_week",
            "must be a number",
        ),
        (
            ("experience", 0, "hours_per_week"),
            True,
            "experience[0].hours_per_week",
            "must be a number",
        ),
        (("education", 0, "hours"), "12", "education[0].hours", "must be a number"),
        (("education", 0, "hours"), True, "education[0].hours", "must be a number"),
        # booleans
        (("licenses", 0, "active"), "yes", "licenses[0].active", "must be true or false"),
        (("licenses", 0, "good_standing"), 1, "licenses[0].good_standing", "must be true or false"),
        (("degrees", 0, "accredited"), "true", "degrees[0].accredited", "must be true or false"),
        (("experience", 0, "paid"), 0, "experience[0].paid", "must be true or false"),
        (
            ("experience", 0, "supervised"),
            "no",
            "experience[0].supervised",
            "must be true or false",
        ),
        (
            ("experience", 0, "self_employed"),
            "false",
            "experience[0].self_employed",
            "must be true or false",
        ),
        # text
        (("licenses", 0, "type"), ["rn"], "licenses[0].type", "must be text"),
        (("degrees", 0, "field"), 7, "degrees[0].field", "must be text"),
        (("experience", 0, "role"), 7, "experience[0].role", "must be text"),
        (("education", 0, "topic"), {"code": "ethics"}, "education[0].topic", "must be text"),
        (("credentials", 0), 5, "credentials[0]", "must be text"),
        (("attestations", 0), True, "attestations[0]", "must be text"),
        # whole numbers
        (("references",), "3", "references", "must be a whole number"),
        (("references",), 2.5, "references", "must be a whole number"),
        (("references",), True, "references", "must be a whole number"),
    ],
)
def test_it_refuses_a_value_of_the_wrong_type(assess, path, value, error_path, message):
    errors = refused(assess, with_value(path, value))
    assert_error(errors, error_path, message)


# ---------------------------------------------------------------------------------------------
# Required fields
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "error_path"),
    [
        (("licenses", 0, "type"), "licenses[0].type"),
        (("degrees", 0, "level"), "degrees[0].level"),
        (("degrees", 0, "field"), "degrees[0].field"),
        (("experience", 0, "role"), "experience[0].role"),
        (("experience", 0, "setting"), "experience[0].setting"),
        (("experience", 0, "start"), "experience[0].start"),
        (("experience", 0, "hours_per_week"), "experience[0].hours_per_week"),
        (("education", 0, "topic"), "education[0].topic"),
        (("education", 0, "hours"), "education[0].hours"),
        (("education", 0, "completed"), "education[0].completed"),
    ],
)
def test_it_refuses_an_entry_missing_a_required_field(assess, path, error_path):
    errors = refused(assess, without(path))
    assert_error(errors, error_path, "is required")


# ---------------------------------------------------------------------------------------------
# All errors at once
# ---------------------------------------------------------------------------------------------


def test_it_reports_every_error_at_once(assess):
    profile = valid()
    profile["as_of"] = "2026-02-30"
    profile["colour"] = "blue"
    profile["licenses"][0]["type"] = "astronaut"
    profile["degrees"][0].pop("field")
    profile["credentials"].append("xyz")
    profile["experience"][0]["end"] = "2022-12-31"
    profile["experience"].append(
        {"role": "case-manager", "setting": "moon", "start": "2024-01-01", "hours_per_week": 0}
    )
    profile["education"][0]["hours"] = -5
    profile["references"] = -1
    errors = refused(assess, profile)
    assert_error(errors, "as_of", "must be a date")
    assert_error(errors, "colour", "is not a known field")
    assert_error(errors, "licenses[0].type", "unknown")
    assert_error(errors, "degrees[0].field", "is required")
    assert_error(errors, "credentials[1]", "unknown")
    assert_error(errors, "experience[0].end", "is before the start date")
    assert_error(errors, "experience[1].setting", "unknown")
    assert_error(errors, "experience[1].hours_per_week", "must be between 1 and 80")
    assert_error(errors, "education[0].hours", "must not be negative")
    assert_error(errors, "references", "must not be negative")
    assert len(errors) == 10, errors


def test_it_reports_two_errors_in_the_same_entry(assess):
    profile = valid()
    del profile["experience"][0]["start"]
    profile["experience"][0]["role"] = "astronaut"
    errors = refused(assess, profile)
    assert_error(errors, "experience[0].start", "is required")
    assert_error(errors, "experience[0].role", "unknown")


# ---------------------------------------------------------------------------------------------
# Never a crash (docs/profile-format.md, "Errors"): odd but well-formed input is assessed or
# refused, nothing else
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("as_of",), "9999-12-31"),
        (("as_of",), "0001-01-01"),
        (("experience", 0, "start"), "0001-01-01"),
        (("licenses", 0, "expires"), "9999-12-31"),
        (("education", 0, "completed"), "0001-01-01"),
        (("degrees", 0, "completed"), "0001-01-01"),
        (("degrees", 0, "completed"), "9999-12-31"),
    ],
)
def test_an_extreme_date_is_assessed_or_refused_never_a_crash(assess, path, value):
    # The projection reaches as_of + 1,826 days and windows reach back 3 years: at the ends of
    # the calendar that must not raise anything but a ProfileError.
    from eligibility.profile import ProfileError

    profile = with_value(path, value)
    try:
        results = assess(profile)
    except ProfileError as refusal:
        assert refusal.errors
    else:
        assert len(results["results"]) == SEEDED


@pytest.mark.parametrize(
    ("path", "error_path"),
    [
        (("experience", 0, "hours_per_week"), "experience[0].hours_per_week"),
        (("education", 0, "hours"), "education[0].hours"),
    ],
)
@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_it_refuses_hours_that_are_not_finite(assess, path, error_path, value):
    errors = refused(assess, with_value(path, value))
    assert error_path in errors


# ---------------------------------------------------------------------------------------------
# A degree's completion date (SPEC §3b): optional, a date, not after as_of
# ---------------------------------------------------------------------------------------------


def parsed(profile: dict):
    from eligibility.profile import parse_profile
    from eligibility.snapshot import load_seed_snapshot

    return parse_profile(profile, load_seed_snapshot())


def test_a_degree_without_a_completion_date_stays_valid_and_reads_as_null():
    # A profile saved before `completed` existed: accepted as it is, the date null.
    profile = parsed(valid())
    assert profile.data["degrees"] == [
        {"level": "bachelor", "field": "nursing", "accredited": True, "completed": None}
    ]
    assert profile.degrees[0].completed is None


def test_a_degree_completion_date_is_kept_as_a_date_and_read_as_an_ordinal():
    profile = parsed(with_value(("degrees", 0, "completed"), "2019-06-01"))
    assert profile.data["degrees"][0]["completed"] == "2019-06-01"
    assert profile.degrees[0].completed == datetime.date(2019, 6, 1).toordinal()


def test_a_degree_completion_date_of_null_is_the_same_as_none_given():
    assert parsed(with_value(("degrees", 0, "completed"), None)).data == parsed(valid()).data


def test_a_degree_finished_on_the_assessment_date_is_accepted(assess):
    assess(with_value(("degrees", 0, "completed"), VALID["as_of"]))


def test_a_degree_finished_after_the_assessment_date_is_refused(assess):
    errors = refused(assess, with_value(("degrees", 0, "completed"), "2026-11-24"))
    assert_error(errors, "degrees[0].completed", "is after the assessment date")
    assert len(errors) == 1


def test_a_degree_completion_date_out_of_range_is_refused(assess):
    errors = refused(assess, with_value(("degrees", 0, "completed"), "1899-12-31"))
    assert_error(errors, "degrees[0].completed", "must be a date between")


def test_a_degree_completion_date_that_is_not_text_is_refused(assess):
    errors = refused(assess, with_value(("degrees", 0, "completed"), 20190601))
    assert_error(errors, "degrees[0].completed", "must be a date like 2026-11-23")


def test_the_normalised_profile_with_a_completion_date_parses_to_itself():
    once = parsed(with_value(("degrees", 0, "completed"), "2019-06-01")).data
    assert parsed(once).data == once


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (("experience", 0, "role"), "disability-manager"),
        (("experience", 0, "role"), "counselor"),
        (("experience", 0, "setting"), "employer"),
        (("credentials", 0), "aswb-bachelors"),
        (("credentials", 0), "aswb-masters"),
        (("credentials", 0), "aswb-clinical"),
        (("credentials", 0), "aamcn-managed-care-course"),
        (("experience", 0, "supervisor_credentials", 0), "aswb-clinical"),
        (("attestations", 0), "nasw-code-of-ethics"),
        (("attestations", 0), "cdms-practice-domains"),
    ],
)
def test_the_new_codes_of_section_3b_are_accepted(assess, path, code):
    assess(with_value(path, code))
