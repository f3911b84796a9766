"""The "Catalog editors" group: exactly the permissions to edit the catalog, nothing else.

A migration creates it; `ensure_editors_group()` (re)creates it where the data may be gone,
e.g. after a database flush, and is what the demo account and tests use.
"""

from django.contrib.auth.models import Group, Permission

GROUP = "Catalog editors"
NOT_CATALOG = {"savedplan", "catalogrevision"}


def editor_permissions():
    return (
        Permission.objects.filter(content_type__app_label="eligibility")
        .exclude(content_type__model__in=NOT_CATALOG)
        .exclude(content_type__model__startswith="historical")
    )


def ensure_editors_group() -> Group:
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(editor_permissions())
    return group
