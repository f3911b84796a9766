"""CSRF on every form that changes something, staff-only admin, advisor pages behind a login,
and invitation links that open nothing but their own client.

`STATE_CHANGING` lists every POST endpoint by its URL name; `READ_ONLY` and `JSON_API` list
the rest. `test_every_url_name_is_classified` fails when a new URL is added to none of them,
so a new form cannot be left out of the CSRF table silently.

Invitation links: expiry (row date and signature age), a used link, garbled or otherwise
signed tokens, a token re-signed (with the site key) for another client, and the done page
of another session are tested in tests/advisors/test_invitations.py; this file adds a token
moved to another client *without* the site key, posting through such a token, guessed tokens
(hypothesis), and the logs.
"""

import copy
import io
import json
import logging
import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail, signing
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.crypto import get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import given
from hypothesis import strategies as st

from advising.invitations import SALT, invite
from advising.models import Assessment, Client, Invitation, Membership, Organisation
from eligibility import models as m
from eligibility.plans import PROFILE_SESSION_KEY, find_plan, save_plan
from eligibility.snapshot import SEED_PATH
from tests.advisors.conftest import add_client, member, nurse
from tests.factories import EditorFactory, UserFactory
from tests.test_assessment_wizard import ANSWERS

from .conftest import FUZZ, browser, rolled_back

pytestmark = pytest.mark.usefixtures("seeded", "fresh_rate_limits")

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's


@pytest.fixture
def world():
    """An organisation with an advisor and two clients, a saved plan, a live invitation, a
    superuser, and a password-reset link for the advisor."""
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    advisor = member(org, "ada")
    org_admin = member(org, "cleo", Membership.ADMIN)
    maria = add_client(org, advisor, "Maria Garcia", nurse())
    omar = add_client(org, advisor, "Omar Other")
    _, invitation = invite(maria, user=advisor.user)
    user = advisor.user
    return {
        "advisor": advisor,
        "org_admin": org_admin,
        "maria": maria,
        "omar": omar,
        "plan": save_plan(profile=nurse()),
        "invitation": invitation,
        "superuser": EditorFactory(username="root"),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "reset_token": default_token_generator.make_token(user),
    }


# --- CSRF -----------------------------------------------------------------------------------

SEED = SEED_PATH.read_text(encoding="utf-8")


def _wizard(step: str, wizard: str = "assessment_wizard") -> dict:
    """A step's valid answers, as the step's page posts them."""
    return {f"{wizard}-current_step": step, **ANSWERS[step]}


def _client_wizard(source: str, world) -> str:
    """The prefix of the wizard that saves to Maria (advising/wizard.py)."""
    return f"wizard_{source}_{world['maria'].pk}"


def _import_file() -> dict:
    upload = io.BytesIO(SEED.encode())
    upload.name = "catalog.json"
    return {"file": upload}


# url name: (who is logged in, URL kwargs from the world, data a real form would post).
# Each would change something if the CSRF check let it through (the wizard stores answers in
# the session, login and logout change who the session belongs to).
STATE_CHANGING = {
    "assess": (None, lambda w: {}, lambda w: _wizard("licences")),
    "assess_step": (None, lambda w: {"step": "licences"}, lambda w: _wizard("licences")),
    "assess_save": (None, lambda w: {}, lambda w: {}),
    "assess_restart": (None, lambda w: {}, lambda w: {}),
    "plan_edit": (None, lambda w: {"token": w["plan"]}, lambda w: {}),
    "plan_delete": (None, lambda w: {"token": w["plan"]}, lambda w: {}),
    "login": (None, lambda w: {}, lambda w: {"username": "ada", "password": PASSWORD}),
    "logout": ("advisor", lambda w: {}, lambda w: {}),
    "password_change": ("advisor", lambda w: {}, lambda w: {
        "old_password": PASSWORD, "new_password1": "n3w-Passw0rd-xyz",
        "new_password2": "n3w-Passw0rd-xyz"}),
    "password_reset": (None, lambda w: {}, lambda w: {"email": "ada@example.org"}),
    "password_reset_confirm": (None, lambda w: {"uidb64": w["uid"], "token": w["reset_token"]},
                               lambda w: {"new_password1": "n3w-Passw0rd-xyz",
                                          "new_password2": "n3w-Passw0rd-xyz"}),
    "advisor_client_new": ("advisor", lambda w: {}, lambda w: {
        "name": "Mallory", "advisor": w["advisor"].pk}),
    "advisor_client_edit": ("advisor", lambda w: {"pk": w["maria"].pk}, lambda w: {
        "name": "Renamed", "advisor": w["advisor"].pk}),
    "advisor_client_delete": ("advisor", lambda w: {"pk": w["maria"].pk}, lambda w: {}),
    "advisor_client_invite": ("advisor", lambda w: {"pk": w["maria"].pk}, lambda w: {}),
    "advisor_client_revoke_invitation": (
        "advisor", lambda w: {"pk": w["maria"].pk}, lambda w: {"invitation": "1"},
    ),
    "advisor_assessment": ("advisor", lambda w: {"pk": w["maria"].pk},
                           lambda w: _wizard("licences", _client_wizard(Assessment.BY_ADVISOR, w))),
    "advisor_assessment_step": ("advisor", lambda w: {"pk": w["maria"].pk, "step": "licences"},
                                lambda w: _wizard("licences",
                                                  _client_wizard(Assessment.BY_ADVISOR, w))),
    "advisor_team_add": ("org_admin", lambda w: {}, lambda w: {
        "first_name": "Mal", "last_name": "Lory", "email": "mal@example.org", "role": "admin"}),
    "advisor_member_role": ("org_admin", lambda w: {"pk": w["advisor"].pk},
                            lambda w: {"role": "admin"}),
    "advisor_member_active": ("org_admin", lambda w: {"pk": w["advisor"].pk},
                              lambda w: {"active": "false"}),
    "advisor_member_invite": ("org_admin", lambda w: {"pk": w["advisor"].pk}, lambda w: {}),
    "invitation": (None, lambda w: {"token": w["invitation"]},
                   lambda w: _wizard("licences", _client_wizard(Assessment.BY_CLIENT, w))),
    "invitation_step": (None, lambda w: {"token": w["invitation"], "step": "licences"},
                        lambda w: _wizard("licences", _client_wizard(Assessment.BY_CLIENT, w))),
    "admin:login": (None, lambda w: {}, lambda w: {"username": "root", "password": PASSWORD}),
    "admin:logout": ("superuser", lambda w: {}, lambda w: {}),
    "admin:eligibility_catalog_import": ("superuser", lambda w: {},
                                         lambda w: {**_import_file(), "apply": "1"}),
    "admin:eligibility_certification_changelist": ("superuser", lambda w: {}, lambda w: {
        "action": "delete_selected", "post": "yes",
        "_selected_action": [m.Certification.objects.get(code="ccm").pk]}),
}  # fmt: skip

# Pages that only show something: a GET changes nothing (a POST to them is refused all the
# same, by the middleware, and never reaches the view).
READ_ONLY = {
    "home", "assess_results", "plan", "certification_list", "certification_detail", "job_list",
    "job_detail", "api_catalog", "robots_txt", "healthz", "password_change_done",
    "password_reset_done", "password_reset_complete", "advisor_dashboard", "advisor_clients",
    "advisor_clients_export", "advisor_client", "advisor_team", "invitation_done",
    "assess_calendar", "plan_calendar",
    "favicon",
}  # fmt: skip

# POST /api/assess is exempt from CSRF by design (eligibility/api.py): it reads no cookie and
# no session and stores nothing, so a forged cross-site request can do nothing a script could
# not do by calling it directly; its only answer goes to the page that sent it, which a
# browser does not let another site read.
JSON_API = {"api_assess"}


def _patterns(resolver=None, namespace="", prefix=""):
    """(name with namespace, callback, route) of every URL pattern."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, inner, route)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield name, pattern.callback, route


def test_every_url_name_is_classified():
    """A new URL must be added to STATE_CHANGING (and so get a CSRF test), READ_ONLY or
    JSON_API. The admin's own pages are Django's, CSRF-protected as a whole (next test)."""
    names = {name for name, _, _ in _patterns() if name and not name.startswith("admin:")}
    tables = [set(STATE_CHANGING) - {n for n in STATE_CHANGING if n.startswith("admin:")},
              READ_ONLY, JSON_API]  # fmt: skip
    assert not set.intersection(*tables[:2]) and not tables[0] & JSON_API
    unclassified = names - set().union(*tables)
    assert not unclassified, f"add these URL names to a table in {__name__}: {unclassified}"
    assert not set().union(*tables) - names, "the tables name URLs that no longer exist"


def test_only_the_json_api_is_exempt_from_csrf():
    exempt = {name for name, view, _ in _patterns() if getattr(view, "csrf_exempt", False)}
    assert exempt == JSON_API


def csrf_browser(who, world):
    """A browser that enforces CSRF like a real one, holding a CSRF cookie (it visited the
    site before); logged in as `who`."""
    client = browser(enforce_csrf_checks=True)
    secret = get_random_string(32)
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    if who in ("advisor", "org_admin"):
        client.force_login(world[who].user)
    elif who == "superuser":
        client.force_login(world["superuser"])
    session = client.session
    session[PROFILE_SESSION_KEY] = nurse()  # something for "save this plan" to save
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client, secret


def fingerprint(client, world) -> dict:
    """What a forged POST could change: rows, the advisor's password, the session's user."""
    world["advisor"].user.refresh_from_db()
    return {
        "clients": sorted(Client.objects.values_list("pk", "name", "advisor_id")),
        "members": sorted(Membership.objects.values_list("pk", "role", "user__is_active")),
        "users": get_user_model().objects.count(),
        "mails": len(mail.outbox),
        "invitations": Invitation.objects.count(),
        "assessments": Assessment.objects.count(),
        "plans": m.SavedPlan.objects.count(),
        "plan": find_plan(world["plan"]) is not None,
        "certifications": m.Certification.objects.count(),
        "catalog": m.CatalogRevision.current(),
        "password": world["advisor"].user.password,
        "session_user": client.session.get("_auth_user_id"),
        "session_keys": sorted(client.session.keys()),
    }


@pytest.mark.parametrize("token", ["missing", "wrong"])
@pytest.mark.parametrize("name", sorted(STATE_CHANGING))
def test_a_state_changing_post_without_the_csrf_token_is_refused(world, name, token):
    who, kwargs, data = STATE_CHANGING[name]
    client, _ = csrf_browser(who, world)
    path = reverse(name, kwargs=kwargs(world))
    before = fingerprint(client, world)
    posted = data(world)
    if token == "wrong":
        posted["csrfmiddlewaretoken"] = get_random_string(32)
    response = client.post(path, posted)
    assert response.status_code == 403, (name, response.status_code)
    assert fingerprint(client, world) == before


@pytest.mark.parametrize("name", sorted(STATE_CHANGING))
def test_the_same_post_with_the_token_passes_the_csrf_check(world, name):
    """The control: what refused the POST above is the CSRF check, nothing else."""
    who, kwargs, data = STATE_CHANGING[name]
    client, secret = csrf_browser(who, world)
    response = client.post(
        reverse(name, kwargs=kwargs(world)), {**data(world), "csrfmiddlewaretoken": secret}
    )
    assert response.status_code != 403, name
    assert response.status_code < 500, name


def test_a_cross_site_post_without_a_csrf_cookie_is_refused(world):
    client = browser(enforce_csrf_checks=True)
    client.force_login(world["advisor"].user)
    response = client.post(reverse("advisor_client_new"), {"name": "Mallory"})
    assert response.status_code == 403
    assert not Client.objects.filter(name="Mallory").exists()


def test_the_json_api_needs_no_token_and_touches_no_session(world):
    client, _ = csrf_browser("advisor", world)
    session_before = dict(client.session.items())
    response = client.post(
        reverse("api_assess"), json.dumps(nurse()), content_type="application/json"
    )
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert settings.CSRF_COOKIE_NAME not in response.cookies
    assert dict(client.session.items()) == session_before


def test_the_json_api_refuses_a_form_post(world):
    """A cross-site HTML form can only send form or text content types, never
    application/json without a CORS preflight: those are refused before anything is read."""
    client, _ = csrf_browser(None, world)
    for content_type in (
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x",
    ):
        body = "profile=" + json.dumps(nurse())
        response = client.post(reverse("api_assess"), body, content_type=content_type)
        assert response.status_code == 415, content_type


@pytest.mark.parametrize("name", sorted(READ_ONLY))
def test_a_post_to_a_read_only_page_without_a_token_is_refused_too(world, name):
    route_kwargs = {
        "plan": {"token": world["plan"]},
        "plan_calendar": {"token": world["plan"]},
        "invitation_done": {"token": world["invitation"]},
        "certification_detail": {"code": "ccm"},
        "job_detail": {"code": "hospital-case-manager"},
        "advisor_client": {"pk": world["maria"].pk},
    }
    client, _ = csrf_browser("advisor", world)
    path = reverse(name, kwargs=route_kwargs.get(name, {}))
    response = client.post(path, {})
    assert response.status_code in (403, 405), (name, response.status_code)


# --- the admin needs staff -------------------------------------------------------------------

ADMIN_PAGES = [
    "/admin/",
    "/admin/eligibility/",
    "/admin/eligibility/certification/",
    "/admin/eligibility/certification/add/",
    "/admin/eligibility/certification/catalog/import/",
    "/admin/eligibility/certification/catalog/export/",
    "/admin/eligibility/jobrole/",
    "/admin/auth/user/",
]


@pytest.fixture(params=["anonymous", "plain user", "advisor"])
def outsider(request, world):
    client = browser()
    if request.param == "plain user":
        client.force_login(UserFactory(username="pat"))
    elif request.param == "advisor":
        client.force_login(world["advisor"].user)  # an organisation member, not staff
    return client


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_sends_anyone_but_staff_to_its_login(outsider, path):
    response = outsider.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_only_staff_can_import_a_catalog(outsider):
    before = m.CatalogRevision.current()
    data = json.loads(SEED)
    changed = copy.deepcopy(data)
    changed["certifications"][0]["name"] = "Hijacked"
    response = outsider.post(
        "/admin/eligibility/certification/catalog/import/",
        {"content": json.dumps(changed), "apply": "1"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert m.CatalogRevision.current() == before
    assert not m.Certification.objects.filter(name="Hijacked").exists()


def test_the_staff_flag_alone_does_not_open_the_catalog_import(world):
    client = browser()
    client.force_login(UserFactory(username="staff", is_staff=True))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/eligibility/certification/catalog/import/").status_code == 403
    assert client.get("/admin/eligibility/certification/").status_code == 403


# --- advisor pages need a login and a membership ---------------------------------------------

ADVISOR_ROUTES = {
    name: route for name, _, route in _patterns() if name and name.startswith("advisor_")
}


def _advisor_path(name: str, world) -> str:
    values = {"pk": world["maria"].pk, "step": "licences"}
    wanted = re.findall(r"<(?:\w+:)?(\w+)>", ADVISOR_ROUTES[name])
    return reverse(name, kwargs={key: values[key] for key in wanted})


@pytest.mark.parametrize("name", sorted(ADVISOR_ROUTES))
def test_every_advisor_page_sends_an_anonymous_visitor_to_the_login(world, name):
    path = _advisor_path(name, world)
    for method in ("get", "post"):
        response = getattr(browser(), method)(path)
        if response.status_code == 405:  # POST-only (invite): refused before anything else
            continue
        assert response.status_code == 302, (method, path)
        assert response["Location"].startswith("/accounts/login/?next="), path


@pytest.mark.parametrize("name", sorted(ADVISOR_ROUTES))
def test_every_advisor_page_refuses_a_user_outside_any_organisation(world, name):
    client = browser()
    client.force_login(world["superuser"])  # even a superuser is no advisor
    path = _advisor_path(name, world)
    assert client.get(path).status_code in (403, 405)
    assert client.post(path).status_code == 403
    assert Client.objects.count() == 2


# --- invitation tokens -----------------------------------------------------------------------


def refused(response) -> bool:
    return response.status_code == 404 and "no longer works" in response.content.decode()


def _forgeries(world):
    """Maria's token moved to Omar without the site's key."""
    data = signing.loads(world["invitation"], salt=SALT)
    to_omar = {**data, "c": world["omar"].pk}
    _, _, timestamp_and_signature = world["invitation"].partition(":")
    moved = signing.dumps(to_omar, salt=SALT).split(":")[0]
    wrong_key = "not-the-site-key-" + "k" * 40
    return {
        "re-signed with a wrong key": signing.dumps(to_omar, salt=SALT, key=wrong_key),
        "payload swapped, signature kept": f"{moved}:{timestamp_and_signature}",
        "re-signed with a wrong key and salt": signing.dumps(to_omar, key=wrong_key),
    }


def test_a_token_for_one_client_cannot_be_moved_to_another_without_the_key(world):
    omar = world["omar"]
    for label, forged in _forgeries(world).items():
        client = browser()
        assert refused(client.get(f"/invite/{forged}/")), label
        assert refused(client.get(f"/invite/{forged}/licences/")), label
        for step in ("licences", "about"):
            answers = _wizard(step, f"wizard_{Assessment.BY_CLIENT}_{omar.pk}")
            response = client.post(f"/invite/{forged}/{step}/", answers)
            assert refused(response), (label, step)
        assert refused(client.get(f"/invite/{forged}/done/")), label
    omar.refresh_from_db()
    assert omar.assessment is None and not omar.assessments.exists()
    assert world["maria"].assessments.count() == 1  # Maria's own, made by her advisor


@st.composite
def guessed_tokens(draw):
    """Tokens someone might guess: random text, random base64 in the token's shape, and
    validly signed payloads (as if the key leaked) with a guessed secret."""
    kind = draw(st.sampled_from(["text", "shape", "signed"]))
    if kind == "text":
        return draw(st.text(min_size=1, max_size=120))
    b64 = st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        min_size=1,
        max_size=60,
    )
    if kind == "shape":
        return f"{draw(b64)}:{draw(b64)}:{draw(b64)}"
    ids = st.integers(min_value=-5, max_value=10**6)
    payload = {"i": draw(ids), "c": draw(ids), "s": draw(b64)}
    return signing.dumps(payload, salt=SALT)


@pytest.mark.slow
@FUZZ
@given(token=guessed_tokens())
def test_a_guessed_token_is_refused_with_404(world, token):
    quoted = quote(token, safe="")
    with rolled_back():
        client = browser()
        for path in (
            f"/invite/{quoted}/",
            f"/invite/{quoted}/licences/",
            f"/invite/{quoted}/done/",
        ):
            response = client.get(path)
            assert response.status_code == 404, (path, response.status_code)
        # (a token with a "/" matches no URL at all: Django's own 404 page)
        response = client.post(f"/invite/{quoted}/licences/", _wizard("licences"))
        assert response.status_code == 404
        assert Assessment.objects.count() == 1  # Maria's, from the fixture


def test_no_invitation_token_or_secret_reaches_the_logs(world, caplog):
    """The link is the client's key: the request log, Django's own "Not Found" and CSRF
    warnings and the wizard's refusals must name the route, never the path."""
    caplog.set_level(logging.DEBUG)
    advisor = browser()
    advisor.force_login(world["advisor"].user)
    created = advisor.post(f"/advisor/clients/{world['maria'].pk}/invite/")
    link = created.context["link"]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    secrets = {token, signing.loads(token, salt=SALT)["s"], world["invitation"]}
    secrets.add(signing.loads(world["invitation"], salt=SALT)["s"])

    invited = browser()
    invited.get(f"/invite/{token}/")
    for step in ANSWERS:
        invited.get(f"/invite/{token}/{step}/")
        answers = _wizard(step, _client_wizard(Assessment.BY_CLIENT, world))
        response = invited.post(f"/invite/{token}/{step}/", answers)
        assert response.status_code == 302, step
    assert invited.get(response["Location"]).status_code == 302  # finished: saved
    assert invited.get(f"/invite/{token}/done/").status_code == 200
    assert refused(invited.get(f"/invite/{token}/"))  # used: Django logs "Not Found: <path>"
    refused_again = browser().get(f"/invite/{world['invitation']}x/licences/")
    assert refused_again.status_code == 404
    # Finishing closed the client's other links: a new one, for the refusals below.
    live = advisor.post(f"/advisor/clients/{world['maria'].pk}/invite/").context["link"]
    live = live.rstrip("/").rsplit("/", 1)[-1]
    secrets |= {live, signing.loads(live, salt=SALT)["s"]}
    tampered = browser()  # a management form that names no step: a SuspiciousOperation
    tampered.get(f"/invite/{live}/licences/")
    assert tampered.post(f"/invite/{live}/licences/",
                         {f"{_client_wizard(Assessment.BY_CLIENT, world)}-current_step":
                          "nowhere"}).status_code == 400  # fmt: skip
    forged = browser(enforce_csrf_checks=True)  # Django logs "Forbidden (CSRF …): <path>"
    assert forged.post(f"/invite/{live}/licences/", {}).status_code == 403

    assert caplog.records, "nothing was logged: the check below would prove nothing"
    # What the site's handlers write (with their formatters), and each record's message.
    formatters = [h.formatter for h in logging.getLogger().handlers if h.formatter]
    logged = caplog.text + "\n".join(
        "\n".join([record.getMessage(), *(f.format(record) for f in formatters)])
        for record in caplog.records
    )
    for secret in secrets:
        assert secret not in logged
    assert not re.search(r"/invite/[^/<\s]{20,}", logged), "a token-like path was logged"
