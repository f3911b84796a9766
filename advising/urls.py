from django.urls import path

from . import team, views
from .wizard import AdvisorEntryWizard, InvitationWizard

advisor_wizard = AdvisorEntryWizard.as_view(url_name="advisor_assessment_step",
                                            done_step_name="finished")  # fmt: skip
invitation_wizard = InvitationWizard.as_view(url_name="invitation_step", done_step_name="finished")

urlpatterns = [
    path("advisor/", views.advisor_dashboard, name="advisor_dashboard"),
    path("advisor/clients/", views.client_list, name="advisor_clients"),
    path("advisor/clients/export.csv", views.client_export, name="advisor_clients_export"),
    path("advisor/clients/new/", views.client_new, name="advisor_client_new"),
    path("advisor/clients/<int:pk>/", views.client_detail, name="advisor_client"),
    path("advisor/clients/<int:pk>/edit/", views.client_edit, name="advisor_client_edit"),
    path("advisor/clients/<int:pk>/delete/", views.client_delete, name="advisor_client_delete"),
    path("advisor/clients/<int:pk>/invite/", views.client_invite, name="advisor_client_invite"),
    path(
        "advisor/clients/<int:pk>/revoke-invitation/",
        views.client_revoke_invitation,
        name="advisor_client_revoke_invitation",
    ),
    path("advisor/clients/<int:pk>/assessment/", advisor_wizard, name="advisor_assessment"),
    path(
        "advisor/clients/<int:pk>/assessment/<slug:step>/",
        advisor_wizard,
        name="advisor_assessment_step",
    ),
    path("advisor/team/", team.team, name="advisor_team"),
    path("advisor/team/new/", team.team_add, name="advisor_team_add"),
    path("advisor/team/<int:pk>/role/", team.member_role, name="advisor_member_role"),
    path("advisor/team/<int:pk>/active/", team.member_active, name="advisor_member_active"),
    path("advisor/team/<int:pk>/invite/", team.member_invite, name="advisor_member_invite"),
    path("invite/<str:token>/", invitation_wizard, name="invitation"),
    path("invite/<str:token>/done/", views.invitation_done, name="invitation_done"),
    path("invite/<str:token>/<slug:step>/", invitation_wizard, name="invitation_step"),
]
