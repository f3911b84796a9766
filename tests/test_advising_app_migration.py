"""The advisors' rows survive their move from the eligibility app to `advising`.

Migrates a database back to before the move, writes rows there as the old app's models,
migrates forward and reads them through the new app: same rows, the permissions already
granted on them kept, and the indexes under the names the new app's models give them.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("eligibility", "0010_client_external_id_unique_per_viewer")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


# Slow: it migrates a database back past the move and forward again, and its flush makes the
# next database test load the catalog anew.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_organisations_clients_and_their_permissions_survive_the_move_to_the_advising_app():
    old = _migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="advisor-before-the-move")
    org = old.get_model("eligibility", "Organisation").objects.create(name="Harbour", slug="h")
    old.get_model("eligibility", "Membership").objects.create(user=user, organisation=org)
    client = old.get_model("eligibility", "Client").objects.create(organisation=org, name="Maria")
    old.get_model("eligibility", "Readiness").objects.create(
        client=client, certification="ccm", status="eligible"
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="eligibility", model="client"
    )[0]
    permission = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="view_client", defaults={"name": "Can view client"}
    )[0]
    user.user_permissions.add(permission)

    new = _migrate(_latest())

    client = new.get_model("advising", "Client").objects.get()
    assert (client.name, client.organisation.name) == ("Maria", "Harbour")
    assert new.get_model("advising", "Membership").objects.get().user.username == (
        "advisor-before-the-move"
    )
    assert list(
        new.get_model("advising", "Readiness").objects.values_list("certification", "status")
    ) == [("ccm", "eligible")]
    user = new.get_model("auth", "User").objects.get(username="advisor-before-the-move")
    assert list(user.user_permissions.values_list("content_type__app_label", "codename")) == [
        ("advising", "view_client")
    ]
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "advising_client")
    # The indexes moved under the new app's names (the name one was later replaced by the
    # name keys', advising 0006).
    assert "advising_cl_organis_25188d_idx" in indexes
    assert not any(name.startswith("eligibility_organis") for name in indexes)
