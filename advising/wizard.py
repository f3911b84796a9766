"""The self-assessment, saved to a client: entered by their advisor, or by the client through
an invitation link. The same steps, checks and messages as the public form."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator

from eligibility.forms import profile_from_steps
from eligibility.profile import ProfileError
from eligibility.wizard import AssessmentWizard

from .access import advisor_required, client_for
from .invitations import claim, find_invitation, mark_used
from .models import Assessment
from .summaries import record_assessment

INVITATION_DONE_KEY = "invitation_done"


class ClientWizard(AssessmentWizard):
    """Starts from the client's latest profile; finishing saves a new assessment."""

    source = ""

    def find_client(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        found = self.find_client()
        if not hasattr(found, "pk"):
            return found  # a response: the client cannot be reached
        self.client = found
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        # One wizard per client in a session, apart from the public one.
        return f"wizard_{self.source}_{self.client.pk}"

    def saved_profile(self) -> dict | None:
        return self.client.assessment.profile if self.client.assessment else None

    def saved_profile_id(self) -> str:
        return f"assessment-{self.client.assessment_id}"

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["wizard_for"] = self.client
        return context

    def save(self, form_dict) -> Assessment | None:
        try:
            return record_assessment(
                self.client, profile_from_steps(form_dict), self.snapshot,
                source=self.source, user=self.request.user,
            )  # fmt: skip
        except ProfileError as refused:
            for path, message in refused.errors.items():
                messages.error(self.request, f"{path}: {message}")
            return None


class AdvisorEntryWizard(ClientWizard):
    source = Assessment.BY_ADVISOR
    url_name = "advisor_assessment_step"
    finish_label = "Save the assessment"

    @method_decorator(advisor_required)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def find_client(self):
        return client_for(self.request.membership, self.kwargs["pk"])

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.client.pk, "step": step})

    def get_context_data(self, form, **kwargs):
        return {**super().get_context_data(form=form, **kwargs), "nav": "advisor"}

    def done(self, form_list, form_dict=None, **kwargs):
        before = self.client.assessment_id
        saved = self.save(form_dict)
        if saved is None:
            return redirect(self.get_step_url(self.steps.first))
        if saved.pk == before:
            messages.info(self.request, f"No answer changed: the assessment of "
                                        f"{self.client.name} stays as it was.")  # fmt: skip
        else:
            messages.success(self.request, f"The assessment of {self.client.name} is saved.")
        return redirect("advisor_client", pk=self.client.pk)


class InvitationWizard(ClientWizard):
    source = Assessment.BY_CLIENT
    url_name = "invitation_step"
    finish_label = "Send my answers"

    def find_client(self):
        self.invitation = find_invitation(self.kwargs["token"])
        if self.invitation is None:
            return render(self.request, "advising/invitation_invalid.html", status=404)
        return self.invitation.client

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"token": self.kwargs["token"], "step": step})

    def done(self, form_list, form_dict=None, **kwargs):
        # Finished from several browsers at once (or with two links): the first one saves,
        # the others find the link used and get the page that says so.
        with transaction.atomic():
            if not claim(self.invitation):
                return render(self.request, "advising/invitation_invalid.html", status=404)
            if self.save(form_dict) is None:
                return redirect(self.get_step_url(self.steps.first))
            mark_used(self.invitation)
        self.request.session[INVITATION_DONE_KEY] = self.invitation.pk
        return redirect("invitation_done", token=self.kwargs["token"])
