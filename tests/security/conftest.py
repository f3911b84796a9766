"""Shared set-up of the security tests: a test client that shows a crash as a 500, examples
that leave nothing behind, and hypothesis settings that keep the fuzzing quick."""

import os
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, event
from hypothesis import settings as hypothesis_settings
from hypothesis.control import currently_in_test_context

# What a well-behaved endpoint answers to anything a browser or a script can send. A 500 is
# never among them: bad input is the sender's fault (4xx), never the server's.
ALLOWED = frozenset({200, 302, 400, 404, 413, 429})


def fuzz(max_examples: int = 30) -> hypothesis_settings:
    """Hypothesis settings for a fuzz test: few examples so the suite stays quick
    (FUZZ_EXAMPLES=1000 in the environment fuzzes every test deeper, on demand)."""
    return hypothesis_settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", max_examples)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


FUZZ = fuzz()


def browser(**kwargs) -> Client:
    """A test client that answers a crash with the 500 page instead of raising it."""
    return Client(raise_request_exception=False, **kwargs)


@contextmanager
def rolled_back():
    """Run one hypothesis example in a savepoint that is rolled back afterwards, so examples
    do not see each other's rows, sessions or rate-limit counts."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def no_rate_limits(settings, fresh_rate_limits):
    """Fuzzing tests the views' handling of input, not the limiter: switch the limits off
    (the rate-limit tests of the API, the wizard and the login keep them on)."""
    settings.RATELIMIT_ENABLE = False


def assert_handled(response, allowed=ALLOWED) -> None:
    """The response is one of `allowed`; in a hypothesis example, its status is counted
    (`pytest --hypothesis-show-statistics` shows how often each answer came)."""
    if currently_in_test_context():
        event(f"{response.request['REQUEST_METHOD']} {response.status_code}")
    assert response.status_code in allowed, (
        f"{response.request['REQUEST_METHOD']} {response.request['PATH_INFO']} "
        f"answered {response.status_code}"
    )
