"""A condition kind is one module of eligibility.kinds (issue 15, 6): the registry knows every
kind the catalog uses, a kind's sentence, evaluation, explanation, step and doors come from its
module, the modules that read conditions do not branch on kind codes nor import in a circle, and
a kind registered from outside is assessed, explained and shown on the path unaided."""

import ast
import copy
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from eligibility import explain, kinds, preview
from eligibility.kinds.base import Kind, Param
from eligibility.kinds.words import long_date
from eligibility.profile import parse_profile
from eligibility.services import results_for
from eligibility.snapshot import SEED_PATH, build_condition, load_seed_snapshot, parse_catalog
from tests.conftest import SPEC_EXAMPLE, cert

ELIGIBILITY = Path(kinds.__file__).parent.parent
# Every module that reads conditions: what they ask of a kind, they ask through the registry.
MOVED = (
    "engine.py",
    "snapshot.py",
    "explain.py",
    "path.py",
    "document.py",
    "preview.py",
    "jobfit.py",
    "services.py",
    "catalog_pages.py",
    "forms.py",
    "audiences.py",
)


def _conditions(catalog: dict):
    for certification in catalog["certifications"]:
        for note in certification.get("application_notes", []):
            if note.get("unless"):
                yield note["unless"]
        for group in certification["groups"]:
            for option in group["options"]:
                yield from option["conditions"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names.add(module)
            joiner = "." if node.module else ""
            names.update(module + joiner + a.name for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_registry_has_a_module_for_every_kind_the_seeded_catalog_uses():
    used = {c["kind"] for c in _conditions(json.loads(SEED_PATH.read_text(encoding="utf-8")))}
    assert used <= set(kinds.KINDS)
    for code in kinds.KINDS:
        assert kinds.get(code).code == code
        assert type(kinds.get(code)).__module__.startswith("eligibility.kinds.")


def test_an_unknown_kind_is_not_in_the_registry():
    with pytest.raises(KeyError):
        kinds.get("astrology")


def test_a_conditions_sentence_is_worded_by_its_kinds_module(monkeypatch):
    snap = load_seed_snapshot()
    raw = {"code": "refs", "kind": "references", "params": {"count": 3}}
    assert build_condition(raw, snap).text == (
        "At least 3 references from people or organisations who used your services"
    )
    references = type(kinds.get("references"))
    monkeypatch.setattr(references, "describe", lambda self, cond, snap: f"{cond.count} people")
    condition = build_condition(raw, snap)
    assert condition.text == "3 people"
    assert explain.describe_condition(condition, snap) == "3 people"


def test_a_kind_that_does_not_change_with_the_date_decides_in_its_own_module(monkeypatch):
    snap = load_seed_snapshot()
    condition = build_condition({"kind": "references", "params": {"count": 3}}, snap)
    references = type(kinds.get("references"))
    monkeypatch.setattr(references, "evaluate", lambda self, cond, profile: (True, 9, 3, "refs"))
    from eligibility.engine import evaluate_condition

    result = evaluate_condition(condition, profile=None, lo=10, hi=20)
    assert (result.met, result.have, result.need, result.unit, result.days) == (
        True,
        9,
        3,
        "refs",
        [(10, 20)],
    )


def _kind_branches(source: str) -> list[str]:
    """Where a module picks behaviour by kind code: a comparison of something named `kind`
    with a code (`cond.kind == "licence"`, `kind in ("licence", "degree")`), or a table of two
    or more kind codes (`DOOR_KINDS = {...}`, `WHY_NOT = {"experience": ...}`)."""
    codes = set(kinds.KINDS)

    def named_kind(node) -> bool:
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
        return name == "kind" or name.endswith("_kind")

    def constants(node) -> set[str]:
        items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", [node])
        return {i.value for i in items if isinstance(i, ast.Constant) and i.value in codes}

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(map(named_kind, [node.left, *node.comparators])):
            if any(constants(side) for side in [node.left, *node.comparators]):
                found.append(ast.unparse(node))
        elif isinstance(node, ast.Dict | ast.Set | ast.Tuple | ast.List) and (
            len(constants(node)) >= 2
        ):
            found.append(ast.unparse(node)[:60])
    return found


def test_a_branch_on_kind_codes_is_found_wherever_it_is_written():
    assert _kind_branches('if cond.kind == "licence":\n    pass') == ["cond.kind == 'licence'"]
    assert _kind_branches('x = c.condition.kind in ("credential", "degree")')
    assert _kind_branches('DOOR_KINDS = {"licence", "degree", "credential"}')
    assert _kind_branches('WHY_NOT = {"experience": f, "licence": g}')
    assert not _kind_branches('found = {"hours": [], "references": []}\nif key == "references": 0')
    assert not _kind_branches('if reached["kind"] == "now": 0')


@pytest.mark.parametrize("name", MOVED)
def test_a_module_that_reads_conditions_does_not_branch_on_kind_codes(name):
    assert _kind_branches((ELIGIBILITY / name).read_text(encoding="utf-8")) == []


def test_the_kinds_package_imports_neither_django_nor_the_modules_that_read_it():
    for path in (ELIGIBILITY / "kinds").glob("*.py"):
        for name in _imports(path):
            assert not name.startswith("django"), (path.name, name)
            assert not name.startswith(".."), (path.name, name)


def test_the_snapshot_does_not_import_explain_nor_the_models_the_catalog():
    assert not any("explain" in n for n in _imports(ELIGIBILITY / "snapshot.py"))
    # The cached catalog (eligibility.catalog) reads the models; its pure file format
    # (catalog_format) is a leaf both may use.
    assert not any(n.split(".")[-1] == "catalog" for n in _imports(ELIGIBILITY / "models.py"))
    assert not any(n.startswith(".catalog.") for n in _imports(ELIGIBILITY / "models.py"))


@dataclass(frozen=True)
class WaitingPeriod(Kind):
    """A kind no module of the app knows: the rule holds from a number of days after today."""

    def build(self, params, namer):
        return {"count": params["days"]}

    def describe(self, cond, snap):
        return f"A waiting period of {cond.count} days"

    def evaluate_over(self, cond, profile, lo, hi):
        start = lo + cond.count
        return start == lo, 0, cond.count, "days", [(start, hi)] if start <= hi else []

    def applies_when(self, cond):
        return f"during the first {cond.count} days"

    def shortfall(self, result):
        return f"{result.need} days to wait"

    def next_step(self, result, snap, profile):
        return f"Wait until {long_date(result.met_on)}.", result.met_on

    def amounts(self, params):
        return [("months", params["days"] / 30, params["days"])]


WAITING = WaitingPeriod(
    "waiting-period", "Waiting period", (Param("days", "int", "Days", required=True),)
)


@pytest.fixture
def waiting_catalog(monkeypatch):
    """The seeded catalog plus a certification whose one rule is a 90-day waiting period, and
    a note shown while it lasts; "waiting-period" registered only for the test."""
    monkeypatch.setitem(kinds.KINDS, WAITING.code, WAITING)
    data = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    new = copy.deepcopy(data["certifications"][0])
    rule = {"code": "wait", "kind": "waiting-period", "params": {"days": 90}}
    new.update(
        code="patience",
        name="Certified Patient Person",
        application_notes=[
            {"text": "Bring a book.", "unless": {"kind": rule["kind"], "params": rule["params"]}}
        ],
        groups=[
            {
                "code": "waiting",
                "name": "Six months of waiting",
                "options": [{"code": "wait", "name": "Waiting", "conditions": [rule]}],
            }
        ],
    )
    data["certifications"].append(new)
    return parse_catalog(data)


def test_a_kind_registered_from_outside_is_assessed_explained_and_on_the_path(waiting_catalog):
    snap = waiting_catalog
    profile = parse_profile(SPEC_EXAMPLE, snap)
    document = results_for(profile, snap)
    result = cert(document, "patience")
    opens = (dt.date(2026, 11, 23) + dt.timedelta(days=90)).isoformat()
    assert (result["status"], result["eligible_on"]) == ("eligible_later", opens)
    condition = result["groups"][0]["options"][0]["conditions"][0]
    assert condition == {
        "kind": "waiting-period",
        "text": "A waiting period of 90 days",
        "met": False,
        "have": 0,
        "need": 90,
        "unit": "days",
        "met_on": opens,
        "gap": "90 days to wait",
        "note": None,
    }
    assert result["next_steps"][0] == {
        "kind": "waiting-period",
        "text": "Wait until 21 February 2027.",
        "date": opens,
    }
    note = snap.certification("patience").application_notes[0]
    assert explain.applies_when(note.unless) == "during the first 90 days"
    assert result["application_notes"] == ["Bring a book."]
    assert result["reach"]["kind"] == "wait"
    # The rule preview reads the kind's own amounts: 90 days are 3 months, not 6.
    [mismatch] = preview.name_mismatches(snap.certification("patience"))
    assert (mismatch.group, mismatch.route) == ("Six months of waiting", None)


def test_a_kind_that_is_not_a_door_nor_done_now_says_so_by_default():
    assert (WAITING.door, WAITING.do_now) == (False, False)
    assert [k.code for k in kinds.KINDS.values() if k.door] == ["licence", "degree", "credential"]
    assert [k.code for k in kinds.KINDS.values() if k.do_now] == [
        "education",
        "references",
        "attestation",
    ]


def test_a_kind_has_words_for_a_gap_exactly_when_it_words_a_shortfall_or_why_not():
    # explain.gap asks only these; one defined outside the app is found from its methods.
    assert WAITING.explains
    assert [k.code for k in kinds.KINDS.values() if not k.explains] == [
        "degree",
        "credential",
        "attestation",
    ]
