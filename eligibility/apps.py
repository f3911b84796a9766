from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "eligibility"
    verbose_name = "Eligibility catalog"

    def connect_catalog_signals(self) -> None:
        """Any change to a catalog row moves the revision, so caches rebuild the snapshot."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .catalog import catalog_changed
        from .models import CATALOG_MODELS, Certification, JobRole

        for model in CATALOG_MODELS:
            post_save.connect(
                catalog_changed, sender=model, dispatch_uid=f"cat-save-{model.__name__}"
            )
            post_delete.connect(
                catalog_changed, sender=model, dispatch_uid=f"cat-del-{model.__name__}"
            )
        throughs = [Certification.sources.through] + [
            getattr(JobRole, f.name).through for f in JobRole._meta.many_to_many
        ]
        for through in throughs:
            m2m_changed.connect(
                catalog_changed, sender=through, dispatch_uid=f"cat-m2m-{through.__name__}"
            )

    def ready(self) -> None:
        self.connect_catalog_signals()
