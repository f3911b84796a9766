from django.apps import AppConfig


class CareerpathConfig(AppConfig):
    """The site package as an app, for the one table it owns (the rate-limit counters)."""

    name = "careerpath"
    verbose_name = "Site"
