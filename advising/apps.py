from django.apps import AppConfig


class AdvisingConfig(AppConfig):
    """Organisations, their advisors, clients, invitations and saved assessments.

    The engine never reads these rows, and nothing here is catalog data: an editor's group
    holds no permission on this app. A catalog change recomputes the stored summaries through
    an explicit call (advising.tasks.enqueue_recompute) in the service that saved it, not
    through a signal.
    """

    name = "advising"
    verbose_name = "Advising"
