"""The public pages: the assessment, private plans, the catalog pages, the API, health."""

from django.urls import path

from . import api, catalog_pages, views
from .health import healthz
from .wizard import AssessmentWizard

wizard = AssessmentWizard.as_view(url_name="assess_step", done_step_name="finished")

urlpatterns = [
    path("", views.home, name="home"),
    path("assess/", wizard, name="assess"),
    path("assess/results/", views.results, name="assess_results"),
    path("assess/results/calendar.ics", views.results_calendar, name="assess_calendar"),
    path("assess/save/", views.save, name="assess_save"),
    path("assess/restart/", views.restart, name="assess_restart"),
    path("assess/<slug:step>/", wizard, name="assess_step"),
    path("plan/<str:token>/", views.plan, name="plan"),
    path("plan/<str:token>/edit/", views.plan_edit, name="plan_edit"),
    path("plan/<str:token>/delete/", views.plan_delete, name="plan_delete"),
    path("plan/<str:token>/calendar.ics", views.plan_calendar_file, name="plan_calendar"),
    path("certifications/", catalog_pages.certification_list, name="certification_list"),
    path(
        "certifications/<slug:code>/",
        catalog_pages.certification_detail,
        name="certification_detail",
    ),
    path("jobs/", catalog_pages.job_list, name="job_list"),
    path("jobs/<slug:code>/", catalog_pages.job_detail, name="job_detail"),
    path("api/assess", api.assess, name="api_assess"),
    path("api/catalog", api.catalog, name="api_catalog"),
    path("healthz", healthz, name="healthz"),
]
