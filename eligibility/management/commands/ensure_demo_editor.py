from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from eligibility.editors import ensure_editors_group

USERNAME = "editor"
PASSWORD = "careerpath-demo"  # noqa: S105 - a documented local demo account, DEBUG only  # nosec B105


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo editor account, a member of 'Catalog editors' (not a "
        "superuser). Refuses to run unless DEBUG is on."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo editor account is only for local development (DEBUG).")
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = True
        user.is_superuser = False
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(ensure_editors_group())
        self.stdout.write(
            f"Demo editor: username {USERNAME!r}, password {PASSWORD!r} — sign in at /admin/"
        )
