import random
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from faker import Faker

from advising.demo import DEMO_PASSWORD, demo_plans, demo_profile, email_for
from advising.models import Assessment, Client, Membership, Organisation
from advising.summaries import dated_profile, save_summaries, soonest, summarise
from eligibility.catalog import get_snapshot
from eligibility.engine import evaluate
from eligibility.profile import parse_profile
from eligibility.snapshot import CatalogError

NAME = "Riverside Workforce Board"
BATCH = 500
# (username suffix, first name, last name, role); usernames are "<slug>-<suffix>".
STAFF = (
    ("admin", "Morgan", "Ellis", Membership.ADMIN),
    ("advisor", "Priya", "Raman", Membership.ADVISOR),
    ("advisor2", "Daniel", "Okafor", Membership.ADVISOR),
)
UNASSIGNED = 0.04  # share of clients no advisor has taken on yet
STREAMS = ("people", "plans", "advisors")


class Command(BaseCommand):
    help = (
        f"Create a demo organisation ('{NAME}', slug 'demo' by default) with an organisation "
        "admin <slug>-admin and two advisors <slug>-advisor and <slug>-advisor2 (password "
        f"'{DEMO_PASSWORD}'; printed only when DEBUG is on), and N clients spread over the two "
        "advisors (a few unassigned), each with an assessment of a varied, realistic profile "
        "against the published catalog, which must be loaded (manage.py load_catalog). "
        "Safe to re-run: the organisation and its three accounts are reused and brought back to "
        "the demo state (names, roles, password); when the organisation already has N clients or "
        "more nothing else is done, otherwise only the missing clients are added. The same "
        "--seed gives the same clients, whether added at once or topped up in steps. One "
        "transaction: all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clients", type=int, default=50, metavar="N",
            help="how many clients the organisation should have (default 50)",
        )  # fmt: skip
        parser.add_argument(
            "--organisation-slug", default="demo", help="the organisation's slug (default demo)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed for names and profiles (default 1)"
        )
        parser.add_argument(
            "--allow-without-debug", action="store_true",
            help="run with DEBUG off too (benchmarks on throwaway databases): the demo accounts "
            "get the documented password, so never on a site people use",
        )  # fmt: skip

    def handle(self, *args, **options):
        wanted, slug, seed = options["clients"], options["organisation_slug"], options["seed"]
        if wanted < 0:
            raise CommandError("--clients must be 0 or more.")
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "seed_demo creates accounts with a published password: it runs only with "
                "DJANGO_DEBUG=true (or --allow-without-debug on a throwaway database)."
            )
        try:
            snapshot = get_snapshot()
        except CatalogError as exc:
            raise CommandError(
                f"The catalog is not usable ({exc}); load it with `manage.py load_catalog`."
            ) from None
        if not snapshot.certifications:
            raise CommandError(
                "The catalog is not loaded (no published certification): run "
                "`python manage.py load_catalog` first."
            )
        started = time.monotonic()
        with transaction.atomic():
            name = NAME if slug == "demo" else f"{NAME} ({slug})"
            organisation, _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": name})
            members = [self.member(organisation, slug, *row) for row in STAFF]
            existing = organisation.clients.count()
            added = 0
            if existing < wanted:
                added = self.add_clients(organisation, members[1:], members[0], wanted, seed)
        seconds = time.monotonic() - started

        total = existing + added
        if added:
            self.stdout.write(
                f"{organisation.name}: added {added} clients with assessments, "
                f"{total} in all ({seconds:.1f} s)."
            )
        else:
            self.stdout.write(
                f"{organisation.name} already has {total} clients (asked for {wanted}): none added."
            )
        if settings.DEBUG:
            for member in members:
                label = "Demo organisation admin" if member.is_admin else "Demo advisor"
                self.stdout.write(f"{label}: {member.user.username} / {DEMO_PASSWORD}")

    def member(self, organisation, slug, suffix, first, last, role) -> Membership:
        """The demo account, created or brought back to the demo state."""
        username = f"{slug}-{suffix}"
        user, _ = get_user_model().objects.get_or_create(username=username)
        membership = Membership.objects.filter(user=user).first()
        if membership and membership.organisation_id != organisation.pk:
            raise CommandError(
                f"User {username!r} already belongs to another organisation "
                f"({membership.organisation.slug!r}); not moving them."
            )
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        if membership is None:
            return Membership.objects.create(user=user, organisation=organisation, role=role)
        if membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
        return membership

    def add_clients(self, organisation, advisors, admin, wanted: int, seed: int) -> int:
        """Add clients until the organisation has `wanted`; returns how many were added.

        Client i of the seed's sequence is the same person whichever run adds it; those whose
        external id is taken already are skipped. Fast for thousands: no record_assessment per
        client; every summary is computed here and the rows go in with bulk inserts.
        """
        snapshot = get_snapshot()
        today, now = timezone.localdate(), timezone.now()
        # Reproducible demo data, not secrets; one stream each, so client i is the same person
        # however many are asked for.
        rng, plans, assign = (random.Random(f"{seed}-{use}") for use in STREAMS)  # noqa: S311  # nosec B311
        faker = Faker("en_US")
        faker.seed_instance(seed)
        taken = set(organisation.clients.values_list("external_id", flat=True))
        missing = wanted - organisation.clients.count()

        clients, assessments = [], []
        for i, plan in enumerate(demo_plans(plans, snapshot, wanted)):
            if len(clients) == missing:
                break
            # Every person is drawn, even a skipped one, so client i never depends on the run.
            profile = dated_profile(demo_profile(rng, snapshot, today, plan), today)
            person_name = faker.name()
            advisor = None if assign.random() < UNASSIGNED else assign.choice(advisors)
            external_id = f"RWB-{i + 1:05d}"
            if external_id in taken:
                continue
            summary = summarise(evaluate(parse_profile(profile, snapshot, today=today), snapshot))
            clients.append(
                Client(
                    organisation=organisation, advisor=advisor, name=person_name,
                    email=email_for(person_name, external_id), external_id=external_id,
                    soonest_on=soonest(summary, profile["as_of"]),
                )
            )  # fmt: skip
            assessments.append(
                Assessment(
                    profile=profile, source=Assessment.BY_ADVISOR,
                    entered_by_id=(advisor or admin).user_id,
                    catalog_version=snapshot.version, computed_at=now, summary=summary,
                )
            )  # fmt: skip
        Client.objects.bulk_create(clients, batch_size=BATCH)
        for client, assessment in zip(clients, assessments, strict=True):
            assessment.client = client
        Assessment.objects.bulk_create(assessments, batch_size=BATCH)
        save_summaries(assessments, current=True)
        return len(clients)
