"""Catalog rows: the rules editors keep as data (docs/catalog-format.md).

Each row has a stable slug `code`. The engine never reads these models directly: the catalog
is turned into the file format and then into a frozen snapshot (eligibility.catalog).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .catalog_format import URL_MESSAGE, web_address
from .kinds import KINDS


class Coded(models.Model):
    code = models.SlugField(max_length=80, unique=True, help_text="Stable identifier; never reuse.")
    name = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0, help_text="Display order.")

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class LicenceType(Coded):
    history = HistoricalRecords()
    description = models.TextField(blank=True)

    class Meta(Coded.Meta):
        verbose_name = "licence type"


class DegreeLevel(Coded):
    history = HistoricalRecords()
    rank = models.PositiveSmallIntegerField(help_text="Higher ranks are higher degrees.")

    class Meta(Coded.Meta):
        ordering = ["rank", "code"]


class DegreeField(Coded):
    history = HistoricalRecords()
    hhs = models.BooleanField(
        "health and human services",
        default=False,
        help_text="Counts where a rule asks for a health and human services field.",
    )


class Role(Coded):
    history = HistoricalRecords()
    description = models.TextField(blank=True)


class Setting(Coded):
    history = HistoricalRecords()
    health_care_delivery = models.BooleanField(
        default=False, help_text="Counts where a rule asks for a health care delivery setting."
    )


class CETopic(Coded):
    history = HistoricalRecords()

    class Meta(Coded.Meta):
        verbose_name = "CE topic"


class Attestation(Coded):
    history = HistoricalRecords()
    question = models.TextField(help_text="The yes/no question the form asks.")


class ExternalCredential(Coded):
    """A credential a person may hold that the catalog does not certify (CRC, CDMS)."""

    history = HistoricalRecords()


class Source(models.Model):
    history = HistoricalRecords()
    CONFIDENCE = [
        ("verified", "Verified on the body's own page"),
        ("secondary", "From a secondary source"),
        ("unverified", "Not verified"),
    ]
    code = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    accessed_on = models.DateField(null=True, blank=True)
    verified_on = models.DateField(null=True, blank=True)
    confidence = models.CharField(max_length=12, choices=CONFIDENCE)
    notes = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """A source marked verified must be on the own site of every body whose
        certification cites it (a body's own page is the only ground for "verified")."""
        from .catalog_format import off_site_message, on_body_site

        if self.confidence != "verified" or not self.pk:
            return
        citing = Certification.objects.filter(
            models.Q(sources=self)
            | models.Q(fees_source=self)
            | models.Q(exam_source=self)
            | models.Q(windows_source=self)
            | models.Q(renewal_source=self)
        ).select_related("body")
        for cert in citing.distinct():
            sites = cert.body.sites()
            if not on_body_site(self.url, sites):
                raise ValidationError(
                    {
                        "confidence": off_site_message(
                            f"Confidence ({cert.name} cites this source)",
                            self.code,
                            self.url,
                            cert.body.name,
                            sites,
                        )
                    }
                )


class CertifyingBody(Coded):
    history = HistoricalRecords()
    url = models.URLField(max_length=500, blank=True)
    other_urls = models.JSONField(
        "other sites of the body",
        default=list,
        blank=True,
        help_text='Its former or sister sites, e.g. ["https://ccmcertification.org"]. '
        "A source marked verified must be on the body's own site: this address or one of these.",
    )

    class Meta(Coded.Meta):
        verbose_name_plural = "certifying bodies"

    def clean(self) -> None:
        from .catalog_format import off_site_message, on_body_site

        errors = []
        for value in self.other_urls if isinstance(self.other_urls, list) else [None]:
            if not isinstance(value, str) or not web_address(value):
                errors.append(f"{value!r}: {URL_MESSAGE}")
        if errors:
            raise ValidationError({"other_urls": errors})
        if not self.pk:
            return
        sites = self.sites()
        for field, source in cited_verified_sources(body=self):
            if not on_body_site(source.url, sites):
                label = f"Url (a certification's {field.replace('_', ' ')} cites it)"
                raise ValidationError(
                    {"url": off_site_message(label, source.code, source.url, self.name, sites)}
                )

    def sites(self) -> list[str]:
        """The addresses of the body's own site (a verified source must be on one of them)."""
        return [u for u in [self.url, *(self.other_urls or [])] if isinstance(u, str) and u]


class Certification(Coded):
    body = models.ForeignKey(
        CertifyingBody, on_delete=models.PROTECT, related_name="certifications"
    )
    summary = models.TextField(blank=True)
    exam = models.TextField(blank=True, help_text="Format and length of the exam.")
    fees = models.TextField(blank=True)
    exam_windows = models.TextField(blank=True)
    renewal_years = models.PositiveSmallIntegerField(null=True, blank=True)
    renewal_ce_hours = models.PositiveSmallIntegerField("renewal CE hours", null=True, blank=True)
    renewal_notes = models.TextField(blank=True)
    source_notes = models.TextField(
        blank=True, help_text="How these rules differ from the sources, or what is unverified."
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="certifications",
        verbose_name="sources of the rules",
        help_text="Where the requirements (who can apply) come from.",
    )
    audience = models.CharField(
        "who it is for",
        max_length=300,
        blank=True,
        help_text='In a few words a reader scans, e.g. "Nurses, social workers and counselors".',
    )
    # Each fact cites its own source: a certification whose rules were verified on the body's
    # page must not lend that confidence to fees copied from an older article (issue #16).
    fees_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Where the fees come from; empty shows them as unverified.",
    )  # fmt: skip
    exam_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Where the exam's format and length come from.",
    )  # fmt: skip
    windows_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Where the exam windows come from.",
    )  # fmt: skip
    renewal_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Where the renewal rules come from.",
    )  # fmt: skip
    history = HistoricalRecords(m2m_fields=[sources])

    def clean(self) -> None:
        from .catalog_format import off_site_message, on_body_site

        body = getattr(self, "body", None) if self.body_id else None
        if body is None:
            return
        sites = body.sites()
        errors = {}
        for field in FACT_FIELDS:
            source = getattr(self, field)
            if source and source.confidence == "verified" and not on_body_site(source.url, sites):
                label = str(self._meta.get_field(field).verbose_name).capitalize()
                errors[field] = off_site_message(label, source.code, source.url, body.name, sites)
        if errors:
            raise ValidationError(errors)


# The facts of a certification that each cite their own source, by the field of the source.
FACT_FIELDS = ("fees_source", "exam_source", "windows_source", "renewal_source")


def cited_verified_sources(**certification_filter):
    """(field, source) for every verified source the matching certifications cite."""
    certs = Certification.objects.filter(**certification_filter).prefetch_related("sources")
    for cert in certs.select_related(*FACT_FIELDS):
        for field in FACT_FIELDS:
            source = getattr(cert, field)
            if source and source.confidence == "verified":
                yield field, source
        for source in cert.sources.all():
            if source.confidence == "verified":
                yield "sources", source


class SocWage(models.Model):
    """National pay and employment of one occupation (BLS OEWS), shown beside the jobs."""

    history = HistoricalRecords()
    code = models.CharField(
        "SOC code", max_length=7, unique=True, help_text="The 6-digit SOC code, e.g. 29-1141."
    )
    title = models.CharField(max_length=200)
    median_annual_wage = models.PositiveIntegerField(
        null=True, blank=True, help_text="In US dollars; empty when no figure was found."
    )
    employment = models.PositiveIntegerField(
        null=True, blank=True, help_text="OEWS employment; empty when not found."
    )
    period = models.CharField(
        "reference period", max_length=40, blank=True, help_text='e.g. "May 2025".'
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="wages"
    )
    notes = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = "occupation wage"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


def validated_params(kind: str, params: object, prefix: str = "") -> dict:
    """A condition's parameters, checked against the catalog's codes; ValidationError if not.

    Errors are not keyed by field: forms show parameters as separate fields, not "params".
    """
    from .kinds import clean_params

    cleaned, errors = clean_params(kind, params, vocabulary_codes())
    if errors:
        raise ValidationError([f"{prefix}{k}: {v}" for k, v in errors.items()])
    return cleaned


# The vocabularies a condition's parameters draw codes from, by their name in the catalog
# file. Kept beside the models (not in eligibility.catalog) so that validating a condition
# does not make the models import the catalog layer above them.
VOCAB_MODELS = {
    "licence_types": LicenceType,
    "degree_levels": DegreeLevel,
    "degree_fields": DegreeField,
    "roles": Role,
    "settings": Setting,
    "ce_topics": CETopic,
    "attestations": Attestation,
    "external_credentials": ExternalCredential,
}


def vocabulary_codes() -> dict[str, set[str]]:
    """Codes of every vocabulary, for validating condition parameters in forms."""
    codes = {
        key: set(model.objects.values_list("code", flat=True))
        for key, model in VOCAB_MODELS.items()
    }
    codes["credentials"] = codes["external_credentials"] | set(
        Certification.objects.values_list("code", flat=True)
    )
    return codes


class ConditionFields(models.Model):
    """A condition kind with its parameters (validated against eligibility.kinds)."""

    kind = models.CharField(max_length=40, choices=[(k.code, k.label) for k in KINDS.values()])
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        if self.kind:
            self.params = validated_params(self.kind, self.params)


class ApplicationNote(models.Model):
    history = HistoricalRecords()
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="application_notes"
    )
    text = models.TextField()
    unless_kind = models.CharField(
        max_length=40,
        blank=True,
        choices=[("", "always shown")] + [(k.code, k.label) for k in KINDS.values()],
        help_text="Hide the note when the person meets this condition.",
    )
    unless_params = models.JSONField(default=dict, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        if self.unless_kind:
            self.unless_params = validated_params(self.unless_kind, self.unless_params, "unless ")
        else:
            self.unless_params = {}


class RequirementGroup(models.Model):
    """All groups of a certification must be met."""

    history = HistoricalRecords()

    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="groups"
    )
    code = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["certification", "code"], name="unique_group_code")
        ]

    def __str__(self) -> str:
        return f"{self.certification.code}: {self.name}"


class RequirementOption(models.Model):
    """Any one option meets its group."""

    history = HistoricalRecords()

    group = models.ForeignKey(RequirementGroup, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "code"], name="unique_option_code")]

    def __str__(self) -> str:
        return f"{self.group}: {self.name}"


class Condition(ConditionFields):
    """All conditions of an option must hold."""

    history = HistoricalRecords()

    option = models.ForeignKey(
        RequirementOption, on_delete=models.CASCADE, related_name="conditions"
    )
    code = models.SlugField(max_length=80)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["option", "code"], name="unique_condition_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.kind})"


class JobRole(Coded):
    summary = models.TextField(blank=True)
    soc_codes = models.JSONField(default=list, help_text='O*NET-SOC codes, e.g. ["29-1141.00"].')
    wage_notes = models.TextField(
        blank=True, help_text="How well the occupations' pay describes this job (a weak proxy?)."
    )
    background_licences = models.ManyToManyField(LicenceType, blank=True)
    background_fields = models.ManyToManyField(DegreeField, blank=True)
    background_roles = models.ManyToManyField(Role, blank=True)
    background_any_bachelor = models.BooleanField(
        default=False, help_text="Any bachelor's degree is a fitting background."
    )
    settings = models.ManyToManyField(Setting, blank=True)
    helpful_certifications = models.ManyToManyField(
        Certification, blank=True, related_name="helpful_for"
    )
    shown_when_reaching = models.ManyToManyField(
        Certification,
        blank=True,
        related_name="unlocks",
        help_text="If set, only shown to people who hold, meet or are nearing one of these.",
    )
    history = HistoricalRecords(
        m2m_fields=[
            background_licences,
            background_fields,
            background_roles,
            settings,
            helpful_certifications,
            shown_when_reaching,
        ]
    )


class CatalogRevision(models.Model):
    """One row whose token changes whenever any catalog row changes (cache invalidation).

    A random token rather than a counter, so that rolled-back transactions can never make two
    different catalogs share a revision.
    """

    token = models.CharField(max_length=32, default="")
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"catalog revision {self.token}"

    @classmethod
    def bump(cls) -> None:
        from django.utils import timezone

        updated = cls.objects.filter(pk=1).update(token=uuid.uuid4().hex, changed_at=timezone.now())
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"token": uuid.uuid4().hex})

    @classmethod
    def current(cls) -> str:
        # Read on every request that uses the catalog: plain SQL, a fraction of the ORM's cost.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT token FROM eligibility_catalogrevision WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else ""


class SavedPlan(models.Model):
    """A self-assessor's answers behind an unguessable private link (no account).

    Only a hash of the link's token is stored, so the database alone cannot open a plan.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    profile = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"saved plan of {self.created_at:%Y-%m-%d}"


# simple_history's record types, as words.
HISTORY_VERBS = {"+": "added", "~": "changed", "-": "deleted"}

CATALOG_MODELS = (
    LicenceType,
    DegreeLevel,
    DegreeField,
    Role,
    Setting,
    CETopic,
    Attestation,
    ExternalCredential,
    Source,
    CertifyingBody,
    Certification,
    ApplicationNote,
    RequirementGroup,
    RequirementOption,
    Condition,
    SocWage,
    JobRole,
)
