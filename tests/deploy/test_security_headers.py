"""Every response carries the Content-Security-Policy and the hardening headers; the admin's
one exception is exactly one hashed style attribute, and only in the admin."""

import pytest
from django.conf import settings as django_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
)
ADMIN_EXCEPTION = (
    "style-src-attr 'unsafe-hashes' 'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"
)


def directives(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


@pytest.mark.parametrize(
    "path", ["/", "/assess/licences/", "/certifications/", "/accounts/login/", "/healthz"]
)
def test_pages_carry_the_policy_and_nothing_looser(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert directives(response) == set(POLICY)
    assert "unsafe" not in response["Content-Security-Policy"]


def test_the_api_and_error_pages_carry_it_too(client):
    assert directives(client.get("/api/catalog")) == set(POLICY)
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert directives(missing) == set(POLICY)


def test_the_admin_allows_one_hashed_style_attribute_and_no_more(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert directives(response) == set(POLICY) | {ADMIN_EXCEPTION}
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_pages_refuse_framing_sniffing_and_cross_site_referrers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_https_responses_carry_hsts_for_a_year_with_subdomains_and_preload(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_behind_a_proxy_its_https_header_is_trusted_when_configured(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/").status_code == 301
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


def test_cookies_are_secure_and_the_session_cookie_is_not_readable_by_scripts():
    assert django_settings.SESSION_COOKIE_SECURE
    assert django_settings.CSRF_COOKIE_SECURE
    assert django_settings.SESSION_COOKIE_HTTPONLY
