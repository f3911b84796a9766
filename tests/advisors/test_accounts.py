"""Advisors' accounts under /accounts/: log in and out, reset a password, a limit on guessing."""

import re

import pytest

# Login, reset and wizard POSTs are rate limited per address: no test inherits a count.
pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's


@pytest.fixture
def ada(advisor):
    user = advisor.user
    user.email = "ada@riverside.example"
    user.save()
    return user


def log_in(client, username="ada", password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


# --- logging in -----------------------------------------------------------------------------


def test_the_login_page_has_labelled_fields(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Advisor log in</h1>" in page
    for name in ("username", "password"):
        assert re.search(rf'<label[^>]*for="id_{name}"', page), name
        assert re.search(rf'<input[^>]*id="id_{name}"', page), name
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'href="/accounts/password_reset/"' in page


def test_a_wrong_password_shows_the_error_summary(client, ada):
    response = log_in(client, password="not-the-password")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page and 'role="alert"' in page
    assert "<title>Error:" in page
    errors = response.context["form"].error_summary()
    assert len(errors) == 1 and errors[0][0] == "account-form"
    assert "correct username and password" in errors[0][1]
    assert "_auth_user_id" not in client.session


def test_an_empty_login_names_both_fields(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})
    targets = [target for target, _ in response.context["form"].error_summary()]
    assert targets == ["id_username", "id_password"]
    page = response.content.decode()
    assert 'href="#id_username"' in page and 'href="#id_password"' in page


def test_logging_in_leads_to_the_advisor_dashboard(client, ada):
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/advisor/"
    assert int(client.session["_auth_user_id"]) == ada.pk
    assert client.get("/advisor/").status_code == 200


def test_logging_in_returns_to_the_page_asked_for(client, ada):
    response = client.get("/advisor/clients/")
    assert response["Location"] == "/accounts/login/?next=/advisor/clients/"
    response = client.post(
        "/accounts/login/?next=/advisor/clients/",
        {"username": "ada", "password": PASSWORD, "next": "/advisor/clients/"},
    )
    assert response["Location"] == "/advisor/clients/"


def test_logging_in_never_redirects_off_the_site(client, ada):
    response = client.post(
        "/accounts/login/",
        {"username": "ada", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == "/advisor/"


def test_a_logged_in_advisor_is_sent_on_from_the_login_page(login, advisor):
    response = login(advisor).get("/accounts/login/")
    assert response.status_code == 302 and response["Location"] == "/advisor/"


# --- logging out ----------------------------------------------------------------------------


def test_logging_out_with_post_logs_out(client, ada):
    log_in(client)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert client.get("/advisor/")["Location"].startswith("/accounts/login/")


def test_logging_out_with_get_is_refused_and_keeps_the_session(client, ada):
    log_in(client)
    response = client.get("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/advisor/"
    assert client.get("/advisor/").status_code == 200


def test_every_page_offers_a_logout_form_to_an_advisor(login, advisor):
    page = login(advisor).get("/advisor/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"', page)


# --- resetting a password -------------------------------------------------------------------


def reset_link(message) -> str:
    found = re.search(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_password_reset_mail_lets_the_advisor_choose_a_new_password(client, ada, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": "ada@riverside.example"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@riverside.example"]
    assert "\n" not in message.subject

    form = client.get(reset_link(message), follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0]
    assert set_url.endswith("/set-password/")
    assert re.search(r'<label[^>]*for="id_new_password1"', form.content.decode())

    new = "river-otter-lantern-93"
    done = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == "/accounts/reset/done/"
    ada.refresh_from_db()
    assert ada.check_password(new) and not ada.check_password(PASSWORD)

    assert log_in(client, password=new)["Location"] == "/advisor/"


def test_a_reset_link_works_once(client, ada, mailoutbox):
    client.post("/accounts/password_reset/", {"email": "ada@riverside.example"})
    link = reset_link(mailoutbox[0])
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "river-otter-lantern-93"
    client.post(set_url, {"new_password1": new, "new_password2": new})
    again = client.get(link, follow=True)
    assert "form" not in again.context or again.context["form"] is None
    assert again.context["validlink"] is False


def test_a_weak_new_password_is_refused_at_its_field(client, ada, mailoutbox):
    client.post("/accounts/password_reset/", {"email": "ada@riverside.example"})
    set_url = client.get(reset_link(mailoutbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    targets = {target for target, _ in response.context["form"].error_summary()}
    assert targets == {"id_new_password2"}
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mailoutbox == []


# --- the limit on guessing ------------------------------------------------------------------


def test_the_eleventh_login_post_in_a_minute_from_one_address_is_refused(
    client, ada, frozen_rate_limit_clock
):
    for _ in range(10):
        response = log_in(client, password="guess", REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 200
    refused = log_in(client, REMOTE_ADDR="203.0.113.7")  # even the right password
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert log_in(client, REMOTE_ADDR="198.51.100.2").status_code == 302  # another address


def test_viewing_the_login_page_does_not_count(client, frozen_rate_limit_clock):
    for _ in range(15):
        assert client.get("/accounts/login/", REMOTE_ADDR="203.0.113.7").status_code == 200


def test_password_reset_requests_are_limited_too(client, mailoutbox, frozen_rate_limit_clock):
    for _ in range(10):
        response = client.post(
            "/accounts/password_reset/", {"email": "x@example.com"}, REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code == 302
    refused = client.post(
        "/accounts/password_reset/", {"email": "x@example.com"}, REMOTE_ADDR="203.0.113.7"
    )
    assert refused.status_code == 429
