"""The editors' group holds the catalog's permissions only (eligibility.editors.CATALOG_MODELS):
a group rebuilt by `ensure_editors_group()` before this held the advisors' models too."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eligibility.editors import CATALOG_MODELS, GROUP


def narrow_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="eligibility", content_type__model__in=CATALOG_MODELS
        )
    )


class Migration(migrations.Migration):
    dependencies = [("eligibility", "0007_rate_counter")]

    operations = [migrations.RunPython(narrow_group, migrations.RunPython.noop)]
