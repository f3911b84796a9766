"""Request logs: one line per request naming the route, never a path, query, body, name,
e-mail address, profile value or token; JSON in production, plain lines in development."""

import datetime as dt
import io
import json
import logging
import runpy
import secrets
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client as Browser

from advising.models import Client, Organisation
from careerpath.logs import JsonFormatter, PlainFormatter
from tests.advisors.conftest import member
from tests.advisors.test_invitations import walk
from tests.conftest import SPEC_EXAMPLE
from tests.test_assessment_wizard import NCM_JOB, complete, entries, post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded", "fresh_rate_limits")]

NAME, EMAIL, EXTERNAL_ID = "Zyxwa Quillfeather", "zq@example.org", "ZQ-4471"
SEARCH = "Quillfeather"
NOTES = "Vrendal wants to move into utilisation review"
USERNAME, PASSWORD = "ada-xorbrink", "a-long-test-password"
PROFILE_VALUES = ["nurse-case-manager", "nursing-case-management", "hospital", "2023-01-01"]
REQUEST_KEYS = {"time", "level", "logger", "message", "request_id", "method", "route", "status",
                "duration_ms"}  # fmt: skip


@pytest.fixture
def logs():
    """What the configured console handler writes, as JSON (production's format)."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream, formatter = io.StringIO(), handler.formatter
    previous = handler.setStream(stream)
    handler.setFormatter(JsonFormatter())
    yield stream
    handler.setStream(previous or sys.stderr)
    handler.setFormatter(formatter)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def request_lines(stream: io.StringIO) -> list[dict]:
    return [line for line in lines(stream) if line["logger"] == "careerpath.requests"]


def recorded(browser: Browser, responses: list) -> Browser:
    """`browser`, keeping every response it receives (redirects followed included)."""
    send = browser.request

    def request(**kwargs):
        response = send(**kwargs)
        responses.append(response)
        return response

    browser.request = request
    return browser


def route(response) -> str:
    match = response.wsgi_request.resolver_match
    return match.route if match is not None else "<unmatched>"


def assert_nothing_personal(text: str, *secrets_: str) -> None:
    for secret in (
        NAME,
        *NAME.split(),
        EMAIL,
        EXTERNAL_ID,
        NOTES,
        USERNAME,
        PASSWORD,
        *PROFILE_VALUES,
        *secrets_,
    ):
        assert secret.lower() not in text.lower(), secret


@pytest.fixture
def ada():
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    membership = member(org, USERNAME)
    membership.user.set_password(PASSWORD)
    membership.user.save()
    return membership


@pytest.mark.slow
def test_a_whole_journey_logs_each_request_by_route_and_nothing_personal(logs, caplog, ada):
    responses = []
    missing = secrets.token_urlsafe(24)

    # The public self-assessment; its only free-text fields are dates.
    public = recorded(Browser(), responses)
    public.get("/assess/")
    typed = {**NCM_JOB, "start": EMAIL, "end": NAME, "ongoing": ""}
    assert post(public, "work", entries("work", typed)).status_code == 200  # refused, shown
    assert complete(public).status_code == 200
    plan_path = public.post("/assess/save/")["Location"]
    plan_token = plan_path.removeprefix("/plan/").strip("/")
    assert public.get(plan_path).status_code == 200
    assert public.get(f"/plan/{missing}/").status_code == 404
    api = public.post("/api/assess", SPEC_EXAMPLE, content_type="application/json")
    assert api.status_code == 200
    assert public.get("/certifications/", {"q": SEARCH}).status_code == 200

    # An advisor logs in, adds a client, searches for her and invites her.
    advisor = recorded(Browser(), responses)
    login = advisor.post("/accounts/login/", {"username": USERNAME, "password": PASSWORD})
    assert login.status_code == 302
    fields = {"name": NAME, "email": EMAIL, "external_id": EXTERNAL_ID, "advisor": ada.pk,
              "notes": NOTES}  # fmt: skip
    assert advisor.post("/advisor/clients/new/", fields).status_code == 302
    client = Client.objects.get(name=NAME)
    found = advisor.get("/advisor/clients/", {"q": SEARCH})
    assert NAME in found.content.decode()
    assert advisor.get(f"/advisor/clients/{client.pk}/").status_code == 200
    invitation = advisor.post(f"/advisor/clients/{client.pk}/invite/")
    link = invitation.context["link"].removeprefix("http://testserver")
    invitation_token = link.removeprefix("/invite/").strip("/")

    # The client opens the link and fills in her own assessment.
    invited = recorded(Browser(), responses)
    finished = walk(invited, link)
    assert NAME in invited.get(finished["Location"]).content.decode()

    assert_nothing_personal(logs.getvalue(), SEARCH, plan_token, invitation_token, missing)
    assert "careerpath.requests" in caplog.text and "django.request" in caplog.text
    assert_nothing_personal(caplog.text, SEARCH, plan_token, invitation_token, missing)

    # One request line per request, with the route pattern, the status and the request id.
    seen = request_lines(logs)
    assert len(seen) == len(responses)
    by_id = {line["request_id"]: line for line in seen}
    for response in responses:
        line = by_id[response["X-Request-ID"]]
        assert set(line) >= REQUEST_KEYS
        assert (line["method"], line["route"], line["status"]) == (
            response.wsgi_request.method, route(response), response.status_code,
        )  # fmt: skip
        assert round(line["duration_ms"], 1) == line["duration_ms"]
    routes = {(line["route"], line["status"]) for line in seen}
    assert {("plan/<str:token>/", 200), ("plan/<str:token>/", 404), ("api/assess", 200),
            ("advisor/clients/", 200), ("invite/<str:token>/", 302),
            ("invite/<str:token>/<slug:step>/", 200)} <= routes  # fmt: skip

    # The user by number only, and only when logged in.
    advisor_lines = [line for line in seen if line["route"].startswith("advisor/")]
    assert advisor_lines and all(line["user_id"] == ada.user.pk for line in advisor_lines)
    assert all("user_id" not in line for line in seen if line["route"].startswith("invite/"))


def test_a_missing_plan_is_logged_by_its_route_not_its_token(logs):
    token = secrets.token_urlsafe(24)
    response = Browser().get(f"/plan/{token}/", {"q": SEARCH})
    assert response.status_code == 404
    assert token not in logs.getvalue() and SEARCH not in logs.getvalue()
    (line,) = request_lines(logs)
    assert (line["route"], line["url_name"], line["status"]) == ("plan/<str:token>/", "plan", 404)
    (not_found,) = [line for line in lines(logs) if line["logger"] == "django.request"]
    assert not_found["message"] == "Not Found: plan/<str:token>/"
    assert not_found["request_id"] == response["X-Request-ID"]


def test_a_path_no_route_matches_is_logged_as_unmatched(logs):
    response = Browser().get(f"/{EMAIL}/{NAME}/")
    assert response.status_code == 404
    (line,) = request_lines(logs)
    assert (line["route"], line["status"]) == ("<unmatched>", 404)
    assert "url_name" not in line
    assert_nothing_personal(logs.getvalue())


def test_djangos_csrf_and_bad_host_records_name_the_route(logs):
    token = secrets.token_urlsafe(24)
    refused = Browser(enforce_csrf_checks=True).post(f"/plan/{token}/delete/")
    assert refused.status_code == 403
    bad_host = Browser().get(f"/invite/{token}/", HTTP_HOST="zyxwa-quillfeather.example")
    assert bad_host.status_code == 400
    assert token not in logs.getvalue()
    assert "quillfeather" not in logs.getvalue().lower()
    messages = {line["logger"]: line["message"] for line in lines(logs)}
    assert messages["django.security.csrf"].endswith(": plan/<str:token>/delete/")
    assert messages["django.security.DisallowedHost"] == "DisallowedHost: <unmatched>"


def test_each_response_carries_its_own_request_id(logs):
    browser = Browser()
    first, second = browser.get("/"), browser.get("/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert uuid.UUID(first["X-Request-ID"]).version == 4
    assert [line["request_id"] for line in request_lines(logs)] == [
        first["X-Request-ID"], second["X-Request-ID"],
    ]  # fmt: skip


def record(message: str = "GET /plan/<str:token>/ 200 3.1ms", **extra) -> logging.LogRecord:
    entry = logging.makeLogRecord(
        {
            "name": "careerpath.requests",
            "levelname": "INFO",
            "levelno": logging.INFO,
            "msg": message,
        }
    )
    entry.__dict__.update(extra)
    return entry


def test_the_json_line_has_utc_time_level_logger_message_and_the_fields():
    line = json.loads(
        JsonFormatter().format(
            record(
                request_id="ab" * 16,
                method="GET",
                route="plan/<str:token>/",
                url_name="plan",
                status=200,
                duration_ms=3.1,
                user_id=None,
                request=object(),
                note="free text",
            )
        )
    )
    assert set(line) == REQUEST_KEYS | {"url_name"}  # no None, no request, no strings
    moment = dt.datetime.fromisoformat(line["time"])
    assert moment.utcoffset() == dt.timedelta(0)
    assert (line["level"], line["logger"], line["route"]) == (
        "INFO", "careerpath.requests", "plan/<str:token>/",
    )  # fmt: skip


def test_an_exception_is_logged_by_type_and_stack_without_its_message():
    try:
        raise ValueError(f"duplicate e-mail {EMAIL}")
    except ValueError:
        failed = record("recomputing summaries failed", exc_info=sys.exc_info())
    text = JsonFormatter().format(failed)
    assert "\n" not in text and EMAIL not in text
    line = json.loads(text)
    assert line["exc_type"] == "builtins.ValueError"
    assert "test_an_exception_is_logged_by_type_and_stack" in line["exc_stack"]


def test_the_plain_format_is_one_readable_line_with_the_fields():
    line = record(request_id="ab" * 16, route="plan/<str:token>/", url_name="plan", user_id=7)
    text = PlainFormatter().format(line)
    assert "INFO careerpath.requests GET /plan/<str:token>/ 200 3.1ms" in text
    assert text.endswith(f"3.1ms request_id={'ab' * 16} url_name=plan user_id=7")


SETTINGS = Path(__file__).resolve().parent.parent / "careerpath" / "settings.py"


@pytest.mark.parametrize(
    ("debug", "log_format", "expected"),
    [("false", "", "json"), ("true", "", "plain"), ("false", "Plain", "plain"),
     ("true", "json", "json")],
)  # fmt: skip
def test_django_log_format_picks_the_formatter(monkeypatch, debug, log_format, expected):
    monkeypatch.setenv("DJANGO_DEBUG", debug)
    monkeypatch.setenv("DJANGO_LOG_FORMAT", log_format)
    monkeypatch.setenv("DJANGO_LOG_LEVEL", "WARNING")
    settings = runpy.run_path(str(SETTINGS))
    assert settings["LOGGING"]["handlers"]["console"]["formatter"] == expected
    assert settings["LOGGING"]["root"]["level"] == "WARNING"
    assert "careerpath.logs.RequestLogMiddleware" in settings["MIDDLEWARE"]
