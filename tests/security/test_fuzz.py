"""Fuzzing: nothing a browser or a script can send makes a page answer 500.

Every test sends hypothesis-made input to one kind of endpoint and checks the answer is one
of `ALLOWED` (200, 302, 400, 404, 413, 429); the test client shows a crash as a 500 instead of
raising it. Each example runs in a savepoint that is rolled back, so examples are independent.
"""

import copy
import datetime as dt
import io
import json
import re
from importlib import import_module
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from advising.invitations import invite
from advising.models import Membership, Organisation
from eligibility import models as m
from eligibility.forms import STEPS
from eligibility.plans import PROFILE_SESSION_KEY, save_plan
from eligibility.profile import MAX_ENTRIES
from eligibility.snapshot import SEED_PATH, load_seed_snapshot
from tests.advisors.conftest import add_client, member, nurse
from tests.conftest import SPEC_EXAMPLE
from tests.factories import EditorFactory
from tests.test_assessment_wizard import ANSWERS

from .conftest import ALLOWED, FUZZ, assert_handled, browser, fuzz, rolled_back

# Random posts to every form: minutes in all, so left out of the quick run (README, "Tests").
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded", "no_rate_limits")]

SNAPSHOT = load_seed_snapshot()
STEP_NAMES = [name for name, _ in STEPS]

# --- values ---------------------------------------------------------------------------------

BAD_DATES = [
    "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "0001-01-01", "9999-12-31",
    "1899-12-31", "2201-01-01", "2026-1-1", "20261123", "2026-11-23T00:00:00", " 2026-11-23",
    "２０２６-１１-２３", "-2026-11-23", "+2026-11-23", "2026-W48-1", "today", "",
]  # fmt: skip
ODD_CODES = [
    "astronaut", "RN", "rn ", "ccm\x00", "../../etc/passwd", "<script>alert(1)</script>",
    "' OR 1=1 --", "%s%s%s", "{0}", "__class__", "ｒｎ", "a" * 300,
]  # fmt: skip
EDGE_DATES = ["1900-01-01", "1900-01-02", "2200-12-31", "2200-12-30", "2024-02-29", "2026-11-23"]
ODD_NUMBERS = [
    -1, -0.5, 0, -0.0, 1e308, -1e308, 5e-324, 2**31, 2**63, -(2**63) - 1, 10**30, 10**300,
]  # fmt: skip
CODES = sorted(
    {code for name in ("licence_types", "degree_levels", "degree_fields", "roles", "settings",
                       "ce_topics", "attestations") for code in getattr(SNAPSHOT, name)}
    | set(SNAPSHOT.credential_names)
)  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(ODD_NUMBERS),
    st.floats(),  # NaN and infinities too: json.dumps writes them, a strict reader refuses
    st.text(max_size=20),
    st.sampled_from(BAD_DATES + EDGE_DATES),
    st.sampled_from(ODD_CODES + CODES),
    st.sampled_from(["\ud800", "rn\udfff"]),  # lone surrogates: valid JSON escapes, not UTF-8
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(value, prefix=()):
    """Every path (keys and indexes) inside a JSON value."""
    if prefix:
        yield prefix
    if isinstance(value, dict | list):
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            yield from paths(child, (*prefix, key))


def replaced(document, path, value):
    """`document` with the value at `path` replaced (unchanged if the path no longer exists)."""
    *parents, last = path
    node = document
    for key in parents:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return document
    if isinstance(node, dict) or (
        isinstance(node, list) and isinstance(last, int) and last < len(node)
    ):
        node[last] = value
    return document


@st.composite
def mutated(draw, original, path_list):
    """A deep copy of `original` with one to four values replaced by odd ones, and perhaps
    an unknown key."""
    document = copy.deepcopy(original)
    for path in draw(st.lists(st.sampled_from(path_list), min_size=1, max_size=4)):
        document = replaced(document, path, draw(json_values))
    if isinstance(document, dict) and draw(st.booleans()):
        document[draw(st.text(max_size=8))] = draw(json_values)
    return document


PROFILE_PATHS = list(paths(SPEC_EXAMPLE))
profiles = mutated(SPEC_EXAMPLE, PROFILE_PATHS)


# --- POST /api/assess -----------------------------------------------------------------------

ASSESS = "/api/assess"


def post_api(client, body: bytes, content_type: str = "application/json"):
    # generic() sends the bytes as they are (post() would re-encode them to the named charset);
    # CONTENT_TYPE again so that an empty body has one too.
    return client.generic("POST", ASSESS, body, content_type, CONTENT_TYPE=content_type)


@FUZZ
@given(body=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(str.encode)))
def test_the_api_refuses_any_bytes_without_crashing(body):
    assert_handled(post_api(browser(), body))


@FUZZ
@given(data=json_values)
def test_the_api_refuses_json_of_any_shape_without_crashing(data):
    assert_handled(post_api(browser(), json.dumps(data).encode()))


@FUZZ
@given(data=st.one_of(profiles, st.lists(profiles, min_size=1, max_size=3)))
def test_the_api_answers_a_profile_with_odd_values_without_crashing(data):
    response = post_api(browser(), json.dumps(data).encode())
    assert_handled(response)
    if response.status_code == 400:
        assert response.json()["errors"]  # every refusal says why


# Profiles of the right shape and types whose values sit at the edges of what validates:
# the first and last dates allowed, hours from a fraction to 1e308, many references. They
# reach the engine (evaluation and five-year projection) instead of being refused.
dates = st.one_of(
    st.sampled_from(EDGE_DATES),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)).map(str),
)
hours = st.one_of(
    st.sampled_from([0, 5e-324, 0.001, 40, 80, 168, 1e308, 10**18]),
    st.floats(min_value=0, max_value=1e308),
)


def codes(vocabulary: str):
    return st.sampled_from(sorted(getattr(SNAPSHOT, vocabulary)))


edge_profiles = st.fixed_dictionaries(
    {
        "as_of": dates,
        "licenses": st.lists(st.fixed_dictionaries({
            "type": codes("licence_types"), "active": st.booleans(),
            "good_standing": st.booleans(), "expires": st.none() | dates}), max_size=3),
        "degrees": st.lists(st.fixed_dictionaries({
            "level": codes("degree_levels"), "field": codes("degree_fields"),
            "accredited": st.booleans()}), max_size=2),
        "credentials": st.lists(codes("credential_names"), unique=True, max_size=3),
        "experience": st.lists(st.fixed_dictionaries({
            "role": codes("roles"), "setting": codes("settings"), "start": dates,
            "end": st.none() | dates, "hours_per_week": hours, "paid": st.booleans(),
            "supervised": st.booleans(),
            "supervisor_credentials": st.lists(codes("credential_names"), max_size=2),
            "self_employed": st.booleans()}), max_size=4),
        "education": st.lists(st.fixed_dictionaries({
            "topic": codes("ce_topics"), "hours": hours, "completed": dates}), max_size=3),
        "references": st.integers(min_value=0, max_value=10**18),
        "attestations": st.lists(codes("attestations"), unique=True),
    }
)  # fmt: skip


@FUZZ
@given(data=edge_profiles)
def test_the_api_answers_a_profile_at_the_edges_without_crashing(data):
    response = post_api(browser(), json.dumps(data).encode())
    assert_handled(response)


CONTENT_TYPES = [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
    "multipart/form-data", "application/json; charset=latin-1", "application/json; charset=",
    "application/json;charset", "APPLICATION/JSON", "application/jsonp", "application/json; x",
    'application/json; charset="utf-8"', "application/json; charset=utf-16", "*/*", ";;;",
]  # fmt: skip


@FUZZ
@given(
    content_type=st.one_of(st.sampled_from(CONTENT_TYPES), st.text(max_size=40)),
    body=st.one_of(st.just(json.dumps(SPEC_EXAMPLE).encode()), st.binary(max_size=100)),
)
def test_the_api_refuses_other_content_types_without_crashing(content_type, body):
    # 415 is the API's documented answer to a body that is not application/json (README).
    assert_handled(post_api(browser(), body, content_type), ALLOWED | {415})


@pytest.mark.parametrize(
    "body",
    [
        b"[" + b" " * (256 * 1024) + b"]",  # over 256 KB, however valid
        json.dumps([SPEC_EXAMPLE] * 500).encode(),
        b"x" * (3 * 1024 * 1024),  # past Django's own DATA_UPLOAD_MAX_MEMORY_SIZE
    ],
    ids=["just-over", "many-profiles", "past-django-limit"],
)
def test_an_oversized_body_is_refused_with_413(body):
    response = post_api(browser(), body)
    assert response.status_code == 413
    assert response.json() == {"errors": {"body": "must be at most 256 KB"}}


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nesting deeper than the parser's recursion
        b'{"a":' * 40_000 + b"1" + b"}" * 40_000,
        json.dumps([SPEC_EXAMPLE] * 101).encode(),  # more profiles than a request may hold
        b"1" * 5000,  # an integer longer than Python converts
        b'"\\ud800"',  # a lone surrogate
        b"\xef\xbb\xbf{}",  # a byte-order mark
    ],
    ids=["deep-list", "deep-object", "101-profiles", "huge-int", "surrogate", "bom"],
)
def test_pathological_json_is_refused_with_400(body):
    response = post_api(browser(), body)
    assert response.status_code == 400, response.content[:200]
    assert response.json()["errors"]


# --- the wizards: public (/assess/), an advisor's entry for a client, an invitation ----------

MANAGEMENT = re.compile(r'name="([^"]+-current_step)"')
MANAGEMENT_KEY = "assessment_wizard-current_step"  # the public wizard's
# Absurd entry counts that cost little; the huge ones (each renders up to 2,000 entry forms,
# seconds a request) have their own tests below.
ABSURD_COUNTS = ["101", "abc", "-1", "", " 2", "1e3", "0x10", "²", "٣", "1_0", "1.5", "9" * 5000]
field_values = st.one_of(
    st.sampled_from(CODES + ODD_CODES + BAD_DATES + ["on", "yes", "no", "2025-06-01", "40"]),
    st.text(max_size=20),
    st.sampled_from(
        [str(n) for n in ODD_NUMBERS] + ["nan", "inf", "-inf", "1e309", "²", "٣", "9" * 5000]
    ),
    st.integers().map(str),
)
count_values = st.one_of(
    st.sampled_from(["0", "1", "2", "3"]), st.sampled_from(ABSURD_COUNTS), st.text(max_size=6)
)
button_values = st.one_of(
    st.sampled_from(["1", "0", "-1", "²", "٣", "99", "", *STEP_NAMES, "finished"]),
    st.text(max_size=8),
)


def _step_keys(name: str, step) -> tuple[list[str], list[str]]:
    """The real field names a step's form reads: its own, its entries' (three of them) and
    the entries' formset management fields."""
    form = step(snapshot=SNAPSHOT, prefix=name)
    keys = [form.add_prefix(field) for field in form.fields]
    management = []
    if step.entry_form is not None:
        prefix = f"{name}-entries"
        entry = step.entry_form(snapshot=SNAPSHOT)
        keys += [f"{prefix}-{i}-{field}" for i in range(3) for field in entry.fields]
        management = [f"{prefix}-{kind}_FORMS" for kind in ("TOTAL", "INITIAL", "MIN_NUM",
                                                            "MAX_NUM")]  # fmt: skip
    return keys, management


STEP_KEYS = {name: _step_keys(name, step) for name, step in STEPS}
BUTTONS = ["add_entry", "remove_entry", "wizard_goto_step", "wizard_finish"]


@st.composite
def step_posts(draw, step: str) -> dict:
    """A random POST of one step: some of its real fields with random values, its formset
    counts with sensible or absurd values, maybe a button, and the wizard's current step
    (usually the real one)."""
    keys, management = STEP_KEYS[step]
    data = {}
    for key in draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys))):
        data[key] = draw(field_values | st.lists(field_values, max_size=3))
    for key in draw(st.lists(st.sampled_from(management), unique=True)) if management else []:
        data[key] = draw(count_values)
    for key in draw(st.lists(st.sampled_from(BUTTONS), unique=True, max_size=2)):
        data[key] = draw(button_values)
    current = draw(
        st.one_of(
            st.just(step),
            st.sampled_from([*STEP_NAMES, "finished", "x"]),
            st.text(max_size=8),
            st.none(),
        )
    )
    return {"current_step": current, "data": data}


def walk_to(client, base: str, step: str) -> dict:
    """Answer the steps before `step` with valid answers, open `step`; the session's data."""
    assert client.get(base).status_code == 302
    for name in STEP_NAMES[: STEP_NAMES.index(step)]:
        page = client.get(f"{base}{name}/").content.decode()
        key = MANAGEMENT.search(page).group(1)
        response = client.post(f"{base}{name}/", {key: name, **ANSWERS[name]})
        assert response.status_code == 302, name
    assert client.get(f"{base}{step}/").status_code == 200
    return dict(client.session.items())


def client_with_session(data: dict):
    """A new browser whose session holds a copy of `data` (a walk replayed, for one example)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update(copy.deepcopy(data))
    store.create()
    client = browser()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    return client


def fuzz_step(client, base: str, step: str, post: dict) -> None:
    """Open the step, post the random data, follow where it leads, try to finish."""
    page = client.get(f"{base}{step}/")
    assert_handled(page)
    found = MANAGEMENT.search(page.content.decode())
    data = dict(post["data"])
    if found and post["current_step"] is not None:
        data[found.group(1)] = post["current_step"]
    response = client.post(f"{base}{step}/", data)
    assert_handled(response)
    if response.status_code == 302 and urlsplit(response["Location"]).path.startswith(base):
        assert_handled(client.get(response["Location"]))
    assert_handled(client.get(f"{base}finished/"))


@pytest.fixture
def organisation():
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    admin = member(org, "cleo", Membership.ADMIN)
    advisor = member(org, "ada")
    maria = add_client(org, advisor, "Maria Garcia", nurse())
    return {"org": org, "admin": admin, "advisor": advisor, "maria": maria}


@pytest.fixture
def wizard_base(request, organisation):
    """(a logged-in or anonymous browser, the wizard's base path) for each kind of wizard."""
    client = browser()
    if request.param == "public":
        return client, "/assess/"
    if request.param == "advisor":
        client.force_login(organisation["advisor"].user)
        return client, f"/advisor/clients/{organisation['maria'].pk}/assessment/"
    _, token = invite(organisation["maria"], user=organisation["advisor"].user)
    return client, f"/invite/{token}/"


def _fuzz_wizard_step(wizard_base, step, max_examples):
    client, base = wizard_base
    session = walk_to(client, base, step)

    @fuzz(max_examples)
    @given(post=step_posts(step))
    def examples(post):
        with rolled_back():
            fuzz_step(client_with_session(session), base, step, post)

    examples()


@pytest.mark.parametrize("step", STEP_NAMES)
@pytest.mark.parametrize("wizard_base", ["public"], indirect=True)
def test_every_public_wizard_step_survives_random_posts(wizard_base, step):
    _fuzz_wizard_step(wizard_base, step, 25)


@pytest.mark.parametrize("step", STEP_NAMES)
@pytest.mark.parametrize("wizard_base", ["advisor", "invitation"], indirect=True)
def test_every_client_wizard_step_survives_random_posts(wizard_base, step):
    # The same steps and forms as the public wizard (fuzzed more above); what differs is how
    # the client is found, the session prefix and the saving.
    _fuzz_wizard_step(wizard_base, step, 12)


@FUZZ
@given(
    token=st.one_of(
        st.text(min_size=1, max_size=80),
        st.sampled_from([":", ":::", "a:b:c", "..", "%00", "eyJ9:x:y", "x" * 301, "0" * 64]),
    ),
    step=st.sampled_from(["", *STEP_NAMES, "finished", "done", "x"]),
    method=st.sampled_from(["get", "post"]),
)
def test_a_random_invitation_token_is_refused_without_crashing(organisation, token, step, method):
    path = f"/invite/{quote(token, safe='')}/" + (f"{step}/" if step else "")
    with rolled_back():
        response = getattr(browser(), method)(path, {"licences-entries-TOTAL_FORMS": "0"})
    assert_handled(response)
    assert response.status_code in (404, 405) or (response.status_code == 302 and not step)


# --- the advisor's own forms ---------------------------------------------------------------

CLIENT_FIELDS = ["name", "email", "external_id", "advisor", "notes"]


@st.composite
def client_posts(draw, member_ids):
    values = field_values | st.sampled_from([str(pk) for pk in member_ids]) | st.text()
    keys = draw(st.lists(st.sampled_from(CLIENT_FIELDS + ["organisation", "id"]), unique=True))
    return {key: draw(values | st.lists(values, max_size=2)) for key in keys}


@pytest.mark.parametrize("role", ["advisor", "admin"])
@pytest.mark.parametrize("action", ["new", "edit"])
def test_the_client_form_survives_random_posts(organisation, role, action):
    client = browser()
    client.force_login(organisation[role].user)
    member_ids = [*Membership.objects.values_list("pk", flat=True), 0, -1, 10**12]
    path = (
        "/advisor/clients/new/"
        if action == "new"
        else f"/advisor/clients/{organisation['maria'].pk}/edit/"
    )

    @FUZZ
    @given(data=client_posts(member_ids))
    def examples(data):
        post_and_follow(client, path, data)

    examples()


def post_and_follow(client, path: str, data) -> None:
    """POST one example (rolled back after) and open where it redirects; neither may crash."""
    with rolled_back():
        response = client.post(path, data)
        assert_handled(response)
        if response.status_code == 302:
            assert_handled(client.get(response["Location"]))


TEAM_FIELDS = ["first_name", "last_name", "email", "role", "active"]
team_values = field_values | st.sampled_from(
    ["admin", "advisor", "true", "false", "ada@example.org", "new@example.org", "a@b", "@"]
)


@pytest.mark.parametrize("action", ["new", "role", "active", "invite"])
def test_the_team_forms_survive_random_posts(organisation, action):
    client = browser()
    client.force_login(organisation["admin"].user)
    pk = organisation["advisor"].pk
    path = "/advisor/team/new/" if action == "new" else f"/advisor/team/{pk}/{action}/"

    @FUZZ
    @given(
        data=st.dictionaries(
            st.sampled_from(TEAM_FIELDS), team_values | st.lists(team_values, max_size=2)
        )
    )
    def examples(data):
        post_and_follow(client, path, data)

    examples()


FILTER_KEYS = ["q", "certification", "status", "advisor", "sort", "page", "unknown"]
filter_values = st.one_of(
    field_values,
    st.sampled_from(["eligible", "6", "12", "later", "unassessed", "soonest", "-name",
                     "updated", "last", "0", "-1", "99999999999999999999"]),
)  # fmt: skip


@pytest.mark.parametrize("role", ["advisor", "admin"])
def test_the_client_list_and_its_csv_survive_random_filters(organisation, role):
    client = browser()
    client.force_login(organisation[role].user)

    @FUZZ
    @given(
        query=st.dictionaries(
            st.sampled_from(FILTER_KEYS), filter_values | st.lists(filter_values, max_size=3)
        ),
        path=st.sampled_from(["/advisor/clients/", "/advisor/clients/export.csv"]),
    )
    def examples(query, path):
        response = client.get(path, query)
        assert_handled(response)
        if response.streaming:
            b"".join(response.streaming_content)  # a row that fails to write raises here

    examples()


# --- the admin's catalog import --------------------------------------------------------------

IMPORT = "/admin/eligibility/certification/catalog/import/"
SEED = json.loads(SEED_PATH.read_text(encoding="utf-8"))
catalogs = mutated(SEED, list(paths(SEED)))
file_contents = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda value: json.dumps(value).encode()),
    catalogs.map(lambda value: json.dumps(value).encode()),
)


@pytest.fixture
def superuser_browser():
    client = browser()
    client.force_login(EditorFactory(username="root"))
    return client


@FUZZ
@given(content=file_contents, apply=st.booleans(), name=st.text(min_size=1, max_size=20))
def test_the_catalog_import_survives_random_files(superuser_browser, content, apply, name):
    upload = io.BytesIO(content)
    upload.name = name.replace("/", "_").replace("\x00", "_")
    with rolled_back():
        if apply:  # the second step posts the file's text back, hidden, with "apply"
            data = {"content": content.decode("utf-8", "replace"), "apply": "1"}
        else:
            data = {"file": upload}
        response = superuser_browser.post(IMPORT, data)
        assert_handled(response)


# --- absurd entry counts -------------------------------------------------------------------


def test_a_huge_entry_count_is_answered_without_crashing():
    """TOTAL_FORMS=100000 on a step, posted and after "Add another" (which stores it)."""
    client = browser()
    client.get("/assess/")
    client.get("/assess/licences/")
    huge = {"licences-entries-TOTAL_FORMS": "100000", "licences-entries-INITIAL_FORMS": "0"}
    response = client.post("/assess/licences/", {MANAGEMENT_KEY: "licences", **huge})
    assert response.status_code == 200  # the step again (the formset refuses the count)
    added = client.post("/assess/licences/", {**huge, "add_entry": ""})
    assert added.status_code == 302
    assert_handled(client.get(added["Location"]))


@pytest.mark.parametrize("name", [name for name, step in STEPS if step.entry_form])
def test_a_huge_entry_count_builds_no_more_entries_than_a_profile_holds(name):
    step = dict(STEPS)[name]
    data = {f"{name}-entries-TOTAL_FORMS": "100000", f"{name}-entries-INITIAL_FORMS": "0"}
    form = step(data, snapshot=SNAPSHOT, prefix=name)
    assert len(form.entries.forms) <= MAX_ENTRIES


def _seed_with(change) -> bytes:
    data = copy.deepcopy(SEED)
    change(data)
    return json.dumps(data).encode()


def _licences(data, value):
    data["certifications"][1]["groups"][0]["options"][0]["conditions"][0]["params"][
        "licence_types"
    ] = value


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b"1" * 5000,
        b'"\\ud800"',
        _seed_with(lambda d: d["certifications"][0].update(name="CCM \ud800")),
        _seed_with(lambda d: _licences(d, ["rn\udfff"])),
        _seed_with(lambda d: d["certifications"][0].update(body=None)),
        _seed_with(lambda d: d["certifications"][0].update(body=["ccmc"])),
        _seed_with(lambda d: d["certifications"][0]["application_notes"][0].update(
            unless={"kind": ["experience"], "params": {}})),
        b"\xff\xfe{}",
        b"",
    ],
    ids=["deep", "huge-int", "surrogate", "surrogate-name", "surrogate-code", "null-body",
         "list-body", "list-kind", "not-utf8", "empty"],
)  # fmt: skip
@pytest.mark.parametrize("apply", [False, True], ids=["preview", "apply"])
def test_a_pathological_catalog_file_is_refused_with_a_message(superuser_browser, content, apply):
    before = m.CatalogRevision.current()
    if apply:
        data = {"content": content.decode("utf-8", "replace"), "apply": "1"}
    else:
        upload = io.BytesIO(content)
        upload.name = "catalog.json"
        data = {"file": upload}
    response = superuser_browser.post(IMPORT, data)
    assert response.status_code == 200
    assert response.context["form"].errors or response.context.get("errors")
    assert m.CatalogRevision.current() == before


def test_a_catalog_file_over_2_mb_is_refused(superuser_browser):
    upload = io.BytesIO(b"{" + b" " * (2 * 1024 * 1024) + b"}")
    upload.name = "catalog.json"
    response = superuser_browser.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert "larger than 2 MB" in response.content.decode()


# --- regressions found by the tests above ----------------------------------------------------


def test_start_again_and_edit_this_plan_answer_without_crashing():
    """Both reset the wizard by iterating the session, which is not iterable (was a 500)."""
    client = browser()
    client.get("/assess/licences/")  # the wizard's data is in the session
    restarted = client.post("/assess/restart/")
    assert (restarted.status_code, restarted["Location"]) == (302, "/assess/")
    assert not [key for key in client.session.keys() if key.startswith("wizard_")]  # noqa: SIM118
    edited = client.post(f"/plan/{save_plan(profile=nurse())}/edit/")
    assert (edited.status_code, edited["Location"]) == (302, "/assess/licences/")
    assert client.session[PROFILE_SESSION_KEY] == nurse()


@pytest.mark.parametrize(
    "data",
    [
        {MANAGEMENT_KEY: "0"},  # a step that does not exist: formtools' KeyError
        {MANAGEMENT_KEY: "finished"},
        {"licences-entries-TOTAL_FORMS": "abc", "add_entry": ""},  # int("abc")
        {"licences-entries-TOTAL_FORMS": "9" * 5000, "add_entry": ""},  # too long for int()
        {"licences-entries-TOTAL_FORMS": "abc", "remove_entry": "0"},
        {"licences-entries-TOTAL_FORMS": "1", "remove_entry": "²"},  # "²".isdigit()
        {"licences-entries-TOTAL_FORMS": "1", "licences-entries-²-type": "rn",
         "remove_entry": "0"},
    ],
    ids=["unknown-step", "finished-step", "count-abc-add", "count-huge-add", "count-abc-remove",
         "remove-superscript", "key-superscript"],
)  # fmt: skip
def test_tampered_wizard_posts_are_refused_without_crashing(data):
    client = browser()
    client.get("/assess/licences/")
    response = client.post("/assess/licences/", data)
    assert response.status_code in (302, 400)
    assert_handled(client.get("/assess/licences/"))
