"""The "Catalog editors" group: exactly the permissions to edit the catalog, nothing else.

`CATALOG_MODELS` is the one list of what editors may change: the migration that creates the
group and `ensure_editors_group()` (which recreates it after a database flush, for the demo
account and tests) both read it. A list, not "every model of the app": the advisors' models
(organisations, members, clients) live in the same app label today, and a catalog editor who
could add a membership could make themselves an organisation's admin.
"""

from django.contrib.auth.models import Group, Permission

GROUP = "Catalog editors"
APP_LABEL = "eligibility"
CATALOG_MODELS = (
    "licencetype",
    "degreelevel",
    "degreefield",
    "role",
    "setting",
    "cetopic",
    "attestation",
    "externalcredential",
    "source",
    "certifyingbody",
    "certification",
    "applicationnote",
    "requirementgroup",
    "requirementoption",
    "condition",
    "socwage",
    "jobrole",
)


def editor_permissions(permission_model=Permission):
    """The add, change, delete and view permissions of the catalog's models."""
    return permission_model.objects.filter(
        content_type__app_label=APP_LABEL, content_type__model__in=CATALOG_MODELS
    )


def ensure_editors_group() -> Group:
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(editor_permissions())
    return group
