"""Guessing a password is limited on every form that checks one: the site's log-in, the admin's
log-in (one shared budget per address) and the change-password form (per user and per
address), also behind a proxy that names the client's address in a header."""

import functools
import json
import sys
import tempfile
from pathlib import Path

import pytest

from tests.deploy.production import production_env, run
from tests.factories import EditorFactory, UserFactory
from tests.htmlforms import form_fields, single

from .conftest import browser

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fresh_rate_limits", "frozen_rate_limit_clock"),
]

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's
GUESSES = 10  # advising.auth.LOGIN_RATE: 10 a minute
HOME, ELSEWHERE, PROXY = "203.0.113.7", "198.51.100.2", "10.0.0.1"


@pytest.fixture
def editor():
    return EditorFactory(username="grace")


def admin_log_in(client, password, **extra):
    """Fill the admin's rendered log-in form and send it."""
    page = client.get("/admin/login/?next=/admin/", **extra)
    fields = single(form_fields(page.content.decode(), form_id="login-form"))
    fields.update(username="grace", password=password)
    return client.post("/admin/login/?next=/admin/", fields, **extra)


def site_log_in(client, username, password, **extra):
    """Fill the site's rendered log-in form and send it."""
    page = client.get("/accounts/login/", **extra)
    fields = single(form_fields(page.content.decode(), form_id="account-form"))
    fields.update(username=username, password=password)
    return client.post("/accounts/login/", fields, **extra)


def change_password(client, old, **extra):
    """Fill the rendered change-password form and send it."""
    page = client.get("/accounts/password_change/", **extra)
    fields = single(form_fields(page.content.decode(), form_id="account-form"))
    new = "river-otter-lantern-93"
    fields.update(old_password=old, new_password1=new, new_password2=new)
    return client.post("/accounts/password_change/", fields, **extra)


def assert_too_many(response):
    """The site's own friendly 429 page."""
    assert response.status_code == 429
    assert "<h1>Too many requests</h1>" in response.content.decode()


# --- the admin's log-in -----------------------------------------------------------------------


def test_the_admin_login_refuses_the_right_password_after_ten_wrong_ones_from_one_address(
    client, editor
):
    for _ in range(GUESSES):
        assert admin_log_in(client, "guess", REMOTE_ADDR=HOME).status_code == 200
    assert_too_many(admin_log_in(client, PASSWORD, REMOTE_ADDR=HOME))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/", REMOTE_ADDR=HOME).status_code == 302  # still logged out
    assert admin_log_in(client, PASSWORD, REMOTE_ADDR=ELSEWHERE).status_code == 302


def test_guesses_on_the_site_login_count_against_the_admin_login_too(client, editor):
    for _ in range(GUESSES):
        assert site_log_in(client, "grace", "guess", REMOTE_ADDR=HOME).status_code == 200
    assert_too_many(admin_log_in(client, PASSWORD, REMOTE_ADDR=HOME))
    assert "_auth_user_id" not in client.session


# --- the change-password form -----------------------------------------------------------------


def test_the_change_password_form_refuses_the_right_old_password_after_ten_wrong_ones(client):
    user = UserFactory(username="ada")
    client.force_login(user)
    for _ in range(GUESSES):
        assert change_password(client, "guess", REMOTE_ADDR=HOME).status_code == 200
    # Per person: another address does not buy more guesses at the same account.
    assert_too_many(change_password(client, PASSWORD, REMOTE_ADDR=ELSEWHERE))
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_change_password_form_limits_guesses_from_one_address_across_accounts(client):
    for n in range(GUESSES):
        client.force_login(UserFactory(username=f"guesser{n}"))
        assert change_password(client, "guess", REMOTE_ADDR=HOME).status_code == 200
    ada = UserFactory(username="ada")
    client.force_login(ada)
    assert_too_many(change_password(client, PASSWORD, REMOTE_ADDR=HOME))
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)


# --- behind a proxy ---------------------------------------------------------------------------


@functools.cache
def production_rate_limit_settings(meta_key: str) -> dict:
    """The RATELIMIT_* settings production computes with DJANGO_RATELIMIT_IP_META_KEY=meta_key
    (read in a subprocess, as the deploy tests read settings; once per header)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({n: getattr(settings, n) for n in dir(settings) "
        "if n.startswith('RATELIMIT_')}))"
    )
    with tempfile.TemporaryDirectory() as folder:
        env = production_env(Path(folder), DJANGO_RATELIMIT_IP_META_KEY=meta_key)
        result = run([sys.executable, "-c", code], env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    values.pop("RATELIMIT_USE_CACHE")  # production's cache, not the tests'
    return values


def configure_proxy(settings, meta_key: str) -> None:
    """Rate-limit settings as production has them behind a proxy that sets `meta_key`."""
    for name, value in production_rate_limit_settings(meta_key).items():
        setattr(settings, name, value)


@pytest.fixture(params=["HTTP_X_REAL_IP", "HTTP_X_FORWARDED_FOR"])
def behind_proxy(request, settings):
    """Settings as with DJANGO_RATELIMIT_IP_META_KEY=<the header>; returns the header's
    META name."""
    configure_proxy(settings, request.param)
    return request.param


@pytest.mark.parametrize(
    "value", [None, "", "unknown", "999.1.1.1", "203.0.113.7/8", "203.0.113.7:5000", " , "]
)
@pytest.mark.slow
def test_a_missing_or_malformed_address_header_never_answers_500(behind_proxy, value):
    """The proxy did not set the header (or something else did, badly): the request is counted
    against the connection's address instead, and answered as usual."""
    header = {} if value is None else {behind_proxy: value}
    client = browser()
    UserFactory(username="ada")
    assert site_log_in(client, "ada", "guess", REMOTE_ADDR=PROXY, **header).status_code == 200
    api = client.post(
        "/api/assess",
        json.dumps({"as_of": "2026-11-23"}),
        content_type="application/json",
        REMOTE_ADDR=PROXY,
        **header,
    )
    assert api.status_code == 200
    assert site_log_in(client, "ada", PASSWORD, REMOTE_ADDR=PROXY, **header).status_code == 302


@pytest.mark.slow
def test_guesses_are_counted_per_client_named_by_the_proxy_and_bad_values_per_connection(
    behind_proxy,
):
    client = browser()
    UserFactory(username="ada")
    for _ in range(GUESSES):
        response = site_log_in(client, "ada", "guess", REMOTE_ADDR=PROXY, **{behind_proxy: HOME})
        assert response.status_code == 200
    assert_too_many(site_log_in(client, "ada", PASSWORD, REMOTE_ADDR=PROXY, **{behind_proxy: HOME}))
    # Another client behind the same proxy has its own budget...
    assert (
        site_log_in(
            client, "ada", PASSWORD, REMOTE_ADDR=PROXY, **{behind_proxy: ELSEWHERE}
        ).status_code
        == 302
    )
    client.logout()
    # ...and a malformed value is counted against the connection (the proxy's address).
    for _ in range(GUESSES):
        response = site_log_in(
            client, "ada", "guess", REMOTE_ADDR=PROXY, **{behind_proxy: "not-an-address"}
        )
        assert response.status_code == 200
    assert_too_many(site_log_in(client, "ada", PASSWORD, REMOTE_ADDR=PROXY))


def test_ipv4_clients_written_as_ipv6_by_the_proxy_each_have_their_own_count(settings):
    """A dual-stack proxy names IPv4 clients "::ffff:203.0.113.7": not one shared count."""
    configure_proxy(settings, "HTTP_X_REAL_IP")
    client = browser()
    UserFactory(username="ada")
    for _ in range(GUESSES):
        response = site_log_in(
            client, "ada", "guess", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=f"::ffff:{HOME}"
        )
        assert response.status_code == 200
    assert_too_many(
        site_log_in(client, "ada", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=f"::ffff:{HOME}")
    )
    other = site_log_in(
        client, "ada", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=f"::ffff:{ELSEWHERE}"
    )
    assert other.status_code == 302


def test_only_the_address_the_proxy_appended_to_x_forwarded_for_counts(settings):
    """nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it
    saw: the right-most entry is the proxy's, the rest is the client's to invent."""
    configure_proxy(settings, "HTTP_X_FORWARDED_FOR")
    client = browser()
    UserFactory(username="ada")
    for n in range(GUESSES):
        invented = f"192.0.2.{n + 1}, {HOME}"  # a new left-hand address on every guess
        response = site_log_in(
            client, "ada", "guess", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=invented
        )
        assert response.status_code == 200
    assert_too_many(
        site_log_in(
            client, "ada", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {HOME}"
        )
    )


def test_a_connection_with_no_address_still_gets_an_answer():
    """gunicorn on a Unix socket sees no address at all; that is counted, never a 500."""
    client = browser()
    UserFactory(username="ada")
    assert site_log_in(client, "ada", "guess", REMOTE_ADDR="").status_code == 200
    assert site_log_in(client, "ada", PASSWORD, REMOTE_ADDR="").status_code == 302
