"""Who the About step asks an attestation of is read from the certifications requiring it:
no attestation's code is written in the form's Python."""

import copy
import json
from pathlib import Path

from eligibility import forms
from eligibility.audiences import attestations_asked
from eligibility.snapshot import SEED_PATH, parse_catalog

SEED = json.loads(SEED_PATH.read_text(encoding="utf-8"))
NURSE = {"licenses": [{"type": "rn"}], "degrees": [{"level": "bachelor", "field": "nursing"}],
         "experience": [{"role": "nurse-case-manager", "setting": "hospital"}]}  # fmt: skip
DISABILITY_MANAGER = {"experience": [{"role": "disability-manager", "setting": "employer"}]}
SOCIAL_WORKER = {"degrees": [{"level": "master", "field": "social-work"}]}


def with_oath_required_by(certification: str) -> dict:
    """The seed catalog with a new attestation that only `certification` requires."""
    data = copy.deepcopy(SEED)
    data["attestations"].append(
        {"code": "test-oath", "name": "Test oath", "question": "Do you swear the test oath?"}
    )
    cert = next(c for c in data["certifications"] if c["code"] == certification)
    cert["groups"].append({
        "code": "oath", "name": "The test oath",
        "options": [{"code": "oath", "name": "Swear the test oath", "conditions": [
            {"code": "attestation", "kind": "attestation",
             "params": {"attestation": "test-oath"}}]}],
    })  # fmt: skip
    return data


def test_an_attestation_an_editor_adds_to_the_cdms_is_asked_of_disability_managers_only():
    snapshot = parse_catalog(with_oath_required_by("cdms"))
    assert "test-oath" in attestations_asked(DISABILITY_MANAGER, snapshot)
    assert "test-oath" not in attestations_asked(NURSE, snapshot)
    assert "test-oath" not in attestations_asked(SOCIAL_WORKER, snapshot)


def test_an_attestation_added_to_a_social_work_credential_is_asked_of_social_workers():
    snapshot = parse_catalog(with_oath_required_by("c-aswcm"))
    assert "test-oath" in attestations_asked(SOCIAL_WORKER, snapshot)
    assert "test-oath" in attestations_asked({"credentials": ["aswb-masters"]}, snapshot)
    assert "test-oath" not in attestations_asked(NURSE, snapshot)
    assert "test-oath" not in attestations_asked(DISABILITY_MANAGER, snapshot)


def test_an_attestation_of_a_certification_open_to_many_backgrounds_is_asked_of_everyone():
    snapshot = parse_catalog(with_oath_required_by("ccm"))
    for answers in (NURSE, DISABILITY_MANAGER, SOCIAL_WORKER, {}):
        assert "test-oath" in attestations_asked(answers, snapshot)


def test_the_seed_catalogs_attestations_go_to_the_people_they_concern():
    snapshot = parse_catalog(SEED)
    # CMC's question goes to everyone (its third route takes a bachelor's in any field);
    # CCCTM's to RNs; CRC's to nobody here (no counseling degree).
    assert attestations_asked(NURSE, snapshot) == [
        "good-moral-character", "cmc-core-functions", "ccctm-new-applications-open"]  # fmt: skip
    assert attestations_asked(DISABILITY_MANAGER, snapshot) == [
        "good-moral-character", "cdms-practice-domains", "cmc-core-functions"]  # fmt: skip
    assert attestations_asked(SOCIAL_WORKER, snapshot) == [
        "good-moral-character", "nasw-code-of-ethics", "cmc-core-functions"]  # fmt: skip


def test_the_forms_python_names_no_attestation():
    source = Path(forms.__file__).read_text(encoding="utf-8")
    for entry in SEED["attestations"]:
        assert entry["code"] not in source, entry["code"]
