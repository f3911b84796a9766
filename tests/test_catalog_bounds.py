"""Editors cannot set a catalog value the engine or the database cannot hold (issue 14, 3, 6, 9).

Each refusal names the field: in the admin form by the parameter's label, in an import by the
value's path, and nothing is stored.
"""

import io
import json

import pytest
from django.contrib.auth.models import Group

from eligibility import models as m
from eligibility.kinds import KINDS
from eligibility.snapshot import SEED_PATH
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]
IMPORT = "/admin/eligibility/certification/catalog/import/"
CONDITION = "certifications[0].groups[1].options[0].conditions[0]"


@pytest.fixture
def editor(client):
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    client.force_login(user)
    return user


def seed() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


def change_url(code: str) -> str:
    return f"/admin/eligibility/certification/{m.Certification.objects.get(code=code).pk}/change/"


def stored_params() -> list[dict]:
    return list(m.Condition.objects.order_by("pk").values_list("params", flat=True))


# --- the admin form ---------------------------------------------------------------------


def a_condition_field(fields: dict, suffix: str, value: str) -> str:
    keys = [k for k, v in fields.items() if k.endswith(suffix) and v == [value]]
    assert keys, f"no {suffix} = {value} on the page"
    return keys[0]


@pytest.mark.parametrize(
    ("suffix", "before", "after", "message"),
    [
        (
            "-p_within_years",
            "3",
            "3000",
            "Only hours in the last N years (blank: any time): must be at most 50",
        ),
        ("-p_hours", "2080", str(2**70), "At least this many hours: must be at most 100,000"),
    ],
)
@pytest.mark.slow
def test_an_editor_cannot_set_a_parameter_beyond_its_bounds(
    client, editor, suffix, before, after, message
):
    param = suffix.removeprefix("-p_")
    condition = m.Condition.objects.filter(**{f"params__{param}": int(before)}).first()
    code = condition.option.group.certification.code
    page = client.get(change_url(code)).content.decode()
    fields = form_fields(page, "certification_form")
    fields[a_condition_field(fields, suffix, before)] = [after]
    before_params = stored_params()
    response = client.post(change_url(code), single(fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_params() == before_params


# --- the import ---------------------------------------------------------------------------


def upload(client, data):
    file = io.BytesIO(json.dumps(data).encode())
    file.name = "catalog.json"
    return client.post(IMPORT, {"file": file})


def with_value(path: tuple, value) -> dict:
    data = seed()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


CONDITION_KEYS = ("certifications", 0, "groups", 1, "options", 0, "conditions", 0, "params")
BAD_VALUES = [
    (("certifications", 0, "name"), "C" * 201, "certifications[0].name", "at most 200 characters"),
    (("certifications", 0, "code"), "c" * 81, "certifications[0].code", "at most 80 characters"),
    (("degree_levels", 0, "rank"), 2**31, "degree_levels[0].rank", "at most 32,767"),
    (("certifications", 0, "renewal_ce_hours"), 10**6, "certifications[0].renewal_ce_hours",
     "at most 32,767"),
    (("certifications", 0, "summary"), "a\x00b", "certifications[0].summary", "NUL"),
    (("roles", 0, "name"), "a\x00b", "roles[0].name", "NUL"),
    (("sources", 0, "url"), "https://example.org/" + "a" * 580, "sources[0].url",
     "at most 500 characters"),
    (("sources", 0, "url"), "javascript:alert(1)", "sources[0].url", "http"),
    (("bodies", 0, "url"), "data:text/html,<script>alert(1)</script>", "bodies[0].url", "http"),
    (("bodies", 0, "url"), " JavaScript:alert(1)", "bodies[0].url", "http"),
    ((*CONDITION_KEYS, "hours"), 2**70, f"{CONDITION}.params.hours", "at most 100,000"),
    ((*CONDITION_KEYS, "within_years"), 3000, f"{CONDITION}.params.within_years",
     "at most 50"),
]  # fmt: skip


@pytest.mark.parametrize(("keys", "value", "path", "message"), BAD_VALUES)
def test_an_import_dry_run_refuses_a_value_the_catalog_cannot_hold(
    client, editor, keys, value, path, message
):
    before = (m.Certification.objects.get(code="ccm").name, stored_params())
    response = upload(client, with_value(keys, value))
    assert response.status_code == 200
    errors = response.context["errors"]
    assert path in errors, errors
    assert message in errors[path]
    assert "changes" not in response.context
    assert (m.Certification.objects.get(code="ccm").name, stored_params()) == before


def test_an_applied_import_with_a_javascript_link_stores_nothing(client, editor):
    data = with_value(("sources", 0, "url"), "javascript:alert(1)")
    response = client.post(IMPORT, {"content": json.dumps(data), "apply": "1"})
    assert response.status_code == 200
    assert "sources[0].url" in response.context["errors"]
    assert not m.Source.objects.filter(url__startswith="javascript").exists()


def test_an_import_keeps_plain_web_links_and_values_at_their_bounds(client, editor):
    # On the body's own host: its verified sources must stay on its site.
    data = with_value(("bodies", 0, "url"), "http://www.yourcommission.org/" + "a" * 470)
    data["certifications"][0]["name"] = "C" * 200
    data["degree_levels"][0]["rank"] = 32767
    params = data["certifications"][0]["groups"][1]["options"][0]["conditions"][0]["params"]
    params["hours"], params["within_years"] = 100_000, 50
    response = upload(client, data)
    assert response.status_code == 200
    assert response.context["changes"], response.context["errors"]


def test_every_whole_number_parameter_has_an_upper_bound():
    unbounded = [
        f"{kind.code}.{param.name}"
        for kind in KINDS.values()
        for param in kind.params
        if param.type == "int" and param.maximum is None
    ]
    assert unbounded == []
