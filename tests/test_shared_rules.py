"""A rule several certifications ask for (an active RN licence: CMGT-BC, CDMS, CMC and CCCTM)
is evaluated and worded once per assessment: each certification still says the same
about it as when it is assessed alone, and each result carries its own copy."""

from eligibility.document import certification_dict
from eligibility.engine import evaluate
from eligibility.profile import parse_profile
from eligibility.services import results_for
from tests.conftest import SPEC_EXAMPLE, cert

# The RN licence lapsed a month before the day of the assessment: unmet, with a reason.
LAPSED = {
    **SPEC_EXAMPLE,
    "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": "2026-10-23"}],
}


def rn_licence_conditions(entry: dict) -> list[dict]:
    return [
        c
        for group in entry["groups"]
        for option in group["options"]
        for c in option["conditions"]
        if c["kind"] == "licence" and c["text"].endswith("registered nurse (RN)")
    ]


def sharing(catalog) -> list[str]:
    """The certifications whose rules ask for the RN licence alone, by the same key."""
    keys = {}
    for c in catalog.certifications:
        for group in c.groups:
            for option in group.options:
                for cond in option.conditions:
                    if cond.kind == "licence" and cond.codes == {"rn"}:
                        keys.setdefault(cond.key, []).append(c.code)
    (codes,) = [codes for codes in keys.values() if len(codes) > 1]
    return codes


def test_a_lapsed_licence_reads_the_same_in_every_certification_that_asks_for_it(catalog):
    codes = sharing(catalog)
    assert len(codes) >= 3
    profile = parse_profile(LAPSED, catalog)
    document = results_for(profile, catalog)
    worded = [rn_licence_conditions(cert(document, code)) for code in codes]
    assert all(len(found) == 1 for found in worded), codes
    first = worded[0][0]
    assert first["met"] is False
    assert "expired on 23 October 2026" in first["gap"]
    assert all(found[0] == first for found in worded)

    # Each certification assessed on its own (nothing shared) says the same about it.
    for code in codes:
        (alone,) = evaluate(profile, catalog, only={code})
        assert rn_licence_conditions(certification_dict(alone, profile, catalog)) == [first]
        assert alone.status == cert(document, code)["status"]


def test_each_certification_carries_its_own_copy_of_a_shared_rule(catalog):
    codes = sharing(catalog)
    document = results_for(parse_profile(LAPSED, catalog), catalog)
    one, other = (rn_licence_conditions(cert(document, code))[0] for code in codes[:2])
    one["gap"] = "changed by a reader"
    assert other["gap"] != "changed by a reader"
