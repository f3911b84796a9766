"""Advisors' forms: a client's details, and the filters of the client list."""

from django import forms

from eligibility.forms import (
    CrispyMixin,
    ErrorSummaryMixin,
    LabelledErrorsMixin,
    style_widgets,
)

from .access import visible_clients
from .models import Client, Membership
from .selectors import BUCKETS, UNASSESSED


class AdvisorForm(CrispyMixin, ErrorSummaryMixin, LabelledErrorsMixin):
    summary_target = "client-form"


class ClientForm(AdvisorForm, forms.ModelForm):
    class Meta:
        model = Client
        fields = ["name", "email", "external_id", "advisor", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"notes": "Only advisors of your organisation see these notes."}
        error_messages = {
            "name": {"required": "is required"},
            "email": {"invalid": "is not an e-mail address"},
        }

    def __init__(self, *args, membership: Membership, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.instance.organisation_id = membership.organisation_id
        field = self.fields["advisor"]
        field.queryset = advisors
        field.label_from_instance = lambda m: m.display_name
        field.error_messages["invalid_choice"] = "is not an advisor you can assign this client to"
        if membership.is_admin:
            field.empty_label = "Not assigned"
        else:
            # An advisor's clients are their own; only an organisation admin reassigns.
            field.empty_label = None
            field.required = True
            field.error_messages["required"] = "is required"
            field.initial = membership.pk
        style_widgets(self)

    def clean_external_id(self) -> str:
        """Unique among the clients this member can see: the whole organisation for an admin,
        their own clients for a plain advisor, who is told nothing of colleagues' clients."""
        value = self.cleaned_data["external_id"].strip()
        if not value:
            return value
        taken = (
            visible_clients(self.membership)
            .filter(external_id=value)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if taken is not None:
            raise forms.ValidationError(f"External id is already used by {taken.name}.")
        return value


class ClientFilterForm(AdvisorForm, forms.Form):
    q = forms.CharField(label="Name or external id", required=False, max_length=100)
    certification = forms.ChoiceField(label="Certification", required=False)
    status = forms.MultipleChoiceField(
        label="Status",
        required=False,
        choices=[*BUCKETS, UNASSESSED],
        widget=forms.CheckboxSelectMultiple,
    )
    advisor = forms.ModelChoiceField(
        label="Advisor", required=False, queryset=Membership.objects.none(), empty_label="All"
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("name", "Last name (A–Z)"), ("-name", "Last name (Z–A)"),
                 ("soonest", "Soonest eligible"), ("updated", "Last updated")],
    )  # fmt: skip

    def __init__(self, *args, snapshot, advisors, show_advisor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certification"].choices = [("", "Any certification")] + [
            (cert.code, cert.name) for cert in snapshot.certifications
        ]
        if show_advisor:
            self.fields["advisor"].queryset = advisors
            self.fields["advisor"].label_from_instance = lambda m: m.display_name
        else:
            del self.fields["advisor"]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = "is not one of the choices"
        style_widgets(self)

    def filters(self) -> dict:
        """The valid filters (an invalid one is reported and ignored)."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: v for k, v in data.items() if v not in (None, "", [])}
