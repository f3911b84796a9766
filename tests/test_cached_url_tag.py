"""{% url %} (eligibility/templatetags/cachedurl.py) answers exactly as Django's own."""

import pytest
from django.template import Context, RequestContext, Template, engines
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse, set_script_prefix

from eligibility.templatetags import cachedurl


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_it_is_the_url_tag_every_template_gets():
    node = Template("{% url 'home' %}").nodelist[0]
    assert isinstance(node, cachedurl.CachedURLNode)
    assert "eligibility.templatetags.cachedurl" in engines["django"].engine.builtins


def test_names_without_arguments_are_reversed_once_and_remembered():
    cachedurl._reverse.cache_clear()
    html = render("{% url 'home' %} {% url 'assess' %} {% url 'home' %}")
    assert html == "/ /assess/ /"
    info = cachedurl._reverse.cache_info()
    assert (info.misses, info.hits) == (2, 1)


def test_urls_with_arguments_are_django_s_and_not_remembered():
    cachedurl._reverse.cache_clear()
    html = render(
        "{% url 'plan' token %}|{% url 'certification_detail' code='ccm' %}", token="a-secret-token"
    )
    assert html == f"{reverse('plan', args=['a-secret-token'])}|/certifications/ccm/"
    assert cachedurl._reverse.cache_info().currsize == 0


def test_as_var_and_unknown_names_behave_as_before():
    assert render("{% url 'job_list' as jobs %}[{{ jobs }}]") == "[/jobs/]"
    assert render("{% url 'no-such-page' as missing %}[{{ missing }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")


def test_the_admins_namespace_and_the_script_prefix_are_part_of_the_answer():
    request = RequestFactory().get("/admin/")
    request.current_app = "admin"
    html = Template("{% url 'admin:index' %}").render(RequestContext(request))
    assert html == reverse("admin:index", current_app="admin")
    set_script_prefix("/careerpath/")
    try:
        assert render("{% url 'home' %}") == "/careerpath/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'home' %}") == "/"
