"""Advisors' records: organisations, their advisors, clients, invitations and assessments.

The engine never reads them and nothing here is catalog data. The tables were created by the
eligibility app's migrations and renamed to this app's in its 0011 (advising/migrations/0001
takes them over without touching the data).
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Func, Value
from django.db.models.functions import Length, Lower, Replace, Substr, Trim


def new_revision() -> str:
    """A random token: the default of the removed `Organisation.revision`, still named by
    the migrations that added it (eligibility 0006, advising 0001)."""
    return uuid.uuid4().hex


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    # Set by advising.numbers.numbers_changed in every service that changes what the dashboard
    # counts; the dashboard's numbers are kept under it (read with the member's organisation).
    numbers_changed = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in one organisation: an advisor, or an organisation admin who sees every
    advisor's clients."""

    ADVISOR = "advisor"
    ADMIN = "admin"
    ROLES = [(ADVISOR, "Advisor"), (ADMIN, "Organisation admin")]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(max_length=20, choices=ROLES, default=ADVISOR)

    class Meta:
        ordering = ["user__first_name", "user__last_name", "user__username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def is_admin(self) -> bool:
        return self.role == self.ADMIN


# A name in lower case without its outer spaces, and its last word: what follows the last
# space. RTRIM(name, <the name's characters but its spaces>) strips from the right up to that
# space; a two-word surname ("Garcia Lopez") sorts by its last word (a client has one name
# field).
NAME_KEY = Lower(Trim("name"))
LAST_NAME_KEY = Substr(
    NAME_KEY,
    Length(Func(NAME_KEY, Replace(NAME_KEY, Value(" "), Value("")), function="RTRIM")) + 1,
)


class Client(models.Model):
    """A person an advisor follows toward certification."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="clients")
    advisor = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="clients"
    )
    name = models.CharField(max_length=200)
    email = models.EmailField("e-mail", blank=True)
    external_id = models.CharField(
        "external id", max_length=100, blank=True,
        help_text="Your own reference for this person (a case or student number).",
    )  # fmt: skip
    notes = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    assessment = models.OneToOneField(
        "Assessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The latest assessment; its summary is what lists show.",
    )  # fmt: skip
    soonest_on = models.DateField(
        null=True, blank=True, help_text="The earliest date any certification is reachable."
    )
    # The keys the client list sorts by (last name, then the whole name, without regard to
    # case), kept by the database from `name` (stored generated columns, SQLite and PostgreSQL
    # alike) so that the sort reads an index instead of working a key out for every client.
    name_key = models.GeneratedField(
        expression=NAME_KEY, output_field=models.CharField(max_length=200), db_persist=True
    )
    last_name_key = models.GeneratedField(
        expression=LAST_NAME_KEY, output_field=models.CharField(max_length=200), db_persist=True
    )

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["organisation", "last_name_key", "name_key"]),
            models.Index(fields=["organisation", "soonest_on"]),
            models.Index(fields=["organisation", "updated"]),
        ]
        # No unique external id in the database: an id is unique among the clients the person
        # entering it can see (ClientForm), so a plain advisor never learns that a colleague's
        # client holds an id (issue 14). An organisation admin sees every client, so the ids
        # an admin enters are unique in the whole organisation.

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One profile of a client as it stood, with its summary (status and date per
    certification) so lists never run the engine per row."""

    BY_ADVISOR = "advisor"
    BY_CLIENT = "client"
    SOURCES = [(BY_ADVISOR, "Entered by an advisor"), (BY_CLIENT, "Completed by the client")]

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="assessments")
    profile = models.JSONField()
    source = models.CharField(max_length=20, choices=SOURCES)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created = models.DateTimeField(auto_now_add=True)
    catalog_version = models.CharField(max_length=64)
    computed_at = models.DateTimeField()
    summary = models.JSONField(
        help_text='{certification code: {"status", "eligible_on", "blocker", "detail"}}'
    )

    class Meta:
        ordering = ["-created", "-id"]
        get_latest_by = "created"

    def __str__(self) -> str:
        return f"{self.client} on {self.created:%Y-%m-%d}"


class Readiness(models.Model):
    """A client's standing for one certification, from their latest assessment: the rows the
    dashboard counts and the client list filters, one per client and certification."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="readiness")
    certification = models.CharField(max_length=80)
    status = models.CharField(max_length=20)
    eligible_on = models.DateField(null=True, blank=True)
    blocker = models.CharField(
        max_length=200, blank=True, help_text="The requirement that holds this client back."
    )
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["certification"]
        constraints = [
            models.UniqueConstraint(fields=["client", "certification"], name="unique_readiness")
        ]
        indexes = [models.Index(fields=["certification", "status", "eligible_on"])]

    def __str__(self) -> str:
        return f"{self.client}: {self.certification} {self.status}"

    def reached_by(self, day: dt.date) -> bool:
        """Eligible on `day` (a projected date counts once it has passed)."""
        if self.status == "eligible":
            return True
        return self.eligible_on is not None and self.eligible_on <= day


class Invitation(models.Model):
    """A signed, expiring link that lets one client fill in the assessment for themselves.

    Only a hash of the link's secret is stored; the link is shown to the advisor once.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="invitations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    secret_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # Set when an advisor revokes the link, or when the client finishes with another of their
    # links (only the link they finished with stays on record as used).
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Invitation for {self.client}"


class Recomputation(models.Model):
    """One pass that brought every saved summary up to the current catalog."""

    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)
    catalog_version = models.CharField(max_length=64)
    trigger = models.CharField(max_length=100)
    assessments = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(
        default=0, help_text="Profiles the new catalog refuses (a code was retired)."
    )
    rule_changes = models.JSONField(
        default=list, help_text="The catalog edits since the previous pass."
    )
    # The pass runs as chunks on the job queue, in any order and on any worker; the last chunk
    # to finish sets `finished`. A chunk delivered twice is counted once (its index is here).
    chunks = models.PositiveIntegerField(default=0)
    chunks_done = models.JSONField(default=list, help_text="Indexes of the chunks finished.")
    # The queue's id of the task that planned the pass: delivered again (its worker died after
    # planning), it finds the pass and sends the chunks not done instead of starting another.
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    # The rule version of each certification in `catalog_version` (Snapshot.rule_versions):
    # a later pass compares them with its own and evaluates, for an assessment computed
    # against this catalog, only the certifications whose rules moved.
    rule_versions = models.JSONField(default=dict, blank=True)
    # A pass an editor's change starts evaluates only the certifications whose rules moved;
    # the commands' passes (a deploy's load_catalog, recompute_summaries) evaluate them all,
    # since the engine's code may have changed with the same catalog.
    moved_rules_only = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started"]
        get_latest_by = "started"

    def __str__(self) -> str:
        return f"Recomputation {self.started:%Y-%m-%d %H:%M}"


class StatusChange(models.Model):
    """A client whose standing for a certification moved because the rules changed."""

    recomputation = models.ForeignKey(
        Recomputation, on_delete=models.CASCADE, related_name="status_changes"
    )
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="status_changes")
    certification = models.CharField(max_length=80)
    before_status = models.CharField(max_length=20)
    before_on = models.DateField(null=True, blank=True)
    after_status = models.CharField(max_length=20)
    after_on = models.DateField(null=True, blank=True)
    cause = models.TextField(blank=True)

    class Meta:
        ordering = ["-recomputation__started", "client__name"]

    def __str__(self) -> str:
        return f"{self.client}: {self.certification} {self.before_status} → {self.after_status}"


ADVISING_MODELS = (
    Organisation, Membership, Client, Assessment, Readiness, Invitation, Recomputation,
    StatusChange,
)  # fmt: skip
