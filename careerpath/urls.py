from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from careerpath.views import healthz, robots_txt
from eligibility import api, catalog_pages, views
from eligibility.advising.auth import login_limit
from eligibility.wizard import AssessmentWizard

wizard = AssessmentWizard.as_view(url_name="assess_step", done_step_name="finished")


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on pages that name no icon (a JSON answer, a
    file): the site's SVG icon. Resolved per request, because the static file's hashed
    name is known only after collectstatic."""
    return redirect(static("favicon.svg"))


admin.site.site_header = "careerpath catalog"
admin.site.site_title = "careerpath"

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
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("eligibility.advising.auth")),
    path("", include("eligibility.advising.urls")),
    # The admin's log-in, with the same limit on guessing as the site's (and the same count);
    # matched before admin.site.urls, so reverse("admin:login") still names this address.
    path("admin/login/", login_limit(admin.site.login)),
    path("admin/", admin.site.urls),
]
