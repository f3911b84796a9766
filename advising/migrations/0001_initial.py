"""The advisors' models, taken over from the eligibility app with their tables and rows.

eligibility/migrations/0011 renamed the tables; this records the models in this app's state
without touching the database, then gives the indexes the names this app's models expect and
moves the content types (so permissions already granted on these models are kept).
"""

import advising.models
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = (
    "organisation",
    "membership",
    "client",
    "assessment",
    "readiness",
    "invitation",
    "recomputation",
    "statuschange",
)

# (model, fields, name given by the eligibility app, name this app gives)
INDEXES = (
    (
        "client",
        ["organisation", "name"],
        "eligibility_organis_30941c_idx",
        "advising_cl_organis_d50aa9_idx",
    ),
    (
        "client",
        ["organisation", "soonest_on"],
        "eligibility_organis_7b22f9_idx",
        "advising_cl_organis_25188d_idx",
    ),
    (
        "client",
        ["organisation", "updated"],
        "eligibility_organis_3ec6dd_idx",
        "advising_cl_organis_fbaf9e_idx",
    ),
    (
        "readiness",
        ["certification", "status", "eligible_on"],
        "eligibility_certifi_cb160d_idx",
        "advising_re_certifi_ef20d2_idx",
    ),
)


def rename_indexes(apps, schema_editor, forwards=True):
    for model_name, fields, old, new in INDEXES:
        model = apps.get_model("advising", model_name)
        if not forwards:
            old, new = new, old
        schema_editor.rename_index(
            model, models.Index(fields=fields, name=old), models.Index(fields=fields, name=new)
        )


def unrename_indexes(apps, schema_editor):
    rename_indexes(apps, schema_editor, forwards=False)


def move_content_types(apps, schema_editor, source="eligibility", target="advising"):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.using(schema_editor.connection.alias).filter(
        app_label=source, model__in=MODELS
    ).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="advising", target="eligibility")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("eligibility", "0011_advising_moves_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200)),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        (
                            "revision",
                            models.CharField(
                                default=advising.models.new_revision, editable=False, max_length=32
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Recomputation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("started", models.DateTimeField()),
                        ("finished", models.DateTimeField(blank=True, null=True)),
                        ("catalog_version", models.CharField(max_length=64)),
                        ("trigger", models.CharField(max_length=100)),
                        ("assessments", models.PositiveIntegerField(default=0)),
                        ("changed", models.PositiveIntegerField(default=0)),
                        (
                            "failed",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Profiles the new catalog refuses (a code was retired).",
                            ),
                        ),
                        (
                            "rule_changes",
                            models.JSONField(
                                default=list, help_text="The catalog edits since the previous pass."
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-started"],
                        "get_latest_by": "started",
                    },
                ),
                migrations.CreateModel(
                    name="Assessment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("profile", models.JSONField()),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("advisor", "Entered by an advisor"),
                                    ("client", "Completed by the client"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("catalog_version", models.CharField(max_length=64)),
                        ("computed_at", models.DateTimeField()),
                        (
                            "summary",
                            models.JSONField(
                                help_text='{certification code: {"status", "eligible_on", "blocker", "detail"}}'
                            ),
                        ),
                        (
                            "entered_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created", "-id"],
                        "get_latest_by": "created",
                    },
                ),
                migrations.CreateModel(
                    name="Client",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200)),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "external_id",
                            models.CharField(
                                blank=True,
                                help_text="Your own reference for this person (a case or student number).",
                                max_length=100,
                                verbose_name="external id",
                            ),
                        ),
                        ("notes", models.TextField(blank=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("updated", models.DateTimeField(auto_now=True)),
                        (
                            "soonest_on",
                            models.DateField(
                                blank=True,
                                help_text="The earliest date any certification is reachable.",
                                null=True,
                            ),
                        ),
                        (
                            "assessment",
                            models.OneToOneField(
                                blank=True,
                                help_text="The latest assessment; its summary is what lists show.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="advising.assessment",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["name", "id"],
                    },
                ),
                migrations.AddField(
                    model_name="assessment",
                    name="client",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assessments",
                        to="advising.client",
                    ),
                ),
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("expires", models.DateTimeField()),
                        ("secret_hash", models.CharField(max_length=64, unique=True)),
                        ("used_at", models.DateTimeField(blank=True, null=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="advising.client",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[("advisor", "Advisor"), ("admin", "Organisation admin")],
                                default="advisor",
                                max_length=20,
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="membership",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="members",
                                to="advising.organisation",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["user__first_name", "user__last_name", "user__username"],
                    },
                ),
                migrations.AddField(
                    model_name="client",
                    name="advisor",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="clients",
                        to="advising.membership",
                    ),
                ),
                migrations.AddField(
                    model_name="client",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="clients",
                        to="advising.organisation",
                    ),
                ),
                migrations.CreateModel(
                    name="Readiness",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("certification", models.CharField(max_length=80)),
                        ("status", models.CharField(max_length=20)),
                        ("eligible_on", models.DateField(blank=True, null=True)),
                        (
                            "blocker",
                            models.CharField(
                                blank=True,
                                help_text="The requirement that holds this client back.",
                                max_length=200,
                            ),
                        ),
                        ("detail", models.CharField(blank=True, max_length=300)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="readiness",
                                to="advising.client",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["certification"],
                    },
                ),
                migrations.CreateModel(
                    name="StatusChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("certification", models.CharField(max_length=80)),
                        ("before_status", models.CharField(max_length=20)),
                        ("before_on", models.DateField(blank=True, null=True)),
                        ("after_status", models.CharField(max_length=20)),
                        ("after_on", models.DateField(blank=True, null=True)),
                        ("cause", models.TextField(blank=True)),
                        (
                            "client",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="status_changes",
                                to="advising.client",
                            ),
                        ),
                        (
                            "recomputation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="status_changes",
                                to="advising.recomputation",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-recomputation__started", "client__name"],
                    },
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(
                        fields=["organisation", "name"], name="advising_cl_organis_d50aa9_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(
                        fields=["organisation", "soonest_on"], name="advising_cl_organis_25188d_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="client",
                    index=models.Index(
                        fields=["organisation", "updated"], name="advising_cl_organis_fbaf9e_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="readiness",
                    index=models.Index(
                        fields=["certification", "status", "eligible_on"],
                        name="advising_re_certifi_ef20d2_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="readiness",
                    constraint=models.UniqueConstraint(
                        fields=("client", "certification"), name="unique_readiness"
                    ),
                ),
            ],
        ),
        migrations.RunPython(rename_indexes, unrename_indexes),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
