"""The "Catalog editors" group: exactly the permissions to edit the catalog, nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Catalog editors"
NOT_CATALOG = {"savedplan", "catalogrevision"}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    perms = Permission.objects.filter(content_type__app_label="eligibility").exclude(
        content_type__model__in=NOT_CATALOG
    ).exclude(content_type__model__startswith="historical")
    group.permissions.set(perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("eligibility", "0003_catalog_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
