from django.contrib import admin
from django.urls import path

from eligibility import views

admin.site.site_header = "careerpath catalog"
admin.site.site_title = "careerpath"

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
]
