from django.apps import AppConfig


class AdvisingConfig(AppConfig):
    """Organisations, their advisors, clients, invitations and saved assessments.

    The engine never reads these rows, and nothing here is catalog data: an editor's group
    holds no permission on this app.
    """

    name = "advising"
    verbose_name = "Advising"

    def ready(self) -> None:
        from eligibility.catalog import revised

        from .recompute import schedule_recompute

        revised.connect(schedule_recompute, dispatch_uid="recompute-summaries")
