"""Every form the site renders has a crispy-forms helper and renders through the project's own
template pack ("careerpath"), not through Django's field groups."""

import pytest
from crispy_forms.helper import FormHelper

from advising.auth import LoginForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from advising.forms import ClientFilterForm, ClientForm
from advising.team import MemberForm
from eligibility import forms as assessment_forms

SITE_FORMS = [
    LoginForm,
    PasswordResetForm,
    SetPasswordForm,
    PasswordChangeForm,
    ClientForm,
    ClientFilterForm,
    MemberForm,
    *[cls for cls in vars(assessment_forms).values()
      if isinstance(cls, type)
      and issubclass(cls, assessment_forms.StepForm | assessment_forms.EntryForm)],
]  # fmt: skip


@pytest.mark.parametrize("form_class", SITE_FORMS, ids=lambda cls: cls.__name__)
def test_each_site_form_has_a_helper_that_leaves_the_form_tag_to_the_page(form_class):
    helper = form_class.helper.fget(None)
    assert isinstance(helper, FormHelper)
    assert helper.form_tag is False


@pytest.mark.parametrize("url", ["/accounts/login/", "/assess/"])
def test_the_page_renders_its_form_through_the_careerpath_pack(client, seeded, url):
    response = client.get(url, follow=True)
    names = [template.name for template in response.templates]
    assert "careerpath/whole_uni_form.html" in names
    assert "careerpath/field.html" in names
